package org.derivcheck.vi;

/**
 * The recorded course of a BBVI run: at each recorded iteration (0 = the start), the closed-form ELBO
 * and the variational parameters; {@code last} is the final q.
 */
public record BbviTrace(BbviConfig config, int[] iteration, double[] elbo, double[] m, double[] lambda,
        double[] a, double[] b, MeanField last) {
    public BbviTrace {
        int len = iteration.length;
        for (double[] c : new double[][] {elbo, m, lambda, a, b}) {
            if (c.length != len) {
                throw new IllegalArgumentException("trace columns differ in length: " + len + " and " + c.length);
            }
        }
    }

    /** Number of recorded states. */
    public int size() {
        return iteration.length;
    }

    /** E_q[tau] = a/b at each recorded state. */
    public double[] meanTau() {
        double[] r = new double[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = a[i] / b[i];
        }
        return r;
    }

    /** The recorded iterations as doubles, for charts and CSV. */
    public double[] iterationsAsDouble() {
        double[] r = new double[iteration.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = iteration[i];
        }
        return r;
    }

    /** The mean ELBO over the recorded states in the last {@code fraction} of the run: a noise-averaged end value. */
    public double tailMeanElbo(double fraction) {
        int from = (int) Math.floor(size() * (1 - fraction));
        from = Math.min(Math.max(from, 0), size() - 1);
        double acc = 0;
        for (int i = from; i < size(); i++) {
            acc += elbo[i];
        }
        return acc / (size() - from);
    }
}
