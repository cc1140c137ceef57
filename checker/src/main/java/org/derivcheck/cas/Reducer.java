package org.derivcheck.cas;

import org.derivcheck.math.Range;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import java.util.List;

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
        return reduce(e, engine, new Conditions(null));
    }

    /** The conditions met while reducing: parameter domains and the existence of every moment used. */
    static final class Conditions {
        final Scope table;
        final java.util.List<Requirement> list = new java.util.ArrayList<>();

        Conditions(Scope table) {
            this.table = table;
        }

        void add(Requirement.Kind kind, IExpr expr, boolean strict, boolean integer, String reason) {
            if (table != null) {
                list.add(new Requirement(kind, expr, strict, integer, reason, table));
            }
        }
    }

    static IExpr reduce(IExpr e, EvalEngine engine, Conditions conditions) {
        if (e.isFree(x -> x == Ops.EXPECTATION, true)) {
            return SumAtoms.evaluate(e, engine);
        }
        IAST a = (IAST) e;
        if (a.head() == Ops.EXPECTATION) {
            int mark = conditions.list.size();
            IAST dist = (IAST) reduce(a.arg2(), engine, conditions);
            // Inverse(L) of a Wishart variable stays a matrix of entries the table knows (E[L^-1] = W^-1/(nu - D - 1))
            IExpr body = reduce(MomentsVector.markInverse(a.arg1(), dist), engine, conditions);
            IExpr out;
            if (body.isList()) {
                // linearity over components: E[{f, g}] = {E[f], E[g]}
                IASTAppendable list = F.ListAlloc(body.argSize());
                for (IExpr x : (IAST) body) {
                    list.append(reduce(F.binaryAST2(Ops.EXPECTATION, x, dist), engine, conditions));
                }
                out = list;
            } else {
                parameterConditions(dist, engine, conditions);
                out = Moments.expect(body, dist, engine, conditions).orElseGet(() -> F.binaryAST2(Ops.EXPECTATION,
                        MomentsVector.unmarkInverse(body, dist, engine), dist));
            }
            bind(dist, conditions, mark);
            return out;
        }
        if (a.head() == org.matheclipse.core.expression.S.D && a.argSize() >= 2) {
            IExpr pushed = pushDerivative(a.arg1(), a);
            if (pushed != null) {
                return reduce(pushed, engine, conditions);
            }
        }
        IASTAppendable copy = F.ast(a.head(), a.argSize());
        for (IExpr x : a) {
            copy.append(reduce(x, engine, conditions));
        }
        return engine.evaluate(copy);
    }

    private static void parameterConditions(IAST dist, EvalEngine engine, Conditions conditions) {
        if (!dist.arg2().isAST()) {
            return;
        }
        IAST fam = (IAST) dist.arg2();
        List<Families.Req> reqs = Families.byHead(fam.head()).map(f -> f.reqs().of(fam)).orElseGet(() ->
                conditions.table == null ? List.of()
                        : conditions.table.familyByHead(fam.head()).map(f -> f.reqs(fam)).orElse(List.of()));
        {
            for (Families.Req r : reqs) {
                conditions.add(Requirement.Kind.PARAMETER, engine.evaluate(r.expr()), r.strict(), r.integer(),
                        r.what() + " must be " + (r.integer() ? "a whole number >= 0" : r.strict() ? "> 0" : ">= 0"));
            }
        }
    }

    /** Conditions that mention this expectation's variables hold over the variables' support. */
    private static void bind(IAST dist, Conditions conditions, int mark) {
        if (!dist.arg2().isAST() || !dist.arg1().isList()) {
            return;
        }
        var fam = Families.byHead(dist.arg2().head());
        if (fam.isEmpty()) {
            return;
        }
        IAST vars = (IAST) dist.arg1();
        for (int i = mark; i < conditions.list.size(); i++) {
            Requirement c = conditions.list.get(i);
            for (int v = 1; v <= vars.argSize(); v++) {
                IExpr var = vars.getAt(v);
                if (var.isSymbol() && !c.expr.isFree(var, true)) {
                    Range support = fam.get().support().get(Math.min(v - 1, fam.get().support().size() - 1));
                    c.bound.put((org.matheclipse.core.interfaces.ISymbol) var, support);
                }
            }
        }
    }
}
