package org.derivcheck.cas;

import java.util.Set;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** The declared symbols of an expression that occur free ({@link Expr#freeSymbols}, {@link Expr#freeFiniteVariables}). */
final class FreeSymbols {
    private FreeSymbols() {
    }

    /** Declared symbols not bound by a sum, a product, an expectation or a finite sum, added to {@code out}. */
    static void free(IExpr e, Scope table, Set<IExpr> bound, Set<String> out) {
        if (e instanceof ISymbol s) {
            String n = table.nameOf(s);
            if (n != null && !bound.contains(s) && table.declared(n).isPresent()) {
                out.add(n);
            }
            return;
        }
        if (!e.isAST()) {
            return;
        }
        IAST a = (IAST) e;
        Set<IExpr> inner = new java.util.HashSet<>(bound);
        if ((a.head() == Ops.FSUM || a.head() == Ops.IID) && a.argSize() >= 2) {
            inner.add(a.arg2());
            for (int i = 1; i <= a.argSize(); i++) {
                if (i != 2) {
                    free(a.getAt(i), table, inner, out);
                }
            }
            return;
        }
        if ((a.head() == S.Sum || a.head() == S.Product) && a.argSize() == 2 && a.arg2().isList()
                && a.arg2().argSize() >= 1) {
            inner.add(a.arg2().first());
            free(a.arg1(), table, inner, out);
            for (int i = 2; i <= a.arg2().argSize(); i++) {
                free(((IAST) a.arg2()).getAt(i), table, bound, out);
            }
            return;
        }
        if (a.head() == Ops.EXPECTATION && a.argSize() >= 2 && a.arg2().isAST() && a.arg2().argSize() >= 2) {
            IExpr vars = a.arg2().first();
            if (vars.isList()) {
                for (IExpr v : (IAST) vars) {
                    inner.add(v);
                }
            } else {
                inner.add(vars);
            }
            free(a.arg1(), table, inner, out);
            for (int i = 2; i <= a.arg2().argSize(); i++) {
                free(((IAST) a.arg2()).getAt(i), table, inner, out);
            }
            for (int i = 3; i <= a.argSize(); i++) {
                free(a.getAt(i), table, inner, out);
            }
            return;
        }
        free(a.head(), table, bound, out);
        for (IExpr x : a) {
            free(x, table, bound, out);
        }
    }

    /** Declared finite variables not summed or integrated over, added to {@code out}. */
    static void freeFinite(IExpr e, Scope table, Set<IExpr> bound, Set<String> out) {
        if (e instanceof ISymbol s) {
            String n = table.nameOf(s);
            if (n != null && !bound.contains(s) && table.declared(n).map(Scope.Declared::finite).orElse(false)) {
                out.add(n);
            }
            return;
        }
        if (!e.isAST()) {
            return;
        }
        IAST a = (IAST) e;
        Set<IExpr> inner = bound;
        if (a.head() == Ops.FSUM) {
            inner = new java.util.HashSet<>(bound);
            inner.add(a.arg2());
            freeFinite(a.arg1(), table, inner, out);
            return;
        }
        if (a.head() == Ops.EXPECTATION && a.arg2().isAST() && ((IAST) a.arg2()).arg2().isAST(Ops.ABSTRACT, 2)) {
            inner = new java.util.HashSet<>(bound);
            for (IExpr v : (IAST) a.arg2().first()) {
                inner.add(v);
            }
            freeFinite(a.arg1(), table, inner, out);
            freeFinite(a.arg2().second(), table, inner, out);
            return;
        }
        if (a.head() == Ops.IID) {
            inner = new java.util.HashSet<>(bound);
            inner.add(a.arg2());
            freeFinite(a.arg1(), table, inner, out);
            return;
        }
        for (IExpr x : a) {
            freeFinite(x, table, inner, out);
        }
    }
}
