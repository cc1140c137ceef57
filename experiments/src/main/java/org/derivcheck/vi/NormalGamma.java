package org.derivcheck.vi;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The Normal-Gamma distribution {@code mu | tau ~ N(mu, 1/(lambda tau))}, {@code tau ~ Gamma(a, b)}
 * (shape, rate): the exact posterior of the report's model.
 */
public record NormalGamma(double mu, double lambda, double a, double b) {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    public NormalGamma {
        Checks.finite("mu", mu);
        Checks.positive("lambda", lambda);
        Checks.positive("a", a);
        Checks.positive("b", b);
    }

    /** log p(mu, tau); -infinity for tau &lt;= 0. */
    public double logDensity(double m, double tau) {
        if (!(tau > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        double d = m - mu;
        double logTau = Math.log(tau);
        return 0.5 * (Math.log(lambda) + logTau - LOG_2PI) - 0.5 * lambda * tau * d * d
                + a * Math.log(b) - LogGamma.value(a) + (a - 1) * logTau - b * tau;
    }

    /** E[mu]. */
    public double meanMu() {
        return mu;
    }

    /** E[tau] = a / b. */
    public double meanTau() {
        return a / b;
    }

    /** Var[tau] = a / b^2. */
    public double varianceTau() {
        return a / (b * b);
    }

    /** Var[mu] = b / (lambda (a - 1)) (the marginal Student t), infinite for a &lt;= 1. */
    public double varianceMu() {
        return a > 1 ? b / (lambda * (a - 1)) : Double.POSITIVE_INFINITY;
    }
}
