package org.derivcheck.vi;

/**
 * A rectangle in (mu, tau) that holds all but a negligible part of a Normal-Gamma distribution's mass:
 * {@code width} standard deviations of tau's Gamma marginal either side of its mean (cut at a tiny
 * positive tau), and 1.5 {@code width} standard deviations of mu's Student-t marginal either side of
 * its mean (the factor 1.5 covers mu's wider conditional spread where tau is small).
 */
public record PosteriorBox(double mu0, double mu1, double tau0, double tau1) {
    public static PosteriorBox around(NormalGamma p, double width) {
        double sdTau = Math.sqrt(p.varianceTau());
        double tau0 = Math.max(p.meanTau() * 1e-9, p.meanTau() - width * sdTau);
        double tau1 = p.meanTau() + width * sdTau;
        double sdMu = Math.sqrt(p.varianceMu());
        if (!Double.isFinite(sdMu)) {
            throw new IllegalArgumentException("mu has no finite variance (a = " + p.a() + " <= 1): no finite box");
        }
        return new PosteriorBox(p.mu() - 1.5 * width * sdMu, p.mu() + 1.5 * width * sdMu, tau0, tau1);
    }
}
