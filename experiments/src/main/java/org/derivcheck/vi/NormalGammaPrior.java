package org.derivcheck.vi;

/**
 * The conjugate prior of the report's model: {@code mu | tau ~ N(mu0, 1/(lambda0 tau))},
 * {@code tau ~ Gamma(a0, b0)} (shape, rate).
 */
public record NormalGammaPrior(double mu0, double lambda0, double a0, double b0) {
    /** The report's prior (Question 1.2.5): mu0 = 1, lambda0 = 0.1, a0 = 1, b0 = 2. */
    public static final NormalGammaPrior REPORT = new NormalGammaPrior(1.0, 0.1, 1.0, 2.0);

    public NormalGammaPrior {
        Checks.finite("mu0", mu0);
        Checks.positive("lambda0", lambda0);
        Checks.positive("a0", a0);
        Checks.positive("b0", b0);
    }
}
