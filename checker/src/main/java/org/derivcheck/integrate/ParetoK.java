package org.derivcheck.integrate;

import java.util.Arrays;

/**
 * The shape k of a generalized Pareto distribution fitted to the largest values of a sample, by Zhang and
 * Stephens' (2009) empirical Bayes estimate with the weak prior of Vehtari et al.'s Pareto-smoothed
 * importance sampling (2015, 2024). k >= 1/2 means the variance is infinite (the central limit theorem,
 * and so a z-score, cannot be trusted); k >= 1 means the mean itself does not exist.
 */
public final class ParetoK {
    private ParetoK() {
    }

    /** k-hat of the upper tail of |x - mean(x)|, from the largest min(n/5, 3 sqrt(n)) values; NaN for too small a sample. */
    public static double ofDeviations(double[] x, int n) {
        if (n < 100) {
            return Double.NaN;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean /= n;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.abs(x[i] - mean);
        }
        Arrays.sort(d);
        int m = (int) Math.min(n / 5.0, 3 * Math.sqrt(n));
        double cutoff = d[n - m - 1];
        double[] tail = new double[m];
        for (int i = 0; i < m; i++) {
            tail[i] = d[n - m + i] - cutoff;
        }
        if (tail[m - 1] <= 0) {
            return Double.NEGATIVE_INFINITY; // no tail at all: bounded values
        }
        return gpdShape(tail);
    }

    /** Zhang-Stephens estimate of the shape for exceedances sorted ascending. */
    static double gpdShape(double[] x) {
        int n = x.length;
        int m = 30 + (int) Math.sqrt(n);
        double[] b = new double[m];
        double[] l = new double[m];
        double quart = x[Math.max(0, (int) (n / 4.0 + 0.5) - 1)];
        if (quart <= 0) {
            quart = x[n - 1] / n;
        }
        for (int j = 0; j < m; j++) {
            b[j] = 1 / x[n - 1] + (1 - Math.sqrt(m / (j + 1 - 0.5))) / (3 * quart);
            double k = 0;
            for (double v : x) {
                k += Math.log1p(-b[j] * v);
            }
            k /= n;
            l[j] = n * (Math.log(-b[j] / k) - k - 1);
        }
        double bPost = 0;
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += Math.exp(l[i] - l[j]);
            }
            bPost += b[j] / s;
        }
        double k = 0;
        for (double v : x) {
            k += Math.log1p(-bPost * v);
        }
        k /= n;
        // the weakly informative prior pulls k towards 0.5 with the weight of 10 observations
        return (n * k + 10 * 0.5) / (n + 10);
    }
}
