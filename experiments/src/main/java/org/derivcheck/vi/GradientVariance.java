package org.derivcheck.vi;

/**
 * Measures the variance of the BBVI gradient estimators at fixed variational parameters: each estimator
 * draws {@code replicates} independent estimates (of {@code samples} samples each) and the per-component
 * sample variance is reported.
 */
public final class GradientVariance {
    private final ScoreGradient gradient;

    private GradientVariance(ScoreGradient gradient) {
        this.gradient = gradient;
    }

    public static GradientVariance of(NormalGammaModel model, int samples) {
        return new GradientVariance(ScoreGradient.of(model, samples));
    }

    /** The statistics of {@code estimator} at {@code q} over {@code replicates} estimates (Welford's update). */
    public GradientStats measure(MeanField q, Estimator estimator, int replicates, Rng rng, ProgressListener progress) {
        Checks.atLeast("replicates", replicates, 2);
        int dim = ScoreGradient.DIM;
        double[] g = new double[dim];
        double[] mean = new double[dim];
        double[] m2 = new double[dim];
        double m = q.m();
        double logLambda = Math.log(q.lambda());
        double logA = Math.log(q.a());
        double logB = Math.log(q.b());
        for (int r = 1; r <= replicates; r++) {
            gradient.estimate(m, logLambda, logA, logB, estimator, rng, g);
            for (int j = 0; j < dim; j++) {
                double delta = g[j] - mean[j];
                mean[j] += delta / r;
                m2[j] += delta * (g[j] - mean[j]);
            }
            if (r % 256 == 0) {
                progress.advance(256);
            }
        }
        progress.advance(replicates % 256);
        double[] var = new double[dim];
        for (int j = 0; j < dim; j++) {
            var[j] = m2[j] / (replicates - 1);
        }
        return new GradientStats(estimator, gradient.samples(), replicates, mean, var);
    }
}
