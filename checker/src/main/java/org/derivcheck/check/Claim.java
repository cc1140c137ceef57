package org.derivcheck.check;

import org.derivcheck.cas.Expr;
import org.derivcheck.notation.Relation;

/**
 * One scalar relation to decide: an entry of a (possibly vector or matrix) step, reduced, and the sides as
 * written (before the CAS rewrote them: where they have a real value is read from these).
 */
record Claim(String entry, Expr lhs, Expr rhs, Relation relation, Expr lhsWritten, Expr rhsWritten) {
    Claim(String entry, Expr lhs, Expr rhs, Relation relation) {
        this(entry, lhs, rhs, relation, lhs, rhs);
    }
}
