package org.derivcheck.vi;

import java.util.List;

/**
 * A CAVI run: the variational parameters after the initialization and after every factor update
 * (q(mu), then q(tau), alternately), the closed-form ELBO at each of those states, the number of full
 * sweeps, and whether the stopping rule was met before the sweep limit.
 */
public record CaviResult(List<MeanField> states, double[] elbo, int sweeps, boolean converged) {
    public CaviResult {
        states = List.copyOf(states);
        elbo = elbo.clone();
        if (states.size() != elbo.length) {
            throw new IllegalArgumentException(states.size() + " states for " + elbo.length + " ELBO values");
        }
    }

    @Override
    public double[] elbo() {
        return elbo.clone();
    }

    /** The final q. */
    public MeanField last() {
        return states.get(states.size() - 1);
    }

    /** The ELBO of the final q. */
    public double finalElbo() {
        return elbo[elbo.length - 1];
    }

    /**
     * The largest decrease of the ELBO from one update to the next (0 if it never decreased): CAVI
     * makes it non-negative in exact arithmetic, so anything above rounding error is a bug.
     */
    public double largestDecrease() {
        double worst = 0;
        for (int i = 1; i < elbo.length; i++) {
            worst = Math.max(worst, elbo[i - 1] - elbo[i]);
        }
        return worst;
    }
}
