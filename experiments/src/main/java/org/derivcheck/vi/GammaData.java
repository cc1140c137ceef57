package org.derivcheck.vi;

/** The sufficient statistics of a positive sample for the Gamma likelihood: n, mean x and mean log x. */
public record GammaData(int n, double meanX, double meanLogX) {
    public GammaData {
        Checks.atLeast("n", n, 1);
        Checks.positive("meanX", meanX);
        Checks.finite("meanLogX", meanLogX);
        if (meanLogX > Math.log(meanX)) {
            throw new IllegalArgumentException("mean log x = " + meanLogX + " exceeds log mean x = " + Math.log(meanX)
                    + " (Jensen): not the statistics of a positive sample");
        }
    }

    /** The statistics of {@code x}, every value of which must be positive. */
    public static GammaData of(double[] x) {
        double s = 0;
        double sl = 0;
        for (double v : x) {
            Checks.positive("x", v);
            s += v;
            sl += Math.log(v);
        }
        return new GammaData(x.length, s / x.length, sl / x.length);
    }

    /** {@code n} draws from Gamma(alpha, beta) (shape, rate). */
    public static double[] sample(double alpha, double beta, int n, Rng rng) {
        Checks.positive("alpha", alpha);
        Checks.positive("beta", beta);
        Checks.atLeast("n", n, 1);
        double[] x = new double[n];
        var gamma = rng.gamma(alpha);
        for (int i = 0; i < n; i++) {
            x[i] = gamma.sample() / beta;
        }
        return x;
    }
}
