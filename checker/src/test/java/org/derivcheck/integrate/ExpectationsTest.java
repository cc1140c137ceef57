package org.derivcheck.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deterministic fallback against reference values computed independently with mpmath at 30 digits
 * (closed forms with digamma, or mpmath.quad / nsum, as noted). The quadrature aims at 1e-12 relative to
 * the integral of |f p|; we require 1e-10 (a margin of 100 for the error estimate's own error) and that
 * the estimate covers the true error.
 */
class ExpectationsTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                // sqrt(2/pi): E|t|, t ~ N(0, 1)
                Arguments.of("Normal", new double[] {0, 1}, (DoubleUnaryOperator) Math::abs, 0.797884560802865355879892119869),
                // exp(-1/2)
                Arguments.of("Normal", new double[] {0, 1}, (DoubleUnaryOperator) Math::cos, 0.606530659712633423603799534991),
                // 3: the fourth moment
                Arguments.of("Normal", new double[] {0, 1}, (DoubleUnaryOperator) x -> x * x * x * x, 3.0),
                // psi(1/2) - log 2: a density singular at 0
                Arguments.of("Gamma", new double[] {0.5, 2}, (DoubleUnaryOperator) Math::log, -2.65665720658136878885820845446),
                // psi(1.7) - psi(4.2)
                Arguments.of("Beta", new double[] {2.5, 1.7}, (DoubleUnaryOperator) x -> Math.log1p(-x), -1.10279101641310570951180121641),
                // psi(0.3) - psi(0.7): singular at both ends
                Arguments.of("Beta", new double[] {0.3, 0.4}, (DoubleUnaryOperator) Math::log, -2.28250066850219838430967883571),
                // log 2 - psi(3)
                Arguments.of("InverseGamma", new double[] {3, 2}, (DoubleUnaryOperator) Math::log, -0.229637154538521829976255788459),
                // exp(0.3 + 0.5/2)
                Arguments.of("LogNormal", new double[] {0.3, 0.5}, (DoubleUnaryOperator) x -> x, Math.exp(0.55)),
                // Re E exp(i t) = cos(1)/(1 + 2^2)
                Arguments.of("Laplace", new double[] {1, 2}, (DoubleUnaryOperator) Math::cos, 0.108060461173627943480187321489),
                // E t^2 = nu/(nu - 2) = 3 for nu = 3: an integrand of infinite variance
                Arguments.of("StudentT", new double[] {3, 0, 1}, (DoubleUnaryOperator) x -> x * x, 3.0),
                // mpmath.quad
                Arguments.of("StudentT", new double[] {3, 0, 1}, (DoubleUnaryOperator) Math::abs, 1.10265779084358409902265299663),
                // mpmath.nsum
                Arguments.of("Poisson", new double[] {3.5}, (DoubleUnaryOperator) x -> Math.log1p(x), 1.40670964266228672829262176653),
                // l^3 + 3 l^2 + l
                Arguments.of("Poisson", new double[] {3.5}, (DoubleUnaryOperator) x -> x * x * x, 3.5 * 3.5 * 3.5 + 3 * 3.5 * 3.5 + 3.5),
                // (1-p)(2-p)/p^2 for failures before the first success
                Arguments.of("Geometric", new double[] {0.3}, (DoubleUnaryOperator) x -> x * x, 0.7 * 1.7 / 0.09),
                // n p (1 - p) + (n p)^2
                Arguments.of("Binomial", new double[] {7, 0.3}, (DoubleUnaryOperator) x -> x * x, 7 * 0.3 * 0.7 + 2.1 * 2.1),
                // 1/3
                Arguments.of("Uniform", new double[] {0, 1}, (DoubleUnaryOperator) x -> x * x, 1.0 / 3));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesReference(String family, double[] p, DoubleUnaryOperator f, double want) {
        Laws.Law law = Laws.of(family, p).orElseThrow();
        DoubleExponential.Result r = Expectations.of(law, f, 1e-12);
        assertTrue(r.ok(), () -> family + ": " + r);
        assertEquals(want, r.value(), 1e-10 * Math.max(1, r.l1()), () -> family + ": " + r);
        assertTrue(Math.abs(r.value() - want) <= Math.max(r.error(), 1e-14 * r.l1()) * 10, () -> "error estimate " + r);
    }

    @Test
    void divergentIntegralsAreNotResolved() {
        Laws.Law n = Laws.of("Normal", new double[] {0, 1}).orElseThrow();
        // E exp(t^2) = infinity under N(0, 1)
        assertFalse(Expectations.of(n, x -> Math.exp(x * x), 1e-12).ok());
        // E 1/t under Gamma(1/2, 1) is infinite (needs shape > 1)
        Laws.Law g = Laws.of("Gamma", new double[] {0.5, 1}).orElseThrow();
        assertFalse(Expectations.of(g, x -> 1 / x, 1e-12).ok());
        // E t^2 under Student-t with 2 degrees of freedom is infinite
        Laws.Law t = Laws.of("StudentT", new double[] {2, 0, 1}).orElseThrow();
        assertFalse(Expectations.of(t, x -> x * x, 1e-12).ok());
        // psi(0.7) - psi(3.2) is finite, but mass within 1e-16 of 1 (where t rounds to 1 in double) is about 1e-11:
        // the rule must say that it cannot resolve it rather than claim 1e-12
        Laws.Law b = Laws.of("Beta", new double[] {2.5, 0.7}).orElseThrow();
        assertFalse(Expectations.of(b, x -> Math.log1p(-x), 1e-12).ok());
        // E exp(k^2) under Poisson(2) is infinite
        Laws.Law p = Laws.of("Poisson", new double[] {2}).orElseThrow();
        assertFalse(Expectations.of(p, x -> Math.exp(x * x), 1e-12).ok());
    }

    @Test
    void paretoKSeesHeavyTails() {
        Well19937c rng = new Well19937c(7);
        int n = 20_000;
        double[] normal = new double[n];
        double[] cauchyish = new double[n];
        for (int i = 0; i < n; i++) {
            normal[i] = rng.nextGaussian();
            // |t|^2 for t ~ Student-t(3): tail index 3/2, so k = 2/3 (infinite variance)
            double z = rng.nextGaussian();
            double c = 0;
            for (int j = 0; j < 3; j++) {
                double g = rng.nextGaussian();
                c += g * g;
            }
            double t = z / Math.sqrt(c / 3);
            cauchyish[i] = t * t;
        }
        // k-hat has a standard error of roughly 1/sqrt(m) = 0.05 with m = 3 sqrt(n) = 424 tail values
        assertTrue(ParetoK.ofDeviations(normal, n) < 0.3, "light tail");
        assertTrue(ParetoK.ofDeviations(cauchyish, n) > 0.5, "heavy tail");
    }

    /**
     * Integrands with a kink inside the support, split there (the cuts the compiler finds for Abs, Max and Min of
     * a linear argument): resolved to 1e-10 of the mpmath references (mpmath.quad split at the kinks, 30 digits),
     * where the unsplit rule does not converge to the 1e-12 asked.
     */
    @Test
    void kinksInsideTheSupportAreResolvedWhenCutThere() {
        Object[][] cases = {
            {"Normal", new double[] {0.2, 2.25}, (DoubleUnaryOperator) x -> Math.max(x - 0.7, 0), new double[] {0.7},
                0.381354171448607926890486895489},
            {"Laplace", new double[] {0.3, 2}, (DoubleUnaryOperator) x -> Math.abs(x - 1), new double[] {1},
                2.10937617943742686870964139806},
            {"Beta", new double[] {2, 3}, (DoubleUnaryOperator) x -> Math.min(2 * x, 1), new double[] {0.5}, 0.7125},
            // cuts outside the support, repeated or not finite are ignored
            {"Uniform", new double[] {0, 1}, (DoubleUnaryOperator) x -> Math.abs(x - 1.0 / 3), new double[] {1.0 / 3, 1.0 / 3,
                -2, Double.NaN, Double.POSITIVE_INFINITY}, 5.0 / 18},
        };
        for (Object[] c : cases) {
            Laws.Law law = Laws.of((String) c[0], (double[]) c[1]).orElseThrow();
            DoubleUnaryOperator f = (DoubleUnaryOperator) c[2];
            double ref = (double) c[4];
            DoubleExponential.Result plain = Expectations.of(law, f, 1e-12);
            DoubleExponential.Result cut = Expectations.of(law, f, 1e-12, (double[]) c[3]);
            assertFalse(plain.ok() && Math.abs(plain.value() - ref) <= 1e-12 * Math.abs(ref), c[0] + ": the unsplit rule "
                    + "resolved the kink, so this case shows nothing");
            assertTrue(cut.ok(), c[0] + ": " + cut);
            assertEquals(ref, cut.value(), 1e-10 * Math.abs(ref), c[0] + ": " + cut);
            assertTrue(Math.abs(cut.value() - ref) <= Math.max(cut.error(), 1e-15 * Math.abs(ref)) * 100, c[0] + ": the error "
                    + "estimate " + cut.error() + " covers the true error");
        }
    }
}
