package org.derivcheck.vi;

import org.derivcheck.special.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The mean-field family of the report: {@code q(mu, tau) = N(mu | m, 1/lambda) Gamma(tau | a, b)}
 * (shape a, rate b). Written (mu_N, lambda_N, a_N, b_N) in the report.
 */
public record MeanField(double m, double lambda, double a, double b) {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    public MeanField {
        Checks.finite("m", m);
        Checks.positive("lambda", lambda);
        Checks.positive("a", a);
        Checks.positive("b", b);
    }

    /** E_q[mu] = m. */
    public double meanMu() {
        return m;
    }

    /** E_q[tau] = a / b. */
    public double meanTau() {
        return a / b;
    }

    /** E_q[log tau] = psi(a) - log b. */
    public double meanLogTau() {
        return Digamma.digamma(a) - Math.log(b);
    }

    /** log q(mu, tau); -infinity for tau &lt;= 0. */
    public double logDensity(double mu, double tau) {
        if (!(tau > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        double d = mu - m;
        return 0.5 * (Math.log(lambda) - LOG_2PI) - 0.5 * lambda * d * d
                + a * Math.log(b) - LogGamma.value(a) + (a - 1) * Math.log(tau) - b * tau;
    }

    /** The entropy -E_q[log q] = 1/2 (1 + log 2 pi - log lambda) + a - log b + log Gamma(a) + (1 - a) psi(a). */
    public double entropy() {
        return 0.5 * (1 + LOG_2PI - Math.log(lambda)) + a - Math.log(b) + LogGamma.value(a) + (1 - a) * Digamma.digamma(a);
    }
}
