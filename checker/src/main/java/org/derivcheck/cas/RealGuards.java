package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hipparchus.random.RandomGenerator;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Where an expression <em>as written</em> has a real value: the argument of every logarithm must be positive,
 * the base of every even root or real power nonnegative (of a power with a symbolic exponent, positive or the
 * exponent an integer at that point). Read from the written expression before the CAS evaluates it, because
 * the CAS computes in the complex numbers and rewrites {@code Sqrt(x)^2}, {@code Exp(Log(x))} and
 * {@code x^(1/2) x^(1/2)} to {@code x}: under real semantics those sides are undefined for x &lt; 0. Each
 * guard's argument is compiled on its own (double) and, to rule out rounding, re-evaluated with apfloat
 * numbers where that evaluator applies. Sub-expressions over bound variables (expectations, sums, derivatives,
 * abstract densities) are not guarded. Build with {@link Cas#realDomain}, seen from outside as a
 * {@link Cas.RealDomain}.
 */
final class RealGuards implements Cas.RealDomain {
    /** What a guard demands of its argument. */
    enum Kind { POSITIVE, NONNEGATIVE, REAL_POWER }

    /** A violated guard at a point: the function, its argument as written, and the argument's value there. */
    record Violation(String function, String argument, double value) {
        String describe() {
            return function + " of " + argument + " = " + String.format(java.util.Locale.ROOT, "%.6g", value)
                    + (function.startsWith("a power") ? "" : " (no real value)");
        }
    }

    /** overSum: a guard of a sum's terms, its argument the sum of the terms' negative parts (see {@link #overSums}). */
    private record Guard(Kind kind, String function, String text, NumericFunction arg, List<NumericFunction> terms,
            NumericFunction exponent, Optional<PreciseFunction> precise, boolean overSum) {
    }

    /** The relative size (of the argument's largest term) below which a negative value may be rounding. */
    static final double TOLERANCE = 1e-9;
    private final List<Guard> guards;
    private final List<String> convention;

    private RealGuards(List<Guard> guards, List<String> convention) {
        this.guards = List.copyOf(guards);
        this.convention = List.copyOf(convention);
    }

    @Override
    public boolean isEmpty() {
        return guards.isEmpty();
    }

    /** Odd roots of possibly negative bases, whose real value depends on a convention (not decided here). */
    List<String> conventions() {
        return convention;
    }

    @Override
    public List<NumericFunction> arguments() {
        List<NumericFunction> out = new ArrayList<>();
        for (Guard g : guards) {
            if (!g.overSum()) {
                out.add(g.arg()); // a sum's negative parts never change sign: nothing for a search of the boundary
            }
        }
        return out;
    }

    @Override
    public Optional<String> violated(double[] values, double[][] data, RandomGenerator rng, boolean confirm) {
        return violation(values, data, rng, confirm).map(Violation::describe);
    }

    /**
     * The first guard violated at a point beyond rounding in double precision, confirmed with apfloat numbers
     * where that evaluator applies when {@code confirm} (the cheap test first, the costly one where it matters).
     */
    Optional<Violation> violation(double[] values, double[][] data, RandomGenerator rng, boolean confirm) {
        for (Guard g : guards) {
            double u = g.arg().eval(values, data, rng);
            if (!Double.isFinite(u) || u >= 0) {
                continue; // undefined inside (an inner guard says so) or overflowed: not this guard's violation
            }
            if (g.kind() == Kind.REAL_POWER) {
                double e = g.exponent().eval(values, data, rng);
                if (!Double.isFinite(e) || Math.abs(e - Math.rint(e)) <= TOLERANCE * Math.max(1, Math.abs(e))) {
                    continue; // an integer exponent: a negative base is fine
                }
            }
            double scale = Math.abs(u);
            for (NumericFunction t : g.terms()) {
                double v = Math.abs(t.eval(values, data, rng));
                if (Double.isFinite(v)) {
                    scale = Math.max(scale, v);
                }
            }
            if (-u <= TOLERANCE * scale) {
                continue; // zero up to rounding: a boundary point, not a region
            }
            if (confirm && g.precise().isPresent()) {
                Optional<NumericFunction.Precise.Value> pv = g.precise().get().eval(values, data, 40);
                if (pv.isEmpty() || pv.get().signum() >= 0) {
                    continue; // double precision was wrong, or something inside is undefined
                }
            }
            return Optional.of(new Violation(g.function(), g.text(), u));
        }
        return Optional.empty();
    }

    /** Reads the guards of a written expression (on a CAS thread: exponents are evaluated exactly). */
    static RealGuards of(Expr written, EvalEngine engine) {
        List<Guard> out = new ArrayList<>();
        List<String> convention = new ArrayList<>();
        collect(written.ast, written.table, engine, out, convention);
        return new RealGuards(out, convention);
    }

    private static boolean bound(IAST a, Scope table) {
        IExpr h = a.head();
        return h == Ops.EXPECTATION || h == Ops.FSUM || h == Ops.IID || h == Ops.FD || h == Ops.ABSTRACT
                || h == S.D || h == S.Sum || h == S.Product || h == S.Integrate || table.isDensityHead(h);
    }

    private static void collect(IExpr e, Scope table, EvalEngine engine, List<Guard> out, List<String> convention) {
        collect(e, table, engine, out, convention, List.of());
    }

    /**
     * {@code sums}: the iterators {n, lo, hi} of the sums around e (outermost first). A sum over a whole range, such
     * as a log-likelihood Sum(Log(x(n)), {n, 1, N}) over data, is defined where every term is: its terms' guards are
     * guarded too, as guards of the sum ({@link #overSums}).
     */
    private static void collect(IExpr e, Scope table, EvalEngine engine, List<Guard> out, List<String> convention,
            List<IAST> sums) {
        if (!e.isAST() || out.size() >= 32) {
            return;
        }
        IAST a = (IAST) e;
        if (a.isAST(S.Sum, 3) && a.arg2().isList() && a.arg2().argSize() == 3 && a.arg2().first().isSymbol()
                && sums.size() < 3) {
            List<IAST> inner = new ArrayList<>(sums);
            inner.add((IAST) a.arg2());
            collect(a.arg1(), table, engine, out, convention, inner);
            for (int i = 2; i <= 3; i++) {
                collect(a.arg2().getAt(i), table, engine, out, convention, sums); // the bounds
            }
            return;
        }
        if (bound(a, table)) {
            return;
        }
        if (!sums.isEmpty()) {
            for (IExpr x : a) {
                collect(x, table, engine, out, convention, sums);
            }
            if (a.isAST(S.Log, 2)) {
                overSums(Kind.POSITIVE, "Log", a.arg1(), sums, table, out);
            } else if (a.isPower()) {
                // evaluated as copies: the CAS sorts sums and products in place, and this is the expression as written
                IExpr ex = engine.evaluate(Asts.deepCopy(a.exponent()));
                IExpr b = engine.evaluate(Asts.deepCopy(a.base()));
                boolean positiveBase = b.isNumber() && b.isReal() && b.isPositive() || b.isE();
                if (!positiveBase && ex.isFraction() && ((org.matheclipse.core.interfaces.IFraction) ex).denominator().isEven()) {
                    overSums(Kind.NONNEGATIVE, ex.equals(F.C1D2) ? "a square root" : "an even root", a.base(), sums, table, out);
                } else if (!positiveBase && ex.isNumber() && !ex.isInteger() && !ex.isFraction()) {
                    overSums(Kind.NONNEGATIVE, "a real power", a.base(), sums, table, out);
                }
                // a symbolic exponent inside a sum (x(n)^a) is not guarded: its integrality may depend on the term
            }
            return;
        }
        for (IExpr x : a) {
            collect(x, table, engine, out, convention);
        }
        if (a.isAST(S.Log, 2)) {
            guard(Kind.POSITIVE, "Log", a.arg1(), null, table, engine, out);
        } else if (a.isPower()) {
            IExpr base = a.base();
            IExpr ex = engine.evaluate(a.exponent());
            IExpr b = engine.evaluate(base);
            if (b.isNumber() && b.isReal() && b.isPositive() || b.isE()) {
                return; // a positive constant base
            }
            if (ex.isInteger()) {
                return;
            }
            if (ex.isFraction()) {
                org.matheclipse.core.interfaces.IFraction q = (org.matheclipse.core.interfaces.IFraction) ex;
                if (q.denominator().isEven()) {
                    guard(Kind.NONNEGATIVE, q.equals(F.C1D2) ? "a square root" : "an even root", base, null, table, engine,
                            out);
                } else {
                    convention.add(new Expr(a, table).toString());
                }
                return;
            }
            if (ex.isNumber()) {
                guard(Kind.NONNEGATIVE, "a real power", base, null, table, engine, out);
            } else if (ex.isNumericFunction(true)) {
                guard(Kind.NONNEGATIVE, "a real power", base, null, table, engine, out);
            } else {
                guard(Kind.REAL_POWER, "a power with a non-integer exponent", base, a.exponent(), table, engine, out);
            }
        }
    }

    private static void guard(Kind kind, String function, IExpr arg, IExpr exponent, Scope table,
            EvalEngine engine, List<Guard> out) {
        Expr u = new Expr(arg, table);
        if (u.isAbstract() || !u.isScalar()) {
            return;
        }
        try {
            NumericFunction f = NumericCompiler.compile(arg, table);
            NumericFunction ef = exponent == null ? null : NumericCompiler.compile(exponent, table);
            if (f.random() || ef != null && ef.random() || f.approximate()) {
                return;
            }
            List<NumericFunction> terms = new ArrayList<>();
            if (arg.isPlus() && arg.argSize() <= 40) {
                for (IExpr t : (IAST) arg) {
                    terms.add(NumericCompiler.compile(t, table));
                }
            }
            out.add(new Guard(kind, function, u.toString(), f, terms, ef, PreciseFunction.precise(u), false));
        } catch (RuntimeException ex) {
            // a construct the compilers do not take (an unevaluated derivative): this guard is not checked
        }
    }

    /**
     * The guard of a term inside sums, as one guard of the sum: its argument is Sum(Min(u, 0), ...) over the sums'
     * ranges, negative exactly where some term's argument u is; its scale, for the rounding test, the sum of the
     * absolute values of u's terms (so that a term equal to 0 up to rounding is no violation).
     */
    private static void overSums(Kind kind, String function, IExpr arg, List<IAST> sums, Scope table, List<Guard> out) {
        IExpr neg = F.Min(arg, F.C0);
        IExpr size = F.Abs(arg);
        if (arg.isPlus() && arg.argSize() <= 40) {
            org.matheclipse.core.interfaces.IASTAppendable abs = F.PlusAlloc(arg.argSize());
            for (IExpr t : (IAST) arg) {
                abs.append(F.Abs(t));
            }
            size = abs;
        }
        StringBuilder where = new StringBuilder();
        for (int i = sums.size() - 1; i >= 0; i--) {
            neg = F.Sum(neg, sums.get(i));
            size = F.Sum(size, sums.get(i));
        }
        for (IAST it : sums) {
            where.append(where.length() == 0 ? " for some " : ", ").append(new Expr(it.arg1(), table)).append(" from ")
                    .append(new Expr(it.arg2(), table)).append(" to ").append(new Expr(it.arg3(), table));
        }
        Expr u = new Expr(neg, table);
        if (new Expr(arg, table).isAbstract() || !u.isScalar()) {
            return;
        }
        try {
            NumericFunction f = NumericCompiler.compile(neg, table);
            if (f.random() || f.approximate()) {
                return;
            }
            out.add(new Guard(kind, function, new Expr(arg, table).toString() + where, f,
                    List.of(NumericCompiler.compile(size, table)), null, PreciseFunction.precise(u), true));
        } catch (RuntimeException ex) {
            // a construct the compilers do not take: this guard is not checked
        }
    }
}
