package org.derivcheck.diagnose;

import org.derivcheck.cas.Expr;

/** Decides, numerically, whether a candidate repair makes {@code lhs = candidate} hold. */
@FunctionalInterface
public interface Agreement {
    boolean holds(Expr lhs, Expr candidate);
}
