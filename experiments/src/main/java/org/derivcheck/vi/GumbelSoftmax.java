package org.derivcheck.vi;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The Gumbel-Softmax (Concrete) distribution of Jang, Gu and Poole (2017) and Maddison, Mnih and Teh
 * (2017) (Question 3.1.20): y = softmax((log pi + g)/temperature) with g_k i.i.d. standard Gumbel. Its
 * density on the simplex, with respect to Lebesgue measure on (y_1, ..., y_{K-1}), is
 * p(y) = (K-1)! t^{K-1} prod_k pi_k y_k^{-t-1} / (sum_k pi_k y_k^{-t})^K (Maddison et al., eq. 9).
 */
public final class GumbelSoftmax {
    private final double[] logPi;
    private final double[] pi;
    private final double temperature;
    private final double logNormalizer;
    private final double[] logits;

    private GumbelSoftmax(double[] pi, double temperature) {
        int k = pi.length;
        this.pi = pi.clone();
        this.temperature = temperature;
        logPi = new double[k];
        for (int i = 0; i < k; i++) {
            logPi[i] = Math.log(pi[i]);
        }
        logNormalizer = LogGamma.value(k) /* log (k-1)! */ + (k - 1) * Math.log(temperature);
        logits = new double[k];
    }

    /**
     * The distribution for class probabilities {@code pi} (at least 2, positive, summing to 1 within
     * 1e-9) at {@code temperature} &gt; 0.
     */
    public static GumbelSoftmax of(double[] pi, double temperature) {
        if (pi.length < 2) {
            throw new IllegalArgumentException("need at least 2 class probabilities, got " + pi.length);
        }
        double sum = 0;
        for (double p : pi) {
            Checks.positive("class probability", p);
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("class probabilities must sum to 1, got " + sum);
        }
        Checks.positive("temperature", temperature);
        return new GumbelSoftmax(pi, temperature);
    }

    public int classes() {
        return pi.length;
    }

    public double temperature() {
        return temperature;
    }

    public double[] probabilities() {
        return pi.clone();
    }

    /** Writes one sample into {@code y} (length K). Underflow to exact zeros is possible at low temperature. */
    public void sample(Rng rng, double[] y) {
        int k = pi.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            logits[i] = (logPi[i] + rng.nextGumbel()) / temperature;
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            y[i] = Math.exp(logits[i] - max);
            sum += y[i];
        }
        for (int i = 0; i < k; i++) {
            y[i] /= sum;
        }
    }

    /**
     * log p(y) from the logarithms of the coordinates, log y_k (given as logs so that points next to the
     * simplex's faces keep their precision).
     */
    public double logDensityFromLogs(double[] logY) {
        int k = pi.length;
        double t = temperature;
        double acc = logNormalizer;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            acc += logPi[i] - (t + 1) * logY[i];
            max = Math.max(max, logPi[i] - t * logY[i]);
        }
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += Math.exp(logPi[i] - t * logY[i] - max);
        }
        return acc - k * (max + Math.log(s));
    }

    /** log p(y) for a point y of the open simplex. */
    public double logDensity(double[] y) {
        double[] logY = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            logY[i] = Math.log(y[i]);
        }
        return logDensityFromLogs(logY);
    }
}
