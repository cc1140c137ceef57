package org.derivcheck.vi;

/**
 * The empirical mean and variance, per component of theta = (m, log lambda, log a, log b), of one
 * gradient estimator over {@code replicates} independent estimates at fixed parameters.
 */
public record GradientStats(Estimator estimator, int samples, int replicates, double[] mean, double[] variance) {
    public GradientStats {
        mean = mean.clone();
        variance = variance.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] variance() {
        return variance.clone();
    }

    /** The standard error of the mean of component j: sqrt(variance / replicates). */
    public double standardError(int j) {
        return Math.sqrt(variance[j] / replicates);
    }

    /** The sum of the component variances (the trace of the covariance). */
    public double totalVariance() {
        double t = 0;
        for (double v : variance) {
            t += v;
        }
        return t;
    }
}
