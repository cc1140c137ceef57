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

    /**
     * D(E[f], v) = E[D(f, v)] when v is not integrated over and the distribution's parameters do not
     * depend on v; D distributes over sums. Null when neither applies.
     */
    private static IExpr pushDerivative(IExpr f, IAST d) {
        if (f.isAST() && f.head() == Ops.EXPECTATION) {
            IAST dist = (IAST) f.second();
            for (int i = 2; i <= d.argSize(); i++) {
                IExpr v = d.getAt(i).isList() ? d.getAt(i).first() : d.getAt(i);
                if (!dist.isFree(v, true)) {
                    return null;
                }
            }
            IASTAppendable inner = F.ast(d.head(), d.argSize());
            inner.append(f.first());
            for (int i = 2; i <= d.argSize(); i++) {
                inner.append(d.getAt(i));
            }
            return F.binaryAST2(Ops.EXPECTATION, inner, dist);
        }
        if (f.isPlus()) {
            IASTAppendable sum = F.ast(org.matheclipse.core.expression.S.Plus, f.argSize());
            for (IExpr t : (IAST) f) {
                IASTAppendable dt = F.ast(d.head(), d.argSize());
                dt.append(t);
                for (int i = 2; i <= d.argSize(); i++) {
                    dt.append(d.getAt(i));
                }
                sum.append(dt);
            }
            return sum;
        }
        return null;
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
        if (a.head() == org.matheclipse.core.expression.S.D && a.argSize() >= 2) {
            IExpr pushed = pushDerivative(a.arg1(), a);
            if (pushed != null) {
                return reduce(pushed, engine);
            }
        }
        IASTAppendable copy = F.ast(a.head(), a.argSize());
        for (IExpr x : a) {
            copy.append(reduce(x, engine));
        }
        return engine.evaluate(copy);
    }
}
