package org.derivcheck.check;

import org.derivcheck.cas.Expr;
import org.derivcheck.notation.Relation;

/** One scalar relation to decide: an entry of a (possibly vector or matrix) step. */
record Claim(String entry, Expr lhs, Expr rhs, Relation relation) {
}
