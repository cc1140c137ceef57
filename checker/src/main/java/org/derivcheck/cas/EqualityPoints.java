package org.derivcheck.cas;

import org.derivcheck.cas.Cas.ExactValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Exact points where two sides are equal, for the equality search of a strict relation: closed forms next to a
 * numeric point where the margin is nearly 0 (rationals with small denominators, rational multiples of pi,
 * square roots and logarithms of rationals, powers of e), and the CAS's real solutions of {@code l == r} in one
 * symbol. Equality at an exact point is decided by exact evaluation under real semantics (every sub-expression
 * real, see {@link RealValue}), never by a tolerance.
 */
final class EqualityPoints {
    private EqualityPoints() {
    }

    /** The largest denominator tried for a rational (and for a rational multiple of a constant). */
    static final int MAX_DENOMINATOR = 96;

    /**
     * Closed forms within a relative {@code tol} of {@code v}: p/q, (p/q) pi, sqrt(p/q), log(p/q), e^(p/q) and
     * (p/q) e, each with a small denominator; the nearest ones first.
     */
    static List<ExactValue> closedForms(double v, double tol) {
        List<ExactValue> out = new ArrayList<>();
        if (!Double.isFinite(v)) {
            return out;
        }
        double t = tol * Math.max(1, Math.abs(v));
        rational(v, t).ifPresent(q -> out.add(new ExactValue(q[0] + (q[1] == 1 ? "" : "/" + q[1]), (double) q[0] / q[1],
                F.QQ(q[0], q[1]))));
        rational(v / Math.PI, t / Math.PI).ifPresent(q -> out.add(new ExactValue(times(q, "Pi"), Math.PI * q[0] / q[1],
                F.Times(F.QQ(q[0], q[1]), S.Pi))));
        rational(v / Math.E, t / Math.E).ifPresent(q -> out.add(new ExactValue(times(q, "E"), Math.E * q[0] / q[1],
                F.Times(F.QQ(q[0], q[1]), S.E))));
        if (v > 0 && out.isEmpty()) {
            rational(v * v, 2 * v * t).filter(q -> q[0] > 0).ifPresent(q -> out.add(new ExactValue("Sqrt(" + q[0]
                    + (q[1] == 1 ? "" : "/" + q[1]) + ")", Math.sqrt((double) q[0] / q[1]), F.Sqrt(F.QQ(q[0], q[1])))));
            rational(Math.log(v), t / v).ifPresent(q -> out.add(new ExactValue("Exp(" + q[0] + (q[1] == 1 ? "" : "/" + q[1])
                    + ")", Math.exp((double) q[0] / q[1]), F.Exp(F.QQ(q[0], q[1])))));
        }
        rational(Math.exp(v), t * Math.exp(v)).filter(q -> q[0] > 0).ifPresent(q -> out.add(new ExactValue("Log(" + q[0]
                + (q[1] == 1 ? "" : "/" + q[1]) + ")", Math.log((double) q[0] / q[1]), F.Log(F.QQ(q[0], q[1])))));
        return out;
    }

    private static String times(long[] q, String c) {
        String n = q[0] == 1 ? c : q[0] == -1 ? "-" + c : q[0] + "*" + c;
        return q[1] == 1 ? n : n + "/" + q[1];
    }

    /** The rational p/q (q at most {@link #MAX_DENOMINATOR}) within {@code t} of {@code x}, by continued fractions. */
    static Optional<long[]> rational(double x, double t) {
        if (!Double.isFinite(x) || Math.abs(x) > 1e12) {
            return Optional.empty();
        }
        long p0 = 0;
        long q0 = 1;
        long p1 = 1;
        long q1 = 0;
        double r = x;
        for (int i = 0; i < 40; i++) {
            double a = Math.floor(r);
            long p2 = (long) a * p1 + p0;
            long q2 = (long) a * q1 + q0;
            if (q2 > MAX_DENOMINATOR || q2 <= 0) {
                return Optional.empty();
            }
            if (Math.abs(x - (double) p2 / q2) <= t) {
                return Optional.of(new long[] {p2, q2});
            }
            p0 = p1;
            q0 = q1;
            p1 = p2;
            q1 = q2;
            double f = r - a;
            if (f == 0) {
                return Optional.empty();
            }
            r = 1 / f;
        }
        return Optional.empty();
    }

    private static IExpr at(Expr e, Map<String, ExactValue> point) {
        Map<IExpr, IExpr> subst = new IdentityHashMap<>();
        for (var en : point.entrySet()) {
            Optional<ISymbol> s = e.table.symbol(en.getKey());
            s.ifPresent(sym -> subst.put(sym, en.getValue().expr));
        }
        return Resolver.substitute(Asts.deepCopy(e.ast), subst);
    }

    /**
     * Whether both sides are exactly equal at an exact point (every free symbol given): the difference evaluates,
     * or simplifies, to the exact 0. That the sides are real there is the caller's to check (at the point's double
     * value: no guard of {@link RealGuards} violated, both sides finite).
     */
    static boolean equalAt(Expr l, Expr r, Map<String, ExactValue> point, EvalEngine engine) {
        IExpr lv = at(l, point);
        IExpr rv = at(r, point);
        IExpr d = engine.evaluate(F.Subtract(lv, rv));
        if (d.isZero() && !d.isInexactNumber()) {
            return true;
        }
        if (!d.isFree(x -> x instanceof ISymbol s && l.table.nameOf(s) != null, true)) {
            return false; // a symbol without a value
        }
        if (clearlyNonzero(d, lv, rv, engine)) {
            return false; // no Simplify for a difference that 30 digits show (a candidate that is not an equality)
        }
        IExpr s = engine.evaluate(F.Simplify(d));
        if (s.isZero() && !s.isInexactNumber()) {
            return true;
        }
        IExpr fe = engine.evaluate(F.FullSimplify(d));
        return fe.isZero() && !fe.isInexactNumber();
    }

    /**
     * Whether the difference is nonzero by far more than the rounding of the sides at 30, 100 or 300 digits: most
     * closed forms tried are not equalities, and Simplify of a difference such as Tanh(100) - 1 (10^-87) runs to its
     * time limit. A numeric value that is wrong only loses an equality (the search then stays undecided), never
     * makes one.
     */
    private static boolean clearlyNonzero(IExpr d, IExpr lv, IExpr rv, EvalEngine engine) {
        try {
            for (int digits : new int[] {30, 100, 300}) {
                IExpr n = engine.evaluate(F.N(d, F.ZZ(digits)));
                if (!n.isReal()) {
                    return false;
                }
                if (n.isZero()) {
                    continue;
                }
                double log = log10Abs(n, engine);
                double scale = 0;
                for (IExpr side : new IExpr[] {lv, rv}) {
                    IExpr v = engine.evaluate(F.N(side, F.ZZ(digits)));
                    if (!v.isReal()) {
                        return false;
                    }
                    scale = v.isZero() ? scale : Math.max(scale, log10Abs(v, engine));
                }
                if (Double.isFinite(log) && Double.isFinite(scale) && log > scale - (digits - 10)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** log10 of a nonzero real number's magnitude (beyond double's range too). */
    private static double log10Abs(IExpr v, EvalEngine engine) {
        double x = Math.abs(v.evalf());
        if (x > 0 && Double.isFinite(x)) {
            return Math.log10(x);
        }
        return engine.evaluate(F.N(F.Log(F.ZZ(10), F.Abs(v)), F.ZZ(30))).evalf();
    }

    /** A general solution's integer constants C(k) set to 0 (one solution of the family). */
    private static IExpr noConstants(IExpr e) {
        if (!e.isAST()) {
            return e;
        }
        IAST a = (IAST) e;
        if (a.head() == S.C) {
            return F.C0;
        }
        org.matheclipse.core.interfaces.IASTAppendable c = F.ast(a.head(), a.argSize());
        for (IExpr x : a) {
            c.append(noConstants(x));
        }
        return c;
    }

    /** The exact binary value of a double (as points are evaluated elsewhere), printed as the double. */
    static ExactValue exactly(double v) {
        return new ExactValue(String.valueOf(v), v, Asts.exact(v));
    }

    /** The real solutions of l == r in one symbol, the others fixed at exact values (the CAS's Solve). */
    static List<ExactValue> solve(Expr l, Expr r, String symbol, Map<String, ExactValue> fixed, EvalEngine engine) {
        List<ExactValue> out = new ArrayList<>();
        Optional<ISymbol> x = l.table.symbol(symbol);
        if (x.isEmpty()) {
            return out;
        }
        Map<String, ExactValue> others = new LinkedHashMap<>(fixed);
        others.remove(symbol);
        IExpr lv = engine.evaluate(at(l, others));
        IExpr rv = engine.evaluate(at(r, others));
        // the factors of the difference first: Solve of a repeated root ((x^3 - 2)^2 == 0) answers only in floats
        for (IExpr f : factors(engine.evaluate(F.Subtract(lv, rv)), x.get(), engine)) {
            addSolutions(out, engine.evaluate(F.Solve(F.Equal(f, F.C0), x.get())), l, engine, true);
        }
        if (out.isEmpty()) {
            addSolutions(out, engine.evaluate(F.Solve(F.Equal(lv, rv), x.get())), l, engine, false);
        }
        return out;
    }

    /** The distinct factors (powers stripped) of the numerator of a difference that hold the symbol. */
    private static List<IExpr> factors(IExpr d, ISymbol x, EvalEngine engine) {
        List<IExpr> out = new ArrayList<>();
        IExpr n = engine.evaluate(F.Factor(engine.evaluate(F.Numerator(engine.evaluate(F.Together(d))))));
        List<IExpr> parts = new ArrayList<>();
        if (n.isTimes()) {
            for (IExpr a : (IAST) n) {
                parts.add(a);
            }
        } else {
            parts.add(n);
        }
        for (IExpr p : parts) {
            IExpr b = p.isPower() ? p.base() : p;
            if (!b.isFree(x, true) && !out.contains(b)) {
                out.add(b);
            }
        }
        return out.size() == 1 && out.get(0).equals(d) ? List.of() : out; // (nothing to split: the plain Solve)
    }

    private static void addSolutions(List<ExactValue> out, IExpr sol, Expr l, EvalEngine engine, boolean exactOnly) {
        if (!sol.isList()) {
            return;
        }
        for (IExpr rule : (IAST) sol) {
            IExpr rr = rule.isList() && rule.argSize() == 1 ? rule.first() : rule;
            if (!rr.isRuleAST()) {
                continue;
            }
            IExpr v = ((IAST) rr).arg2();
            if (v.isAST(S.ConditionalExpression)) {
                v = engine.evaluate(noConstants(((IAST) v).arg1()));
            }
            if (!v.isFree(e -> e.isSymbol() && !e.isBuiltInSymbol(), true)
                    || exactOnly && !v.isFree(IExpr::isInexactNumber, true)) {
                continue;
            }
            IExpr n = engine.evaluate(F.N(v, F.ZZ(30)));
            if (!n.isReal()) {
                continue;
            }
            out.add(new ExactValue(new Expr(v, l.table).toString(), n.evalf(), v));
            if (out.size() >= 8) {
                break;
            }
        }
    }
}
