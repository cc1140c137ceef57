package org.derivcheck.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Concrete density (normalization by quadrature), the sampler against it, and the low-temperature limit. */
class GumbelSoftmaxTest {
    private static final double[] PI = {0.5, 0.3, 0.2};

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 1, 5})
    void densityIntegratesToOne(double temperature) {
        // Tanh-sinh converges double-exponentially (observed |mass - 1| ~ 1e-13 at h = 1/64); a wrong
        // normalizer ((K-1)! = 2 or t^(K-1)) would be off by a factor.
        SimplexMoments m = SimplexMoments.of(GumbelSoftmax.of(PI, temperature), 1.0 / 64);
        assertEquals(1, m.mass(), 1e-9);
        SimplexMoments two = SimplexMoments.of(GumbelSoftmax.of(new double[] {0.7, 0.3}, temperature), 1.0 / 64);
        assertEquals(1, two.mass(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 1, 5})
    void sampleMeansMatchTheDensitysMeans(double temperature) {
        GumbelSoftmax g = GumbelSoftmax.of(PI, temperature);
        double[] exact = SimplexMoments.of(g, 1.0 / 64).mean();
        int n = 100_000;
        double[] s = new double[3];
        double[] ss = new double[3];
        double[] y = new double[3];
        Rng r = Rng.of(31);
        for (int i = 0; i < n; i++) {
            g.sample(r, y);
            for (int k = 0; k < 3; k++) {
                s[k] += y[k];
                ss[k] += y[k] * y[k];
            }
        }
        for (int k = 0; k < 3; k++) {
            double mean = s[k] / n;
            double se = Math.sqrt((ss[k] / n - mean * mean) / n);
            assertEquals(exact[k], mean, 5 * se, "E[y_" + (k + 1) + "] at temperature " + temperature);
        }
    }

    @Test
    void meansApproachTheClassProbabilitiesAsTheTemperatureFalls() {
        double previous = Double.POSITIVE_INFINITY;
        for (double t : new double[] {5, 1, 0.5, 0.1, 0.01}) {
            double[] mean = SimplexMoments.of(GumbelSoftmax.of(PI, t), 1.0 / 64).mean();
            double dist = 0;
            for (int k = 0; k < 3; k++) {
                dist = Math.max(dist, Math.abs(mean[k] - PI[k]));
            }
            assertTrue(dist < previous, "max |E[y] - pi| must shrink as the temperature falls, at " + t + ": " + dist);
            previous = dist;
        }
        // At t = 0.01 the Concrete is within 1e-4 of the categorical's mean (observed 1.0e-5).
        assertTrue(previous < 1e-4, "at t = 0.01: " + previous);
        // ... and so are the samples: within a CLT bound of pi (Bernoulli variance pi(1 - pi) at most).
        GumbelSoftmax g = GumbelSoftmax.of(PI, 0.01);
        int n = 100_000;
        double[] s = new double[3];
        double[] y = new double[3];
        Rng r = Rng.of(32);
        for (int i = 0; i < n; i++) {
            g.sample(r, y);
            for (int k = 0; k < 3; k++) {
                s[k] += y[k];
            }
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(PI[k], s[k] / n, 5 * Math.sqrt(PI[k] * (1 - PI[k]) / n) + 1e-4);
        }
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void samplesLieOnTheSimplexAtAnyTemperature(long seed) {
        Rng r = Rng.of(seed);
        int k = 2 + (int) (r.nextDouble() * 8);
        double[] pi = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            pi[i] = Math.exp(4 * r.nextGaussian());
            sum += pi[i];
        }
        for (int i = 0; i < k; i++) {
            pi[i] /= sum;
        }
        pi[k - 1] = Math.max(Double.MIN_NORMAL, 1 - java.util.Arrays.stream(pi, 0, k - 1).sum());
        double t = Math.exp(Math.log(1e-3) + r.nextDouble() * Math.log(1e5)); // 1e-3 .. 100
        GumbelSoftmax g = GumbelSoftmax.of(pi, t);
        double[] y = new double[k];
        for (int i = 0; i < 2000; i++) {
            g.sample(r, y);
            double total = 0;
            for (double v : y) {
                assertTrue(v >= 0 && v <= 1 && Double.isFinite(v), "coordinate " + v);
                total += v;
            }
            assertEquals(1, total, 1e-12);
        }
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> GumbelSoftmax.of(new double[] {0.5, 0.6}, 1));
        assertThrows(IllegalArgumentException.class, () -> GumbelSoftmax.of(PI, 0));
        assertThrows(IllegalArgumentException.class, () -> GumbelSoftmax.of(new double[] {1}, 1));
    }
}
