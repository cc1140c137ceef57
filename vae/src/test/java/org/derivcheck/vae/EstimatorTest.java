package org.derivcheck.vae;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The estimators on a fixed batch at fixed parameters, compared draw by draw (the same seed gives the same
 * noise eps to both): sticking the landing drops only the score term, whose expectation is zero (report
 * §3.1.22), so it agrees with the standard gradient in expectation and differs from it per draw; DReG has the
 * IWAE gradient's expectation (Tucker et al. 2019).
 */
class EstimatorTest {
    private static MnistData.Split slice;

    @BeforeAll
    static void data() {
        TestData.configureDjl();
        slice = TestData.subset().split(11, 100, 1000);
    }

    /** Per-coordinate paired statistics of two estimators over {@code draws} shared-noise draws. */
    private record Paired(double[] meanDiff, double[] sdDiff, double[] meanA, double[] sdA, int draws) {
    }

    private static Paired compare(VaeSession s, Estimator a, Estimator b, int draws) {
        double[] sumD = null;
        double[] sumD2 = null;
        double[] sumA = null;
        double[] sumA2 = null;
        for (int r = 0; r < draws; r++) {
            float[] ga = s.encoderGradient(a, 1000 + r);
            float[] gb = s.encoderGradient(b, 1000 + r);
            if (sumD == null) {
                sumD = new double[ga.length];
                sumD2 = new double[ga.length];
                sumA = new double[ga.length];
                sumA2 = new double[ga.length];
            }
            for (int i = 0; i < ga.length; i++) {
                double d = ga[i] - gb[i];
                sumD[i] += d;
                sumD2[i] += d * d;
                sumA[i] += ga[i];
                sumA2[i] += (double) ga[i] * ga[i];
            }
        }
        int n = sumD.length;
        double[] md = new double[n];
        double[] sd = new double[n];
        double[] ma = new double[n];
        double[] sa = new double[n];
        for (int i = 0; i < n; i++) {
            md[i] = sumD[i] / draws;
            sd[i] = Math.sqrt(Math.max(0, (sumD2[i] - draws * md[i] * md[i]) / (draws - 1)));
            ma[i] = sumA[i] / draws;
            sa[i] = Math.sqrt(Math.max(0, (sumA2[i] - draws * ma[i] * ma[i]) / (draws - 1)));
        }
        return new Paired(md, sd, ma, sa, draws);
    }

    /**
     * Coordinates to test: 64 encoder coordinates drawn with a fixed seed. A two-sided z test at 5 standard
     * errors per coordinate keeps the chance of a false alarm over 64 coordinates below 64 x 5.7e-7 = 4e-5
     * (normal approximation; each mean is over at least 100 independent draws).
     */
    private static int[] coordinates(int n) {
        SplittableRandom rng = new SplittableRandom(3);
        int[] c = new int[64];
        for (int i = 0; i < c.length; i++) {
            c[i] = rng.nextInt(n);
        }
        return c;
    }

    private static final double Z = 5.0;

    private static void assertEqualInExpectation(Paired p, String what) {
        int[] coords = coordinates(p.meanDiff().length);
        int resolved = 0;
        for (int c : coords) {
            double se = p.sdDiff()[c] / Math.sqrt(p.draws());
            assertTrue(Math.abs(p.meanDiff()[c]) <= Z * se + 1e-12,
                    what + ": coordinate " + c + " mean difference " + p.meanDiff()[c] + " > " + Z + " x " + se);
            if (Math.abs(p.meanA()[c]) > Z * p.sdA()[c] / Math.sqrt(p.draws())) {
                resolved++;
            }
        }
        // the test has power: the same number of draws resolves the gradient itself on some coordinates
        assertTrue(resolved > 0, what + ": no coordinate's gradient is distinguishable from 0; the check would be vacuous");
    }

    private static double meanSquaredNorm(double[] sd) {
        double s = 0;
        for (double v : sd) {
            s += v * v;
        }
        return s;
    }

    @Test
    void stickingTheLandingAgreesWithTheStandardGradientInExpectationNotPerDraw() {
        VaeConfig c = new VaeConfig(Architecture.report(784), Estimator.STANDARD, 5, 128, 1e-3, Binarization.DYNAMIC, 11, 5,
                0, 32, DeviceKind.CPU);
        try (VaeSession s = VaeSession.start(c, slice)) {
            s.runEpoch(VaeSession.BatchListener.none()); // away from the initialization, where q is still the prior
            Paired p = compare(s, Estimator.STANDARD, Estimator.STL, 150);
            assertEqualInExpectation(p, "standard - stl");
            // per draw they differ by the score term: its variance is a sizeable part of the gradient's own variance
            double diffVar = meanSquaredNorm(p.sdDiff());
            double gradVar = meanSquaredNorm(p.sdA());
            assertTrue(diffVar > 0.01 * gradVar, "score-term variance " + diffVar + " vs gradient variance " + gradVar);
        }
    }

    @Test
    void doublyReparameterizedGradientHasTheIwaeGradientsExpectation() {
        VaeConfig c = new VaeConfig(Architecture.report(784), Estimator.IWAE, 5, 128, 1e-3, Binarization.DYNAMIC, 11, 5, 0,
                16, DeviceKind.CPU);
        try (VaeSession s = VaeSession.start(c, slice)) {
            s.runEpoch(VaeSession.BatchListener.none());
            Paired p = compare(s, Estimator.IWAE, Estimator.DREG, 100);
            assertEqualInExpectation(p, "iwae - dreg");
            assertTrue(meanSquaredNorm(p.sdDiff()) > 0, "DReG is a different estimator per draw");
        }
    }
}
