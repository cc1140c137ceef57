package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Sound log rules: log(a b) = log a + log b, log(a^e) = e log a and log(exp x) = x, applied only where
 * a and b are provably positive and e and x provably real (from the declared domains: every declared
 * symbol is real; some are positive). Unlike PowerExpand, they never assume what is not declared.
 */
final class LogRules {
    private final Scope table;

    LogRules(Scope table) {
        this.table = table;
    }

    IExpr expand(IExpr e) {
        IExpr out = e;
        for (int pass = 0; pass < 4; pass++) {
            IExpr next = out.replaceAll(this::rule).orElse(out);
            if (next.equals(out)) {
                break;
            }
            out = next;
        }
        return out;
    }

    private IExpr rule(IExpr e) {
        if (!e.isAST(S.Log, 2)) {
            return F.NIL;
        }
        IExpr a = e.first();
        if (a.isTimes()) {
            List<IExpr> pos = new ArrayList<>();
            List<IExpr> rest = new ArrayList<>();
            for (IExpr f : (IAST) a) {
                (positive(f) ? pos : rest).add(f);
            }
            if (pos.isEmpty() || (rest.isEmpty() && pos.size() < 2)) {
                return F.NIL;
            }
            List<IExpr> terms = new ArrayList<>();
            for (IExpr p : pos) {
                terms.add(F.Log(p));
            }
            if (!rest.isEmpty()) {
                terms.add(F.Log(rest.size() == 1 ? rest.get(0) : F.Times(rest.toArray(new IExpr[0]))));
            }
            return F.Plus(terms.toArray(new IExpr[0]));
        }
        if (a == S.E) {
            return F.C1;
        }
        if (a.isPower() && a.base() == S.E && real(a.exponent())) {
            return a.exponent();
        }
        if (a.isAST(S.Gamma, 2) && positive(a.first())) {
            return F.LogGamma(a.first()); // log Gamma(x) = LogGamma(x) for x > 0
        }
        if (a.isPower() && positive(a.base()) && real(a.exponent())) {
            return F.Times(a.exponent(), F.Log(a.base()));
        }
        if ((a.isAST(S.Exp, 2) && real(a.first()))) {
            return a.first();
        }
        if (a.isPower() && a.base() == S.E && real(a.exponent())) {
            return a.exponent();
        }
        return F.NIL;
    }

    boolean positive(IExpr e) {
        if (e.isNumber()) {
            return e.isReal() && e.isPositive();
        }
        if (e == S.Pi || e == S.E) {
            return true;
        }
        if (e instanceof ISymbol s) {
            return table.isPositive(s);
        }
        if (e.isTimes() || e.isPlus()) {
            for (IExpr x : (IAST) e) {
                if (!positive(x)) {
                    return false;
                }
            }
            return true;
        }
        if (e.isPower()) {
            return (positive(e.base()) && real(e.exponent())) || (e.base() == S.E && real(e.exponent()))
                    || (real(e.base()) && e.exponent().isInteger() && e.exponent().toIntDefault() % 2 == 0
                    && nonzero(e.base()));
        }
        if (e.isAST(S.Exp, 2)) {
            return real(e.first());
        }
        if (e.isAST(S.Gamma, 2) || e.isAST(S.Sqrt, 2)) {
            return positive(e.first());
        }
        return false;
    }

    private boolean nonzero(IExpr e) {
        return positive(e) || (e.isNumber() && !e.isZero());
    }

    boolean real(IExpr e) {
        if (e.isNumber()) {
            return e.isReal();
        }
        if (e == S.Pi || e == S.E) {
            return true;
        }
        if (e instanceof ISymbol s) {
            return table.nameOf(s) != null;
        }
        if (e.isPlus() || e.isTimes()) {
            for (IExpr x : (IAST) e) {
                if (!real(x)) {
                    return false;
                }
            }
            return true;
        }
        if (e.isPower()) {
            return (real(e.base()) && e.exponent().isInteger() && (e.exponent().isPositive() || nonzero(e.base())))
                    || (positive(e.base()) && real(e.exponent()));
        }
        if (e.isAST(S.Exp, 2)) {
            return real(e.first());
        }
        if (e.isAST(S.Log, 2) || e.isAST(S.LogGamma, 2) || e.isAST(S.Sqrt, 2)) {
            return positive(e.first());
        }
        if (e.isAST(S.PolyGamma, 3)) {
            return e.first().isInteger() && positive(e.second());
        }
        if (e.isAST() && e.head() instanceof ISymbol h && table.nameOf(h) != null && e.argSize() == 1) {
            return true; // indexed data x(n) is real
        }
        return false;
    }
}
