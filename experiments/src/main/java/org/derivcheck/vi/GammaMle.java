package org.derivcheck.vi;

import org.derivcheck.special.Digamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The Gamma maximum-likelihood estimate by Newton's method on the profile equation: at the MLE,
 * beta = alpha / mean(x) and log alpha - psi(alpha) = s with s = log mean(x) - mean(log x) &gt; 0. The
 * function log alpha - psi(alpha) is decreasing and convex, so Newton's method from Minka's (2002)
 * starting point converges; it stops when a step changes alpha by at most {@code relTol} relative.
 */
public final class GammaMle {
    private GammaMle() {
    }

    public static GammaFit newton(GammaData data, double relTol) {
        double s = Math.log(data.meanX()) - data.meanLogX();
        if (!(s > 0)) {
            throw new IllegalArgumentException("log mean x - mean log x = " + s + ": a constant sample has no Gamma MLE");
        }
        double alpha = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
        int it = 0;
        while (it < 100) {
            it++;
            double f = Math.log(alpha) - Digamma.digamma(alpha) - s;
            double df = 1 / alpha - Trigamma.value(alpha);
            double next = alpha - f / df;
            if (!(next > 0)) {
                next = alpha / 2;
            }
            double change = Math.abs(next - alpha);
            alpha = next;
            if (change <= relTol * alpha) {
                break;
            }
        }
        double beta = alpha / data.meanX();
        return new GammaFit(alpha, beta, GammaNll.of(data).value(alpha, beta), it);
    }
}
