package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.derivcheck.testing.CasPerClass;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry of the table of known moments, confirmed by Monte Carlo with Commons Math's own samplers
 * (independent of the checker's): the closed form must lie within 5 standard errors of the mean of
 * 400,000 draws (two-sided p = 6e-7 per entry, so a correct entry fails with negligible probability,
 * while a wrong formula at these parameters is off by far more than 5 standard errors).
 */
class MomentsTest {
    private static final int DRAWS = 400_000;
    @RegisterExtension
    static final CasPerClass CAS = CasPerClass.started();

    static Stream<Arguments> gamma() {
        // shape 3.5, rate 2: E[1/x] and E[1/x^2] exist (shape > 2)
        return Stream.of(
                Arguments.of("x", (DoubleBinaryOperator) (x, y) -> x),
                Arguments.of("x^2", (DoubleBinaryOperator) (x, y) -> x * x),
                Arguments.of("1/x", (DoubleBinaryOperator) (x, y) -> 1 / x),
                Arguments.of("1/x^2", (DoubleBinaryOperator) (x, y) -> 1 / (x * x)),
                Arguments.of("Sqrt(x)", (DoubleBinaryOperator) (x, y) -> Math.sqrt(x)),
                Arguments.of("Log(x)", (DoubleBinaryOperator) (x, y) -> Math.log(x)),
                Arguments.of("x*Log(x)", (DoubleBinaryOperator) (x, y) -> x * Math.log(x)),
                Arguments.of("Log(x)^2", (DoubleBinaryOperator) (x, y) -> Math.log(x) * Math.log(x)),
                Arguments.of("x^2*Log(x)", (DoubleBinaryOperator) (x, y) -> x * x * Math.log(x)),
                Arguments.of("Log(3*x^2)", (DoubleBinaryOperator) (x, y) -> Math.log(3 * x * x)),
                // exponential tilting (c < rate 2; c = 1/2 keeps the variance of the draws finite)
                Arguments.of("Exp(-x)", (DoubleBinaryOperator) (x, y) -> Math.exp(-x)),
                Arguments.of("x*Exp(-x/2 + 1)", (DoubleBinaryOperator) (x, y) -> x * Math.exp(-x / 2 + 1)),
                Arguments.of("x^2*Exp(x/2)", (DoubleBinaryOperator) (x, y) -> x * x * Math.exp(x / 2)));
    }

    @ParameterizedTest
    @MethodSource("gamma")
    void gammaMoments(String f, DoubleBinaryOperator g) {
        GammaDistribution d = new GammaDistribution(new Well19937c(1), 3.5, 1 / 2.0);
        check("Expectation(" + f + ", x ~ Gamma(7/2, 2))", () -> {
            double x = d.sample();
            return g.applyAsDouble(x, 0);
        });
    }

    static Stream<Arguments> normal() {
        return Stream.of(
                Arguments.of("x", (DoubleBinaryOperator) (x, y) -> x),
                Arguments.of("x^2", (DoubleBinaryOperator) (x, y) -> x * x),
                Arguments.of("x^3", (DoubleBinaryOperator) (x, y) -> x * x * x),
                Arguments.of("x^4", (DoubleBinaryOperator) (x, y) -> x * x * x * x),
                Arguments.of("(x - 3/2)^2*x", (DoubleBinaryOperator) (x, y) -> (x - 1.5) * (x - 1.5) * x),
                // exponential tilting: E[x^k e^(c x + d)]
                Arguments.of("Exp(x)", (DoubleBinaryOperator) (x, y) -> Math.exp(x)),
                Arguments.of("x*Exp(-x/2 + 1)", (DoubleBinaryOperator) (x, y) -> x * Math.exp(-x / 2 + 1)),
                Arguments.of("x^2*Exp(x/3) - Exp(2*x)", (DoubleBinaryOperator) (x, y) -> x * x * Math.exp(x / 3) - Math.exp(2 * x)));
    }

    @ParameterizedTest
    @MethodSource("normal")
    void normalMoments(String f, DoubleBinaryOperator g) {
        // mean 1.5, variance 0.64
        NormalDistribution d = new NormalDistribution(new Well19937c(2), 1.5, 0.8);
        check("Expectation(" + f + ", x ~ Normal(3/2, 16/25))", () -> g.applyAsDouble(d.sample(), 0));
    }

    static Stream<Arguments> normalGamma() {
        return Stream.of(
                Arguments.of("tau", (DoubleBinaryOperator) (m, t) -> t),
                Arguments.of("mu", (DoubleBinaryOperator) (m, t) -> m),
                Arguments.of("mu^2", (DoubleBinaryOperator) (m, t) -> m * m),
                Arguments.of("tau*mu^2", (DoubleBinaryOperator) (m, t) -> t * m * m),
                Arguments.of("tau*(mu - 1)^2 - Log(tau)", (DoubleBinaryOperator) (m, t) -> t * (m - 1) * (m - 1) - Math.log(t)));
    }

    @ParameterizedTest
    @MethodSource("normalGamma")
    void normalGammaMoments(String f, DoubleBinaryOperator g) {
        // tau ~ Gamma(3, rate 2), mu | tau ~ Normal(1/2, 1/(4 tau))
        Well19937c rng = new Well19937c(3);
        GammaDistribution gd = new GammaDistribution(rng, 3, 0.5);
        check("Expectation(" + f + ", {mu, tau} ~ NormalGamma(1/2, 4, 3, 2))", () -> {
            double t = gd.sample();
            double m = 0.5 + rng.nextGaussian() / Math.sqrt(4 * t);
            return g.applyAsDouble(m, t);
        });
    }

    private static void check(String expectation, java.util.function.DoubleSupplier draw) {
        Expr closed = MonteCarloMean.closedForm(CAS.get(), expectation, 20_000);
        double exact = MonteCarloMean.value(closed);
        MonteCarloMean mc = MonteCarloMean.of(DRAWS, draw);
        assertTrue(mc.agrees(exact, 0), () -> expectation + " = " + closed + " = " + exact + " but Monte Carlo gives " + mc);
    }
}
