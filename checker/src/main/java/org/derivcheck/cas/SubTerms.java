package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.List;
import org.derivcheck.cas.Expr.Edit;
import org.derivcheck.cas.Expr.Edit.Kind;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Local changes of a student's side, for diagnoses: each replaces one sub-term (a power's exponent, a
 * function's argument, one function call, the sign of one term of an inner sum, the order of a product's
 * factors) and returns the whole side after the change. Nothing here decides whether a change repairs
 * anything; the diagnoser checks each one numerically. Smaller sub-terms come first.
 */
final class SubTerms implements Expr.Edits {
    private static final int MAX_EDITS = 400;
    private final Expr side;

    SubTerms(Expr side) {
        this.side = side;
    }

    /**
     * Calls and powers of {@code side} replaced by a call or power of {@code reference} of the same function
     * (the same base for a power): ψ(α) where ψ(α + β) belongs, x³ where x² belongs, e^(−t) where e^(−bt) belongs.
     * Numeric exponents also get their neighbours (e ± 1, −e, 2e, e/2).
     */
    @Override
    public List<Edit> fromReference(Expr reference) {
        List<IExpr> mine = new ArrayList<>();
        nodes(side.ast, mine);
        List<IExpr> theirs = new ArrayList<>();
        nodes(reference.ast, theirs);
        List<Edit> out = new ArrayList<>();
        mine.sort((a, b) -> Long.compare(a.leafCount(), b.leafCount()));
        for (IExpr m : mine) {
            if (m.isSymbol()) {
                // a bare symbol where the reference has a power of it: b where b^2 belongs
                for (IExpr t : theirs) {
                    if (t.isPower() && t.base().equals(m) && t.exponent().isNumber() && !t.exponent().isMinusOne()) {
                        add(out, side, m, t, Kind.EXPONENT);
                        break;
                    }
                }
                continue;
            }
            if (!m.isAST() || m.isPlus() || m.isTimes() || m.isList()) {
                continue;
            }
            if (out.size() >= MAX_EDITS || Thread.currentThread().isInterrupted()) {
                break;
            }
            List<IExpr> seen = new ArrayList<>();
            for (IExpr t : theirs) {
                if (!t.isAST() || t.equals(m) || seen.contains(t) || t.leafCount() > 4 * m.leafCount() + 12) {
                    continue;
                }
                boolean samePower = m.isPower() && t.isPower() && m.base().equals(t.base());
                boolean sameCall = !m.isPower() && !t.isPower() && m.head().equals(t.head()) && m.argSize() == t.argSize()
                        && !m.head().isBuiltInSymbol() || !m.isPower() && m.head() == t.head() && m.argSize() == t.argSize()
                        && (m.head() == S.PolyGamma || m.head() == S.Log || m.head() == S.LogGamma || m.head() == S.Gamma
                        || m.head() == S.Sin || m.head() == S.Cos || m.head() == S.Tanh || m.head() == S.Erf
                        || m.head() == S.Sqrt || m.head() == S.Abs || m.head() == S.Exp);
                if (m.isPower() && t.isPower() && m.base().equals(S.E) && t.base().equals(S.E)) {
                    samePower = true;
                }
                if (!samePower && !sameCall) {
                    continue;
                }
                if (m.head() == S.PolyGamma && !m.first().equals(t.first())) {
                    continue; // another order of polygamma is a wrong function, not a wrong argument
                }
                seen.add(t);
                if (seen.size() > 6) {
                    break;
                }
                Kind kind = m.isPower() && !m.base().equals(S.E) ? Kind.EXPONENT : Kind.ARGUMENT;
                add(out, side, m, t, kind);
                if (samePower && kind == Kind.EXPONENT && t.exponent().isNumber() && t.exponent().isNegative()
                        && m.exponent().isNumber() && !m.exponent().isNegative()) {
                    // the power written in a denominator, where the reference has it as a negative exponent:
                    // 1/(2 t^(3/2)) where 1/(2 t^(1/2)) belongs
                    add(out, side, m, F.Power(m.base(), F.eval(F.Negate(t.exponent()))), Kind.EXPONENT);
                }
            }
            if (m.isPower() && !m.base().equals(S.E) && m.exponent().isInteger() && !m.exponent().isMinusOne()) {
                IExpr e = m.exponent();
                for (IExpr alt : new IExpr[] {F.Plus(e, F.C1), F.Plus(e, F.CN1), F.Negate(e), F.Times(F.C2, e),
                        F.Times(F.C1D2, e)}) {
                    IExpr v = F.eval(alt);
                    if (!v.equals(e) && !v.isZero()) {
                        add(out, side, m, F.Power(m.base(), v), Kind.EXPONENT);
                    }
                }
            }
            if (out.size() > MAX_EDITS) {
                break;
            }
        }
        return out;
    }

    /** One call at a time of digamma ↔ trigamma, log ↔ log-gamma, Gamma ↔ log-gamma, exp ↔ log, sin ↔ cos, sinh ↔ cosh. */
    @Override
    public List<Edit> functionSwaps() {
        List<IExpr> nodes = new ArrayList<>();
        nodes(side.ast, nodes);
        List<Edit> out = new ArrayList<>();
        for (IExpr n : nodes) {
            if (!n.isAST()) {
                continue;
            }
            List<IExpr> alts = new ArrayList<>();
            if (n.head() == S.PolyGamma && n.first().isZero()) {
                alts.add(F.PolyGamma(F.C1, n.second()));
            } else if (n.head() == S.PolyGamma && n.first().isOne()) {
                alts.add(F.PolyGamma(F.C0, n.second()));
            } else if (n.head() == S.Log && n.argSize() == 1) {
                alts.add(F.LogGamma(n.first()));
                alts.add(F.Exp(n.first()));
            } else if (n.head() == S.LogGamma) {
                alts.add(F.Log(n.first()));
                alts.add(F.Gamma(n.first()));
            } else if (n.head() == S.Gamma && n.argSize() == 1) {
                alts.add(F.LogGamma(n.first()));
            } else if (n.isPower() && n.base().equals(S.E)) {
                alts.add(F.Log(n.exponent()));
            } else if (n.head() == S.Sin && n.argSize() == 1) {
                alts.add(F.Cos(n.first()));
            } else if (n.head() == S.Cos && n.argSize() == 1) {
                alts.add(F.Sin(n.first()));
            } else if (n.head() == S.Sinh && n.argSize() == 1) {
                alts.add(F.Cosh(n.first()));
            } else if (n.head() == S.Cosh && n.argSize() == 1) {
                alts.add(F.Sinh(n.first()));
            }
            for (IExpr a : alts) {
                add(out, side, n, a, Kind.FUNCTION);
            }
        }
        return out;
    }

    /** For every sum below the top level, each of its terms with the other sign: a(a − 1) for a(a + 1). */
    @Override
    public List<Edit> innerSigns() {
        List<IExpr> nodes = new ArrayList<>();
        nodes(side.ast, nodes);
        List<Edit> out = new ArrayList<>();
        for (IExpr n : nodes) {
            if (n == side.ast || !n.isPlus() || n.argSize() > 8) {
                continue;
            }
            IAST p = (IAST) n;
            for (int i = 1; i <= p.argSize(); i++) {
                IExpr t = p.get(i);
                IExpr flipped = t.isTimes() && t.first().isMinusOne() && t.argSize() == 2 ? t.second()
                        : t.isNumber() ? t.negate() : F.Times(F.CN1, t);
                add(out, side, n, p.setAtCopy(i, flipped), Kind.INNER_SIGN);
            }
        }
        return out;
    }

    /** Every matrix product (Dot) with its factors reversed, and each pair of its factors exchanged. */
    @Override
    public List<Edit> factorOrders() {
        List<IExpr> nodes = new ArrayList<>();
        nodes(side.ast, nodes);
        List<Edit> out = new ArrayList<>();
        for (IExpr n : nodes) {
            if (!n.isAST() || n.head() != S.Dot || n.argSize() < 2 || n.argSize() > 4) {
                continue;
            }
            IAST d = (IAST) n;
            IExpr[] rev = new IExpr[d.argSize()];
            for (int i = 0; i < rev.length; i++) {
                rev[i] = d.get(d.argSize() - i);
            }
            add(out, side, n, F.function(S.Dot, rev), Kind.FACTOR_ORDER);
            for (int i = 1; i <= d.argSize(); i++) {
                for (int j = i + 1; j <= d.argSize(); j++) {
                    if (d.argSize() == 2 || d.get(i).equals(d.get(j))) {
                        continue;
                    }
                    IAST sw = d.setAtCopy(i, d.get(j));
                    add(out, side, n, sw.setAtCopy(j, d.get(i)), Kind.FACTOR_ORDER);
                }
            }
        }
        return out;
    }

    /**
     * Each expectation exchanged with the function around it or inside it: log E[x] for E[log x] and back,
     * E[x]^2 for E[x^2], exp E[x] for E[exp x]. The {@code from} of an edit is the expectation as written,
     * its {@code to} the exchanged form.
     */
    @Override
    public List<Edit> expectationSwaps() {
        List<IExpr> nodes = new ArrayList<>();
        nodes(side.ast, nodes);
        List<Edit> out = new ArrayList<>();
        for (IExpr n : nodes) {
            if (n.isAST() && n.head() == Ops.EXPECTATION && n.argSize() >= 2) {
                IAST ex = (IAST) n;
                IExpr body = ex.arg1();
                IExpr inner = inside(body);
                if (inner != null) {
                    IExpr swapped = rewrap(body, ex.setAtCopy(1, inner));
                    add(out, side, n, swapped, Kind.EXPECTATION_SWAP);
                }
            } else if (n.isAST() && inside(n) != null && inside(n).isAST() && inside(n).head() == Ops.EXPECTATION) {
                IAST ex = (IAST) inside(n);
                add(out, side, n, ex.setAtCopy(1, rewrap(n, ex.arg1())), Kind.EXPECTATION_SWAP);
            }
        }
        return out;
    }

    /** The argument of a log, exp, square root or numeric power; null for anything else. */
    private static IExpr inside(IExpr f) {
        if (f.isAST() && (f.head() == S.Log || f.head() == S.Sqrt || f.head() == S.Exp) && f.argSize() == 1) {
            return f.first();
        }
        if (f.isPower() && f.exponent().isNumber() && !f.base().equals(S.E)) {
            return f.base();
        }
        if (f.isPower() && f.base().equals(S.E)) {
            return f.exponent();
        }
        return null;
    }

    /** The same function as {@code f} applied to {@code x}. */
    private static IExpr rewrap(IExpr f, IExpr x) {
        if (f.isPower() && f.base().equals(S.E)) {
            return F.Power(S.E, x);
        }
        if (f.isPower()) {
            return F.Power(x, f.exponent());
        }
        return F.unaryAST1(f.head(), x);
    }

    /**
     * The parts a correct result is made of, read off the left side as written: the terms of a sum, with a
     * derivative or an expectation of a sum distributed over its terms (D(f + g, x) gives D(f, x), D(g, x)).
     * Each part still has to be reduced.
     */
    static List<Expr> linearParts(Expr written) {
        List<IExpr> out = new ArrayList<>();
        parts(written.ast, out, 0);
        List<Expr> r = new ArrayList<>();
        for (IExpr x : out) {
            r.add(new Expr(x, written.table));
        }
        return r;
    }

    private static void parts(IExpr e, List<IExpr> out, int depth) {
        if (out.size() > 24 || depth > 6) {
            out.add(e);
            return;
        }
        if (e.isPlus()) {
            for (IExpr t : (IAST) e) {
                parts(t, out, depth + 1);
            }
            return;
        }
        if (e.isAST() && (e.head() == S.D || e.head() == Ops.EXPECTATION) && e.argSize() >= 2 && e.first().isPlus()) {
            IAST a = (IAST) e;
            for (IExpr t : (IAST) a.arg1()) {
                parts(a.setAtCopy(1, t), out, depth + 1);
            }
            return;
        }
        if (e.isTimes() && e.first().isNumber() && e.argSize() == 2 && e.second().isAST()) {
            List<IExpr> inner = new ArrayList<>();
            parts(e.second(), inner, depth + 1);
            for (IExpr t : inner) {
                out.add(F.Times(e.first(), t));
            }
            return;
        }
        out.add(e);
    }

    private static void add(List<Edit> out, Expr side, IExpr from, IExpr to, Kind kind) {
        if (out.size() >= MAX_EDITS) {
            return; // (the replacement below walks the whole side: on a 3000-term side, every pair's walk took minutes)
        }
        IExpr repaired = side.ast.replaceAll(x -> x == from ? to : F.NIL);
        if (repaired.isPresent() && out.size() < MAX_EDITS) {
            out.add(new Edit(kind, new Expr(from, side.table), new Expr(to, side.table), new Expr(repaired, side.table)));
        }
    }

    /** Every sub-expression, the root included, parents before children. */
    private static void nodes(IExpr e, List<IExpr> out) {
        out.add(e);
        if (e.isAST()) {
            for (IExpr x : (IAST) e) {
                nodes(x, out);
            }
        }
    }
}
