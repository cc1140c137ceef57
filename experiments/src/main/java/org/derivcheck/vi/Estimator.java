package org.derivcheck.vi;

/**
 * The score-function gradient estimators of BBVI (Ranganath, Gerrish and Blei 2014).
 *
 * <p>With samples (mu_s, tau_s) from q, the score h_j = d log q / d theta_j and
 * w = log p(x, mu, tau) - log q(mu, tau), the estimators of dELBO/dtheta_j are:
 * <ul>
 * <li>{@link #PLAIN}: mean_s h_j w (Algorithm 1);</li>
 * <li>{@link #CONTROL_VARIATES}: mean_s (h_j w - a_j h_j) with the optimal scalar per component
 * a_j = Cov(h_j w, h_j)/Var(h_j), estimated from the same samples (eq. 9 of the paper);</li>
 * <li>{@link #RAO_BLACKWELL}: w replaced, per factor, by the terms of the joint in that factor's Markov
 * blanket minus that factor's log q: for q(mu), log p(x | mu, tau) + log p(mu | tau) - log q(mu); for
 * q(tau), log p(x, mu, tau) - log q(tau) (eq. 6);</li>
 * <li>{@link #RAO_BLACKWELL_CV}: both, as in the paper's Algorithm 2.</li>
 * </ul>
 */
public enum Estimator {
    PLAIN("plain", "score function (Algorithm 1)", false, false),
    CONTROL_VARIATES("cv", "control variates", false, true),
    RAO_BLACKWELL("rb", "Rao-Blackwellized", true, false),
    RAO_BLACKWELL_CV("rb-cv", "Rao-Blackwellized + control variates", true, true);

    private final String id;
    private final String label;
    private final boolean raoBlackwell;
    private final boolean controlVariates;

    Estimator(String id, String label, boolean raoBlackwell, boolean controlVariates) {
        this.id = id;
        this.label = label;
        this.raoBlackwell = raoBlackwell;
        this.controlVariates = controlVariates;
    }

    /** The short name used on the command line and in file names. */
    public String id() {
        return id;
    }

    /** A name for legends and tables. */
    public String label() {
        return label;
    }

    public boolean raoBlackwell() {
        return raoBlackwell;
    }

    public boolean controlVariates() {
        return controlVariates;
    }

    /** The estimator with this {@link #id()}. */
    public static Estimator byId(String id) {
        for (Estimator e : values()) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown estimator '" + id + "'; use plain, cv, rb or rb-cv");
    }
}
