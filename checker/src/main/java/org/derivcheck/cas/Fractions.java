package org.derivcheck.cas;

import java.util.Optional;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A difference written as one fraction, for differences below every precision: {@code Tanh(a + 1000) - 1} is
 * -2/(1 + e^(2a + 2000)), whose numerator, a product without sums, has a sign and magnitude that evaluating its
 * factors shows with no cancellation, where the sides themselves agree to every digit carried.
 */
final class Fractions {
    private Fractions() {
    }

    /**
     * {@code l - r} as one fraction (Together), trigonometric and hyperbolic functions written by exponentials
     * (TrigToExp): its numerator when that is a nonzero product none of whose factors is a sum, else empty.
     */
    static Optional<Expr> productNumerator(IExpr l, IExpr r, Scope table, EvalEngine en) {
        IExpr d = en.evaluate(F.Together(en.evaluate(F.TrigToExp(F.Subtract(l, r)))));
        IExpr n = en.evaluate(F.Numerator(d));
        if (n.isZero() || !n.isFree(IExpr::isInexactNumber, true)) {
            return Optional.empty();
        }
        for (IExpr f : n.isTimes() ? (IAST) n : F.List(n)) {
            if ((f.isPower() ? f.base() : f).isPlus()) {
                return Optional.empty(); // a sum may cancel: its value says nothing beyond the precision
            }
        }
        return Optional.of(new Expr(n, table));
    }
}
