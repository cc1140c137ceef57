package org.derivcheck.vi;

/**
 * The sufficient statistics of a sample x_1..x_n for the Normal likelihood: n, the sum and the sum
 * of squares.
 */
public record NormalData(int n, double sum, double sumSquares) {
    public NormalData {
        Checks.atLeast("n", n, 1);
        Checks.finite("sum", sum);
        Checks.finite("sumSquares", sumSquares);
    }

    /** The statistics of {@code x}. */
    public static NormalData of(double[] x) {
        double s = 0;
        double ss = 0;
        for (double v : x) {
            s += v;
            ss += v * v;
        }
        return new NormalData(x.length, s, ss);
    }

    /** {@code n} draws from N(mean, 1/precision). */
    public static double[] sample(double mean, double precision, int n, Rng rng) {
        Checks.finite("mean", mean);
        Checks.positive("precision", precision);
        Checks.atLeast("n", n, 1);
        double sd = 1 / Math.sqrt(precision);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sd * rng.nextGaussian();
        }
        return x;
    }

    public double mean() {
        return sum / n;
    }

    /** The sum of squared deviations from the sample mean, sum (x_i - xbar)^2. */
    public double scatter() {
        return Math.max(0, sumSquares - sum * sum / n);
    }

    /** sum (x_i - c)^2 for a constant c. */
    public double squaredDistanceTo(double c) {
        return sumSquares - 2 * c * sum + n * c * c;
    }
}
