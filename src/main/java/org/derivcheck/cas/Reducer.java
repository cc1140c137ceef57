package org.derivcheck.cas;

import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;

/** Evaluates an expression bottom-up, replacing each expectation by its closed form where {@link Moments} has one. */
final class Reducer {
    private Reducer() {
    }

    static IExpr reduce(IExpr e, EvalEngine engine) {
        if (e.isFree(x -> x == Ops.EXPECTATION, true)) {
            return engine.evaluate(e);
        }
        IAST a = (IAST) e;
        if (a.head() == Ops.EXPECTATION) {
            IExpr body = reduce(a.arg1(), engine);
            IAST dist = (IAST) reduce(a.arg2(), engine);
            if (body.isList()) {
                // linearity over components: E[{f, g}] = {E[f], E[g]}
                IASTAppendable list = F.ListAlloc(body.argSize());
                for (IExpr x : (IAST) body) {
                    list.append(reduce(F.binaryAST2(Ops.EXPECTATION, x, dist), engine));
                }
                return list;
            }
            return Moments.expect(body, dist, engine).orElse(F.binaryAST2(Ops.EXPECTATION, body, dist));
        }
        IASTAppendable copy = F.ast(a.head(), a.argSize());
        for (IExpr x : a) {
            copy.append(reduce(x, engine));
        }
        return engine.evaluate(copy);
    }
}
