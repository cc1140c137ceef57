package org.derivcheck.special;

/**
 * The digamma function psi(x) = d/dx log Gamma(x) for x &gt; 0, to about 1e-15 relative.
 *
 * <p>Why not Commons Math: {@code org.apache.commons.math3.special.Gamma.digamma} (3.6.1) is off by
 * about 3e-9 absolute for every x below 49 (measured against SciPy's {@code digamma} and the closed
 * forms psi(n) = H_{n-1} - gamma), which shows up as 1e-7 errors in the ELBO and keeps a Gamma MLE from
 * being checked to 1e-12; Hipparchus 3.0's (on the class path through Symja) is the same code with the same
 * error. Commons Numbers 1.2's {@code Digamma.value} is as accurate as this one (within 3e-15 at the closed
 * forms, DigammaTest measures all three); this one stays because the checker and the experiments share it and
 * its numbers are the ones the tests and documents record. Method: the recurrence psi(x) = psi(x + 1) - 1/x up to x &gt;= 10, then the
 * asymptotic series ln x - 1/(2x) - sum_k B_2k / (2k x^2k) to k = 7 (the next term is below 5e-17 at x = 10).
 */
public final class Digamma {
    private Digamma() {
    }

    public static double digamma(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            if (x == Double.POSITIVE_INFINITY) {
                return x;
            }
            throw new IllegalArgumentException("digamma is implemented for finite x > 0, got " + x);
        }
        double shift = 0;
        while (x < 10) {
            shift -= 1 / x;
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))));
        return shift + Math.log(x) - 0.5 * inv - series;
    }
}
