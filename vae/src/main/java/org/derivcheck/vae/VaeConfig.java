package org.derivcheck.vae;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that shapes a training run's numbers.
 *
 * @param architecture layer sizes and nonlinearity
 * @param estimator the gradient estimator used for training
 * @param k importance samples per image for {@link Estimator#IWAE} and {@link Estimator#DREG} (ignored otherwise)
 * @param batchSize images per Adam step
 * @param learningRate Adam's step size (betas 0.9, 0.999, epsilon 1e-8, as PyTorch's defaults)
 * @param binarization how images become Bernoulli targets
 * @param seed seeds the Java shuffles and PyTorch's generator (re-seeded per epoch from it, so that a run
 *     resumed from a checkpoint continues exactly)
 * @param evalK importance samples per held-out image for the bound L_K
 * @param varianceReps independent gradient draws per estimator to measure the encoder-gradient variance
 *     (0: do not measure)
 * @param varianceBatch images in the fixed batch on which that variance is measured
 * @param device CPU or GPU
 */
public record VaeConfig(Architecture architecture, Estimator estimator, int k, int batchSize, double learningRate,
        Binarization binarization, long seed, int evalK, int varianceReps, int varianceBatch, DeviceKind device) {
    public VaeConfig {
        require(k >= 1, "k", k);
        require(batchSize >= 1, "batch size", batchSize);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate", learningRate);
        require(evalK >= 1, "eval k", evalK);
        require(varianceReps == 0 || varianceReps >= 2, "variance reps (0 or >= 2)", varianceReps);
        require(varianceBatch >= 1, "variance batch", varianceBatch);
    }

    /** The report's settings: 784-400-20, Adam 1e-3, batch 128, dynamic binarization, L_100, K = 5 for IWAE/DReG. */
    public static VaeConfig defaults(Estimator estimator, long seed) {
        return new VaeConfig(Architecture.report(784), estimator, 5, 128, 1e-3, Binarization.DYNAMIC, seed, 100, 10, 64,
                DeviceKind.CPU);
    }

    public VaeConfig withEstimator(Estimator e) {
        return new VaeConfig(architecture, e, k, batchSize, learningRate, binarization, seed, evalK, varianceReps,
                varianceBatch, device);
    }

    /** Samples per image the training estimator draws. */
    public int trainSamples() {
        return estimator.usesK() ? k : 1;
    }

    /** The settings as an ordered map, for result.json and for checking a checkpoint matches. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", architecture.describe());
        m.put("estimator", estimator.cliName());
        m.put("k", k);
        m.put("batch", batchSize);
        m.put("learningRate", learningRate);
        m.put("binarize", binarization.cliName());
        m.put("seed", seed);
        m.put("evalK", evalK);
        m.put("varianceReps", varianceReps);
        m.put("varianceBatch", varianceBatch);
        m.put("device", device.name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    private static void require(boolean ok, String what, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid " + what + ": " + value);
        }
    }
}
