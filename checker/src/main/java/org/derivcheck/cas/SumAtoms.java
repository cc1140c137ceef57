package org.derivcheck.cas;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Sums over data, such as Sum(x(n)^2, {n, 1, N}), stood in for by fresh symbols while the CAS evaluates an
 * expression, and put back afterwards. Symja spends about half a second on every Log or D of an expression that
 * holds such a sum (D(Log(b + Sum(x(n), {n, 1, N})), mu) took 800 ms, D(Log(b + s), mu) 1 ms), trying to
 * decide the sum's real and imaginary parts; a sum whose body holds nothing but its index and data has no
 * symbol any derivative, expectation or substitution acts on, so a symbol in its place is the same to every
 * rule, and a rule true for a symbol is true for every value of it (the CAS can derive less, never more).
 * Only sums the CAS would leave as they are become symbols (one data term, see {@link #dataSum}).
 * Used only on expressions whose heads are plain algebra and calculus, and never when a symbol of a sum is
 * a variable of a derivative.
 */
final class SumAtoms {
    /** Heads an expression may have for the sums in it to be hidden (built-ins; user functions are always allowed). */
    private static final Set<ISymbol> ALGEBRA = Set.of(S.Plus, S.Times, S.Power, S.Log, S.Exp, S.Sqrt, S.D, S.Sum,
            S.List, S.Gamma, S.LogGamma, S.PolyGamma, S.Beta, S.Sin, S.Cos, S.Tan, S.Tanh, S.ArcTan, S.Erf);

    private final Map<IExpr, ISymbol> atoms = new LinkedHashMap<>();
    private final Map<ISymbol, IExpr> back = new LinkedHashMap<>();
    private final Set<IExpr> blocked;

    private SumAtoms(Set<IExpr> blocked) {
        this.blocked = blocked;
    }

    /** engine.evaluate(e), with the data sums hidden while it runs where that is safe (see the class comment). */
    static IExpr evaluate(IExpr e, EvalEngine engine) {
        Set<IExpr> blocked = new HashSet<>();
        if (!e.isAST() || !e.has(x -> x == S.Sum, true) || !plain(e, blocked)) {
            return engine.evaluate(e);
        }
        SumAtoms s = new SumAtoms(blocked);
        IExpr hidden = s.hide(e);
        if (s.atoms.isEmpty()) {
            return engine.evaluate(e);
        }
        IExpr r = engine.evaluate(hidden);
        return r.replaceAll(x -> x.isSymbol() && s.back.containsKey(x) ? s.back.get(x) : F.NIL).orElse(r);
    }

    /** Every head is plain algebra (or a user function); collects the variables of derivatives. */
    private static boolean plain(IExpr e, Set<IExpr> blocked) {
        if (!e.isAST()) {
            return true;
        }
        IAST a = (IAST) e;
        IExpr h = a.head();
        if (!h.isSymbol()) {
            return false;
        }
        ISymbol hs = (ISymbol) h;
        if (hs.isBuiltInSymbol() ? !ALGEBRA.contains(hs) : Ops.isOp(hs)) {
            return false;
        }
        if (h == S.D) {
            for (int i = 2; i <= a.argSize(); i++) {
                IExpr v = a.getAt(i).isList() ? a.getAt(i).first() : a.getAt(i);
                blocked.add(v);
                if (v.isAST()) {
                    blocked.add(v.head());
                }
            }
        }
        for (IExpr x : a) {
            if (!plain(x, blocked)) {
                return false;
            }
        }
        return true;
    }

    private IExpr hide(IExpr e) {
        if (!e.isAST()) {
            return e;
        }
        if (dataSum(e)) {
            return atom(e);
        }
        IAST a = (IAST) e;
        IASTAppendable copy = F.ast(a.head(), a.argSize());
        for (IExpr x : a) {
            copy.append(hide(x));
        }
        return copy;
    }

    private ISymbol atom(IExpr sum) {
        return atoms.computeIfAbsent(sum, k -> {
            ISymbol s = F.Dummy("datasum" + (atoms.size() + 1));
            back.put(s, k);
            return s;
        });
    }

    /**
     * A Sum over {n, lo, hi} as written whose body is one data term: data applied to n (x(n), x(n + 1)), powers and
     * built-in functions of such, products of them, with no sum and no number factor inside it, which the CAS
     * leaves as it is (it would split Sum(x(n) + y(n)) and take the 2 out of Sum(2 x(n)), so those stay visible).
     */
    private boolean dataSum(IExpr x) {
        if (!x.isAST() || x.head() != S.Sum || x.argSize() != 2 || !x.second().isList() || x.second().argSize() != 3) {
            return false;
        }
        IAST range = (IAST) x.second();
        if (!range.arg1().isSymbol()) {
            return false;
        }
        IExpr n = range.arg1();
        for (int i = 2; i <= 3; i++) {
            IExpr b = range.getAt(i);
            if (!(b.isInteger() || b.isSymbol() && !blocked.contains(b))) {
                return false;
            }
        }
        IExpr body = x.first();
        if (body.isTimes()) {
            for (IExpr f : (IAST) body) {
                if (f.isNumber() || !term(f, n)) {
                    return false;
                }
            }
            return true;
        }
        return term(body, n);
    }

    /** Data at n, or a power or built-in function (not a sum) of one. */
    private boolean term(IExpr e, IExpr n) {
        if (!e.isAST() || !e.head().isSymbol()) {
            return false;
        }
        IAST a = (IAST) e;
        ISymbol h = (ISymbol) a.head();
        if (!h.isBuiltInSymbol()) {
            // data applied to the index: x(n), x(n + 1)
            return !Ops.isOp(h) && !blocked.contains(h) && a.argSize() == 1 && index(a.arg1(), n);
        }
        if (h == S.Power) {
            return term(a.arg1(), n) && a.arg2().isInteger();
        }
        if (h == S.Log || h == S.Exp || h == S.Sqrt || h == S.LogGamma || h == S.Gamma) {
            return a.argSize() == 1 && term(a.arg1(), n);
        }
        return false;
    }

    private static boolean index(IExpr e, IExpr n) {
        if (e == n) {
            return true;
        }
        return e.isPlus() && e.argSize() == 2 && (e.first().isInteger() && e.second() == n
                || e.second().isInteger() && e.first() == n);
    }
}
