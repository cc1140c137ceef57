package org.derivcheck.vi;

import org.derivcheck.special.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The mean negative log-likelihood of Gamma(alpha, beta) (shape, rate) on a sample (Question 2.2.17):
 * L = -(alpha - 1) mean(log x) + beta mean(x) + log Gamma(alpha) - alpha log beta, its gradient
 * (psi(alpha) - log beta - mean(log x), mean(x) - alpha/beta), and the Fisher information of one
 * observation (Question 2.2.16), F = [[psi1(alpha), -1/beta], [-1/beta, alpha/beta^2]], which for this
 * exponential family is also the Hessian of L.
 */
public final class GammaNll {
    private final GammaData data;

    private GammaNll(GammaData data) {
        this.data = data;
    }

    public static GammaNll of(GammaData data) {
        return new GammaNll(data);
    }

    public GammaData data() {
        return data;
    }

    public double value(double alpha, double beta) {
        return -(alpha - 1) * data.meanLogX() + beta * data.meanX() + LogGamma.value(alpha) - alpha * Math.log(beta);
    }

    /** Writes (dL/dalpha, dL/dbeta) into {@code out}. */
    public void gradient(double alpha, double beta, double[] out) {
        out[0] = Digamma.digamma(alpha) - Math.log(beta) - data.meanLogX();
        out[1] = data.meanX() - alpha / beta;
    }

    /**
     * Writes F^{-1} g into {@code out} for the gradient g = (g0, g1): the natural gradient. F is positive
     * definite because alpha psi1(alpha) &gt; 1 for every alpha &gt; 0, so det F = (alpha psi1(alpha) - 1)/beta^2 &gt; 0.
     */
    public static void solveFisher(double alpha, double beta, double g0, double g1, double[] out) {
        double f11 = Trigamma.value(alpha);
        double f12 = -1 / beta;
        double f22 = alpha / (beta * beta);
        double det = f11 * f22 - f12 * f12;
        out[0] = (f22 * g0 - f12 * g1) / det;
        out[1] = (f11 * g1 - f12 * g0) / det;
    }
}
