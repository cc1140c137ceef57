package org.derivcheck.diagnose;

import java.util.List;
import org.derivcheck.cas.Expr;
import org.derivcheck.notation.Relation;

/**
 * A refuted relation: the two whole sides as written (before reduction), and entry by entry the reference side
 * (reduced), the student's side reduced and as written, and the indices of the refuted entries.
 */
public record Refutation(Relation relation, Expr lhsWritten, Expr rhsWritten, List<Expr.Entry> lhs, List<Expr.Entry> rhs,
        List<Expr.Entry> written, List<Integer> refuted) {
    public Refutation {
        lhs = List.copyOf(lhs);
        rhs = List.copyOf(rhs);
        written = List.copyOf(written);
        refuted = List.copyOf(refuted);
    }
}
