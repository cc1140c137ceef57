package org.derivcheck.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BBVI runs: convergence to the CAVI optimum, and valid parameters whatever the settings, over 20+ seeds. */
class BbviTest {
    private static final NormalGammaModel MODEL = NormalGammaModel.of(NormalGammaPrior.REPORT,
            NormalData.of(NormalData.sample(1.0, 0.5, 100, Rng.of(1))));
    private static final MeanField OPT = Cavi.of(MODEL).fixedPoint();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void adaGradWithControlVariatesReachesTheCaviOptimum(long seed) {
        BbviConfig c = new BbviConfig(100, 5000, Estimator.CONTROL_VARIATES, new StepRule.AdaGrad(0.5),
                BbviConfig.ANCHOR_INIT, 100);
        BbviTrace t = Bbvi.of(MODEL).run(c, Rng.of(seed), ProgressListener.NONE);
        MeanField q = t.last();
        // Within a tenth of q*'s own standard deviations: sd(mu) = 1/sqrt(lambda*) = 0.13, sd(tau) = sqrt(a*)/b* = 0.079.
        assertEquals(OPT.meanMu(), q.meanMu(), 0.1 / Math.sqrt(OPT.lambda()));
        assertEquals(OPT.meanTau(), q.meanTau(), 0.1 * Math.sqrt(OPT.a()) / OPT.b());
        // q* maximizes the ELBO over the family; 0.01 nats below it is a q whose means are off by
        // about sqrt(0.01 / 28) = 0.02 in mu (the ELBO's curvature in m is (N + lambda0) E[tau] = 57).
        double gap = MODEL.elbo(OPT) - MODEL.elbo(q);
        assertTrue(gap >= -1e-9 && gap < 0.01, "ELBO gap " + gap);
        assertEquals(t.size(), 1 + 5000 / 100);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void parametersStayValidWhateverTheSettings(long seed) {
        Rng r = Rng.of(1000 + seed);
        Estimator e = Estimator.values()[(int) (r.nextDouble() * 4)];
        StepRule rule = r.nextDouble() < 0.5
                ? new StepRule.AdaGrad(Math.exp(Math.log(0.01) + r.nextDouble() * Math.log(1000)))
                : new StepRule.RobbinsMonro(new double[] {0, 1, 10, 1000}[(int) (r.nextDouble() * 4)]);
        MeanField init = new MeanField(10 * r.nextGaussian(), Math.exp(3 * r.nextGaussian()),
                Math.exp(3 * r.nextGaussian()), Math.exp(3 * r.nextGaussian()));
        BbviConfig c = new BbviConfig(10, 500, e, rule, init, 1);
        BbviTrace t = Bbvi.of(MODEL).run(c, r, ProgressListener.NONE);
        double lo = Math.exp(-Bbvi.LOG_BOUND) * (1 - 1e-12);
        double hi = Math.exp(Bbvi.LOG_BOUND) * (1 + 1e-12);
        for (int i = 0; i < t.size(); i++) {
            String at = c + " at record " + i;
            assertTrue(Double.isFinite(t.m()[i]) && Math.abs(t.m()[i]) <= Bbvi.M_BOUND, "m " + at);
            for (double[] col : new double[][] {t.lambda(), t.a(), t.b()}) {
                assertTrue(col[i] >= lo && col[i] <= hi, "lambda, a, b in range " + at + ": " + col[i]);
            }
            assertTrue(Double.isFinite(t.elbo()[i]), "ELBO finite " + at);
        }
    }
}
