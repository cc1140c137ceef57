package org.derivcheck.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The score-function estimators against the gradient of the closed-form ELBO (central differences), and
 * the control variates' variance reduction, with Monte Carlo bounds of 5 standard errors.
 */
class ScoreGradientTest {
    private static final NormalGammaModel MODEL = NormalGammaModel.of(NormalGammaPrior.REPORT,
            NormalData.of(NormalData.sample(1.0, 0.5, 100, Rng.of(1))));
    private static final int S = 100;

    /** The anchor's start, a point between start and optimum, a point with shape a &lt; 1 (the boosted gamma sampler), the optimum. */
    static Stream<Arguments> points() {
        return Stream.of(Arguments.of(BbviConfig.ANCHOR_INIT), Arguments.of(new MeanField(0.6, 20, 10, 15)),
                Arguments.of(new MeanField(0.5, 2, 0.5, 0.3)), Arguments.of(Cavi.of(MODEL).fixedPoint()));
    }

    /** dELBO/dtheta, theta = (m, log lambda, log a, log b), by central differences: error ~h^2 f''' ~ 1e-8. */
    static double[] exactGradient(MeanField q) {
        double[] th = {q.m(), Math.log(q.lambda()), Math.log(q.a()), Math.log(q.b())};
        double[] g = new double[4];
        double h = 1e-5;
        for (int j = 0; j < 4; j++) {
            double[] p = th.clone();
            double[] m = th.clone();
            p[j] += h;
            m[j] -= h;
            g[j] = (elbo(p) - elbo(m)) / (2 * h);
        }
        return g;
    }

    private static double elbo(double[] th) {
        return MODEL.elbo(th[0], Math.exp(th[1]), Math.exp(th[2]), Math.exp(th[3]));
    }

    /** Per component: mean, variance, and the standard error of the variance, over r replicates. */
    static double[][] replicate(MeanField q, Estimator e, int r, long seed) {
        ScoreGradient sg = ScoreGradient.of(MODEL, S);
        Rng rng = Rng.of(seed);
        double[][] g = new double[r][4];
        for (int i = 0; i < r; i++) {
            sg.estimate(q, e, rng, g[i]);
        }
        double[][] out = new double[3][4];
        for (int j = 0; j < 4; j++) {
            double mean = 0;
            for (double[] row : g) {
                mean += row[j];
            }
            mean /= r;
            double m2 = 0;
            double m4 = 0;
            for (double[] row : g) {
                double d = (row[j] - mean) * (row[j] - mean);
                m2 += d;
                m4 += d * d;
            }
            m2 /= r;
            m4 /= r;
            out[0][j] = mean;
            out[1][j] = m2;
            // Var of the sample variance ~ (mu4 - sigma^4)/r.
            out[2][j] = Math.sqrt(Math.max(0, m4 - m2 * m2) / r);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("points")
    void plainAndRaoBlackwellizedEstimatorsAreUnbiased(MeanField q) {
        double[] exact = exactGradient(q);
        for (Estimator e : new Estimator[] {Estimator.PLAIN, Estimator.RAO_BLACKWELL}) {
            int r = 3000;
            double[][] st = replicate(q, e, r, 5);
            for (int j = 0; j < 4; j++) {
                double se = Math.sqrt(st[1][j] / r);
                assertEquals(exact[j], st[0][j], 5 * se + 1e-6 * Math.abs(exact[j]),
                        e.id() + " component " + j + " at " + q);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("points")
    void controlVariatesReduceTheVarianceOfEveryComponent(MeanField q) {
        int r = 3000;
        double[][] plain = replicate(q, Estimator.PLAIN, r, 7);
        double[][] cv = replicate(q, Estimator.CONTROL_VARIATES, r, 8);
        for (int j = 0; j < 4; j++) {
            double margin = 5 * Math.hypot(plain[2][j], cv[2][j]);
            assertTrue(plain[1][j] - cv[1][j] > margin, "component " + j + " at " + q + ": plain variance "
                    + plain[1][j] + ", with control variates " + cv[1][j] + ", 5 standard errors " + margin);
        }
    }

    @Test
    void atTheOptimumControlVariatesRemoveNearlyAllVariance() {
        // At q* the weight w = log p - log q is nearly constant (q* is close to the posterior), so
        // f = h w is nearly proportional to h and the optimal a* cancels it: the reduction exceeds 100x.
        MeanField opt = Cavi.of(MODEL).fixedPoint();
        double[][] plain = replicate(opt, Estimator.PLAIN, 2000, 9);
        double[][] cv = replicate(opt, Estimator.CONTROL_VARIATES, 2000, 10);
        for (int j = 0; j < 4; j++) {
            assertTrue(cv[1][j] * 100 < plain[1][j], "component " + j + ": " + plain[1][j] + " vs " + cv[1][j]);
        }
    }
}
