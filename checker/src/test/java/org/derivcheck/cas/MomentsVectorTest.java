package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.derivcheck.testing.CasPerClass;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry of the table for the vector and matrix families (MomentsVector), confirmed by a method that
 * does not use it: Monte Carlo with Commons Math's own Gamma sampler (Dirichlet as normalized Gammas), a
 * uniform draw (one-hot Categorical), a Cholesky factor of the covariance (multivariate Normal) and a sum of
 * nu outer products of Normal draws (Wishart, integer nu); the closed form must lie within 5 standard errors
 * of the mean of 400,000 draws (two-sided p = 6e-7 per entry). Multinomial entries are checked against the
 * exact sum over the whole support (every count vector), to 1e-9 relative.
 */
class MomentsVectorTest {
    private static final int DRAWS = 400_000;
    @RegisterExtension
    static final CasPerClass CAS = CasPerClass.started();

    private static final double[] ALPHA = {2.5, 1.5, 3};
    private static final String DIR = "t ~ Dirichlet({5/2, 3/2, 3})";
    private static final double[] P = {0.2, 0.5, 0.3};
    private static final String HOT = "z ~ OneHotCategorical({1/5, 1/2, 3/10})";
    private static final double[] M = {0.5, -1};
    private static final double[][] S = {{2, 0.6}, {0.6, 1}};
    private static final String MVN = "x ~ MvNormal({1/2, -1}, {{2, 3/5}, {3/5, 1}})";
    private static final double[][] W = {{1, 0.3}, {0.3, 2}};
    private static final String WIS = "L ~ Wishart(5, {{1, 3/10}, {3/10, 2}})";

    private static Arguments a(String spec, String f, Supplier<double[]> draws, Function<double[], Double> g) {
        return Arguments.of(spec, f, draws, g);
    }

    static Stream<Arguments> entries() {
        Supplier<double[]> dir = dirichlet(ALPHA, 1);
        Supplier<double[]> dir2 = dirichlet(new double[] {0.7, 2.2}, 2);
        Supplier<double[]> hot = oneHot(P, 3);
        Supplier<double[]> mvn = mvNormal(M, S, 4);
        Supplier<double[]> mvn3 = mvNormal(new double[] {1, 0, -2}, new double[][] {{1, 0.5, 0.2}, {0.5, 2, -0.4}, {0.2, -0.4, 1.5}}, 5);
        Supplier<double[]> wis = wishart(5, W, 6);
        // nu = 8 > D + 3: the inverse's entries have a finite variance, so the standard error means something
        Supplier<double[]> wis8 = wishart(8, W, 7);
        String wis8Spec = "L ~ Wishart(8, {{1, 3/10}, {3/10, 2}})";
        String mvn3Spec = "x ~ MvNormal({1, 0, -2}, {{1, 1/2, 1/5}, {1/2, 2, -2/5}, {1/5, -2/5, 3/2}})";
        return Stream.of(
                a(DIR, "t(1)", dir, t -> t[0]), a(DIR, "t(1)*t(2)", dir, t -> t[0] * t[1]), a(DIR, "t(2)^2", dir, t -> t[1] * t[1]),
                a(DIR, "t(1)^2*t(3)", dir, t -> t[0] * t[0] * t[2]),
                a(DIR, "Log(t(1))", dir, t -> Math.log(t[0])), a(DIR, "Log(t(3))", dir, t -> Math.log(t[2])),
                a(DIR, "Log(t(1))*Log(t(2))", dir, t -> Math.log(t[0]) * Math.log(t[1])),
                a(DIR, "t(1)*Log(t(2))", dir, t -> t[0] * Math.log(t[1])),
                a(DIR, "Log(t(1)*t(2)^2)", dir, t -> Math.log(t[0] * t[1] * t[1])),
                a(DIR, "1/t(1)", dir, t -> 1 / t[0]), a(DIR, "Log(1 - t(1))", dir, t -> Math.log1p(-t[0])),
                a(DIR, "Log(t(2))^2", dir, t -> Math.log(t[1]) * Math.log(t[1])),
                a(DIR, "t . {1, -2, 3}", dir, t -> t[0] - 2 * t[1] + 3 * t[2]),
                a("{u, v} ~ Dirichlet({7/10, 11/5})", "Log(v)", dir2, t -> Math.log(t[1])),
                a("t ~ Dir({7/10, 11/5})", "t(1)*Log(t(2))", dir2, t -> t[0] * Math.log(t[1])),
                a(HOT, "z(1)", hot, z -> z[0]), a(HOT, "Log(1 + z(1) + 2*z(2))", hot, z -> Math.log(1 + z[0] + 2 * z[1])),
                a(HOT, "z . {Log(2), Log(3), 5}", hot, z -> z[0] * Math.log(2) + z[1] * Math.log(3) + 5 * z[2]),
                a("{z1, z2, z3} ~ Categorical({1/5, 1/2, 3/10})", "Exp(z2 - z3)", hot, z -> Math.exp(z[1] - z[2])),
                a(MVN, "x(1)", mvn, x -> x[0]), a(MVN, "x(1)*x(2)", mvn, x -> x[0] * x[1]), a(MVN, "x(2)^2", mvn, x -> x[1] * x[1]),
                a(MVN, "x(1)^3", mvn, x -> x[0] * x[0] * x[0]), a(MVN, "x(1)^2*x(2)^2", mvn, x -> x[0] * x[0] * x[1] * x[1]),
                a(MVN, "x . {{1, 2}, {0, 3}} . x", mvn, x -> x[0] * x[0] + 2 * x[0] * x[1] + 3 * x[1] * x[1]),
                a(MVN, "-Log(2*Pi) - Log(Det({{2, 3/5}, {3/5, 1}}))/2 - (x - {1/2, -1}) . Inverse({{2, 3/5}, {3/5, 1}}) . (x - {1/2, -1})/2",
                        mvn, x -> logMvn(x, M, S)),
                a(mvn3Spec, "x(1)*x(2)*x(3)", mvn3, x -> x[0] * x[1] * x[2]), a(mvn3Spec, "x(3)^2*x(2)", mvn3, x -> x[2] * x[2] * x[1]),
                a(WIS, "L(1, 1)", wis, l -> l[0]), a(WIS, "L(2, 1)", wis, l -> l[1]), a(WIS, "L(1, 1)*L(2, 2)", wis, l -> l[0] * l[2]),
                a(WIS, "L(1, 2)^2", wis, l -> l[1] * l[1]), a(WIS, "Log(Det(L))", wis, l -> Math.log(l[0] * l[2] - l[1] * l[1])),
                a(WIS, "Tr({{1, 2}, {0, 1}} . L)", wis, l -> l[0] + 2 * l[1] + l[2]),
                a(wis8Spec, "Tr({{1, 0}, {0, 0}} . Inverse(L))", wis8, l -> l[2] / (l[0] * l[2] - l[1] * l[1])),
                a(wis8Spec, "Tr({{1, 2}, {0, 3}} . Inverse(L))", wis8,
                        l -> (l[2] - 2 * l[1] + 3 * l[0]) / (l[0] * l[2] - l[1] * l[1])),
                a(wis8Spec, "{1, -1} . Inverse(L) . {1, -1}", wis8,
                        l -> (l[2] + 2 * l[1] + l[0]) / (l[0] * l[2] - l[1] * l[1])));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void entryMatchesMonteCarlo(String spec, String f, Supplier<double[]> draws, Function<double[], Double> g) {
        String expectation = "Expectation(" + f + ", " + spec + ")";
        double exact = closedForm(expectation);
        MonteCarloMean mc = MonteCarloMean.of(DRAWS, () -> g.apply(draws.get()));
        assertTrue(mc.agrees(exact, 1e-12 * Math.abs(exact)), () -> expectation + " = " + exact + " but Monte Carlo gives " + mc);
    }

    private static double closedForm(String expectation) {
        return MonteCarloMean.value(MonteCarloMean.closedForm(CAS.get(), expectation, 30_000));
    }

    static Stream<Arguments> multinomial() {
        return Stream.of(Arguments.of("x(1)", (Function<int[], Double>) x -> (double) x[0]),
                Arguments.of("x(1)^2", (Function<int[], Double>) x -> (double) x[0] * x[0]),
                Arguments.of("x(1)*x(2)", (Function<int[], Double>) x -> (double) x[0] * x[1]),
                Arguments.of("x(3)^3", (Function<int[], Double>) x -> Math.pow(x[2], 3)),
                Arguments.of("x(1)^2*x(2)*x(3)^2", (Function<int[], Double>) x -> Math.pow(x[0], 2) * x[1] * Math.pow(x[2], 2)),
                Arguments.of("(x(1) - 2*x(2))^2", (Function<int[], Double>) x -> Math.pow(x[0] - 2.0 * x[1], 2)));
    }

    /** Multinomial(6, (0.2, 0.5, 0.3)): the exact sum over all 28 count vectors with the multinomial mass function. */
    @ParameterizedTest
    @MethodSource("multinomial")
    void multinomialMatchesTheExactSum(String f, Function<int[], Double> g) {
        int n = 6;
        double exact = closedForm("Expectation(" + f + ", x ~ Multinomial(6, {1/5, 1/2, 3/10}))");
        double sum = 0;
        double mass = 0;
        for (int a = 0; a <= n; a++) {
            for (int b = 0; a + b <= n; b++) {
                int c = n - a - b;
                double w = fact(n) / (fact(a) * fact(b) * fact(c)) * Math.pow(P[0], a) * Math.pow(P[1], b) * Math.pow(P[2], c);
                mass += w;
                sum += w * g.apply(new int[] {a, b, c});
            }
        }
        assertEquals(1, mass, 1e-12);
        assertEquals(sum, exact, 1e-9 * Math.max(1, Math.abs(sum)), f);
    }

    /** Cov(t, ...) and Var(...) over a vector family come out as the textbook matrices. */
    @Test
    void dirichletCovarianceIsTheTextbookMatrix() {
        Expr cov = CAS.get().reduce(Cas.parse("Cov(t, " + DIR + ")", Scope.empty()), 30_000);
        double a0 = ALPHA[0] + ALPHA[1] + ALPHA[2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double want = ALPHA[i] * ((i == j ? a0 : 0) - ALPHA[j]) / (a0 * a0 * (a0 + 1));
                double got = Cas.compile(cov.part(i).part(j)).eval(new double[0], new double[0][], null);
                assertEquals(want, got, 1e-14, "Cov[" + i + "][" + j + "]");
            }
        }
        double var = closedForm("Var(Log(t(2)), " + DIR + ")");
        // Var[log t_2] = psi1(alpha_2) - psi1(alpha_0): psi1(3/2) = pi^2/2 - 4, psi1(7) = pi^2/6 - sum_{k=1..6} 1/k^2
        double psi1Seven = Math.PI * Math.PI / 6 - (1 + 1 / 4.0 + 1 / 9.0 + 1 / 16.0 + 1 / 25.0 + 1 / 36.0);
        assertEquals(Math.PI * Math.PI / 2 - 4 - psi1Seven, var, 1e-12);
    }

    private static double fact(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    private static double logMvn(double[] x, double[] m, double[][] s) {
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        double d0 = x[0] - m[0];
        double d1 = x[1] - m[1];
        double q = (s[1][1] * d0 * d0 - 2 * s[0][1] * d0 * d1 + s[0][0] * d1 * d1) / det;
        return -Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * q;
    }

    private static Supplier<double[]> dirichlet(double[] alpha, int seed) {
        RandomGenerator rng = new Well19937c(seed);
        GammaDistribution[] g = new GammaDistribution[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            g[i] = new GammaDistribution(rng, alpha[i], 1);
        }
        return () -> {
            double[] t = new double[alpha.length];
            double s = 0;
            for (int i = 0; i < t.length; i++) {
                t[i] = g[i].sample();
                s += t[i];
            }
            for (int i = 0; i < t.length; i++) {
                t[i] /= s;
            }
            return t;
        };
    }

    private static Supplier<double[]> oneHot(double[] p, int seed) {
        RandomGenerator rng = new Well19937c(seed);
        return () -> {
            double u = rng.nextDouble();
            double[] z = new double[p.length];
            double c = 0;
            for (int i = 0; i < p.length; i++) {
                c += p[i];
                if (u < c || i == p.length - 1) {
                    z[i] = 1;
                    break;
                }
            }
            return z;
        };
    }

    /** Lower Cholesky factor of a symmetric positive definite matrix. */
    private static double[][] cholesky(double[][] s) {
        int n = s.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = s[i][j];
                for (int k = 0; k < j; k++) {
                    v -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(v) : v / l[j][j];
            }
        }
        return l;
    }

    private static Supplier<double[]> mvNormal(double[] m, double[][] s, int seed) {
        RandomGenerator rng = new Well19937c(seed);
        double[][] l = cholesky(s);
        return () -> gaussian(rng, m, l);
    }

    private static double[] gaussian(RandomGenerator rng, double[] m, double[][] l) {
        int n = m.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rng.nextGaussian();
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i];
            for (int j = 0; j <= i; j++) {
                x[i] += l[i][j] * z[j];
            }
        }
        return x;
    }

    /** Wishart(nu, W) for integer nu: the sum of nu outer products x x^T, x ~ N(0, W); returns L11, L12, L22. */
    private static Supplier<double[]> wishart(int nu, double[][] w, int seed) {
        RandomGenerator rng = new Well19937c(seed);
        double[][] l = cholesky(w);
        double[] zero = new double[w.length];
        return () -> {
            double[] out = new double[3];
            for (int k = 0; k < nu; k++) {
                double[] x = gaussian(rng, zero, l);
                out[0] += x[0] * x[0];
                out[1] += x[0] * x[1];
                out[2] += x[1] * x[1];
            }
            return out;
        };
    }
}
