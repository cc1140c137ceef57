package org.derivcheck.diagnose;

import java.util.List;
import org.derivcheck.cas.Expr;

/**
 * What diagnosing needs from the checker that refuted a relation, at fresh points of the same domains: whether a
 * candidate repair makes the relation hold, the ratio of the two sides, the names of the scalar symbols, the time left.
 */
public interface Probe extends Agreement {
    /** The sides' ratio {@code lhs/rhs} at one point, and the values of the scalar symbols there. */
    record Ratio(double[] point, double ratio) {
    }

    /** Finite nonzero ratios lhs/rhs at fresh points (up to 16); empty when the sides cannot be evaluated so. */
    List<Ratio> ratios(Expr lhs, Expr rhs);

    /** The scalar symbols, in the order of {@link Ratio#point()}. */
    List<String> scalarNames();

    /** Milliseconds left for the step (at least 1). */
    long remainingMillis();

    boolean timeLeft();
}
