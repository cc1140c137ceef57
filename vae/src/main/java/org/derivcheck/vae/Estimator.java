package org.derivcheck.vae;

import java.util.Arrays;
import java.util.Locale;

/** A gradient estimator of the variational objective. */
public enum Estimator {
    /** Reparameterized gradient of the single-sample ELBO: total derivative, score term included. */
    STANDARD("standard", false),
    /**
     * Sticking the landing (Roeder et al. 2017): the same ELBO with the variational parameters stopped
     * inside log q, so only the path derivative through z remains; same expectation, lower variance near
     * the optimum.
     */
    STL("stl", false),
    /** Importance-weighted bound L_K (Burda et al. 2016), reparameterized gradient of log mean exp. */
    IWAE("iwae", true),
    /** Doubly reparameterized IWAE gradient (Tucker et al. 2019): squared normalized weights, q stopped. */
    DREG("dreg", true);

    private final String cliName;
    private final boolean usesK;

    Estimator(String cliName, boolean usesK) {
        this.cliName = cliName;
        this.usesK = usesK;
    }

    /** The name on the command line and in files. */
    public String cliName() {
        return cliName;
    }

    /** Whether the estimator draws K importance samples per image (otherwise one). */
    public boolean usesK() {
        return usesK;
    }

    /** Parses a command-line name. */
    public static Estimator parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Estimator e : values()) {
            if (e.cliName.equals(n)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown estimator '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Estimator::cliName).toList());
    }
}
