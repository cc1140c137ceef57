package org.derivcheck.vi;

/**
 * One BBVI run: {@code samples} draws per gradient estimate, {@code iterations} steps, the gradient
 * estimator, the step rule, the starting q, and how often the trace records the state (every
 * {@code traceEvery} iterations, plus the start and the end).
 */
public record BbviConfig(int samples, int iterations, Estimator estimator, StepRule step, MeanField init,
        int traceEvery) {
    /** The anchor's starting point (bench/../shared/anchors/numpy_bbvi.py): m = 0, lambda = 1, a = 2, b = 2. */
    public static final MeanField ANCHOR_INIT = new MeanField(0.0, 1.0, 2.0, 2.0);

    public BbviConfig {
        Checks.atLeast("samples", samples, 2);
        Checks.atLeast("iterations", iterations, 1);
        Checks.atLeast("traceEvery", traceEvery, 1);
        if (estimator == null || step == null || init == null) {
            throw new IllegalArgumentException("estimator, step and init are required");
        }
    }

    public BbviConfig withEstimator(Estimator e) {
        return new BbviConfig(samples, iterations, e, step, init, traceEvery);
    }

    public BbviConfig withStep(StepRule s) {
        return new BbviConfig(samples, iterations, estimator, s, init, traceEvery);
    }
}
