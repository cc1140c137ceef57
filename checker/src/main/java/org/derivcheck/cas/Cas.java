package org.derivcheck.cas;

import org.derivcheck.math.Range;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.ChainReader;
import org.derivcheck.notation.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.hipparchus.random.RandomGenerator;
import org.matheclipse.core.eval.exception.LimitException;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The computer-algebra service: one per process, shared by all checks. Every operation runs on a worker
 * thread of its own engine under a wall-clock limit; a computation past its limit is asked to stop and
 * abandoned, so a hanging input costs its limit and nothing more.
 */
public final class Cas implements AutoCloseable {
    private final ExecutorService workers;

    private Cas() {
        this.workers = Bounded.workers("derivcheck-cas");
    }

    /** Starts the service; {@link #warmUp()} pays Symja's one-time start-up early. */
    public static Cas start() {
        return new Cas();
    }

    /**
     * Starts Symja's one-time start-up on a background (daemon) thread at once, so that the command line and
     * the input files are read meanwhile on the other core; {@link #warmUp()} then finds it done or waits for
     * the class initialization under way (the JVM's own lock).
     */
    public static void preload() {
        Thread t = new Thread(SymjaRuntime::warmUp, "derivcheck-preload");
        t.setDaemon(true);
        t.start();
    }

    /** Loads Symja's built-ins (about a second, once per process). */
    public void warmUp() {
        run(() -> {
            SymjaRuntime.warmUp();
            return null;
        }, 60_000);
    }

    /** This thread's time limit for the numeric evaluator's loops, in force until closed (see {@link #limitThread}). */
    public interface ThreadLimit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Sets this thread's time limit until the returned limit is closed: the compiled loops (sums, products, finite
     * sums, draws) and the precise evaluator stop at it with a {@link CasException} of kind TIMEOUT, as a CAS call
     * does; {@code millis} is the limit as the user gave it (for the message). A nested limit may only shorten it.
     */
    public static ThreadLimit limitThread(long deadlineNanos, long millis) {
        return Deadline.until(deadlineNanos, millis);
    }

    /** Parses a relation chain, e.g. {@code a = b <= c}, in the derivation's names. */
    public static List<Link> parseChain(String text, Scope table) {
        List<Link> out = new ArrayList<>();
        for (org.derivcheck.notation.Link l : ChainReader.chain(text, "", 0).links()) {
            out.add(new Link(l.relation(), resolve(l, table), l.span().column(), l.text()));
        }
        return out;
    }

    private static ParseException tooLarge(LimitException e) {
        return new ParseException("the expression is too large to check (" + e.getMessage() + "): split it into "
                + "shorter steps or definitions", 1);
    }

    /** One expression of a chain and its relation to the one before (empty for the first). */
    public record Link(Optional<Relation> relation, Expr expr, int column, String text) {
    }

    /**
     * Resolves a parsed link in the derivation's names: where text becomes an expression, and the only place the
     * sandbox is applied.
     *
     * @throws ParseException with the column in the text the link was parsed from
     */
    public static Expr resolve(org.derivcheck.notation.Link link, Scope table) {
        try {
            return guarded(new Expr(new Resolver(table).resolve(link.expr()), table), link.span().column());
        } catch (LimitException e) {
            throw tooLarge(e);
        }
    }

    /** Parses a single expression (no relation). */
    public static Expr parse(String text, Scope table) {
        try {
            return guarded(new Expr(new Resolver(table).resolveSingle(text), table), 1);
        } catch (LimitException e) {
            throw tooLarge(e);
        }
    }

    /** The second wall behind the allow-list: no denied Symja function may appear in a parsed expression. */
    private static Expr guarded(Expr e, int column) {
        Optional<String> bad = Sandbox.denied(e);
        if (bad.isPresent()) {
            throw new ParseException("'" + bad.get() + "' is not allowed (files, network, processes and Java are out of "
                    + "reach)", column);
        }
        return e;
    }

    /**
     * Evaluates derivatives, gradients, matrix algebra and expectations (in closed form where the table of
     * moments has them; otherwise the expectation stays, for Monte Carlo).
     */
    public Expr reduce(Expr e, long millis) {
        return new Expr(run(() -> Reducer.reduce(Asts.deepCopy(e.ast), SymjaRuntime.engine()), millis), e.table);
    }

    /** A reduced expression and the conditions under which it means something (parameter domains, moments that exist). */
    public record Reduced(Expr value, List<Condition> conditions) {
    }

    /**
     * {@link #reduce}, also returning every parameter-domain and existence condition met on the way. A chain's middle
     * expressions are reduced once ({@link ReducedCache}).
     */
    public Reduced reduceChecked(Expr e, long millis) {
        Reduced known = reducedCache.get(e);
        if (known != null) {
            return known;
        }
        Reduced out = run(() -> {
            Reducer.Conditions c = new Reducer.Conditions(e.table);
            IExpr r = Reducer.reduce(Asts.deepCopy(e.ast), SymjaRuntime.engine(), c);
            return new Reduced(new Expr(r, e.table), List.<Condition>copyOf(c.list));
        }, millis);
        reducedCache.put(e, out);
        return out;
    }

    private final ReducedCache reducedCache = new ReducedCache();

    /** The names of the symbolic sizes K of a written expression's vector families (t ~ Dirichlet(alpha, K)). */
    public static java.util.Set<String> sizeSymbols(Expr e) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        SizedFamilies.sizes(e.ast).forEach(s -> out.add(e.table.nameOf(s)));
        return out;
    }

    /** The free symbols in the component indices t(k) of a written expression's vector families of symbolic size. */
    public static java.util.Set<String> componentIndexSymbols(Expr e) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        SizedFamilies.indexSymbols(e.ast).forEach(s -> out.add(e.table.nameOf(s)));
        return out;
    }

    /** Whether the families of symbolic size in e have parameters in their domain at every K by their form. */
    public static boolean sizedParametersPlain(Expr e) {
        return SizedFamilies.plainParameters(e.ast, e.table);
    }

    /**
     * The written expression at whole-number values of its size and index symbols (SizedFamilies): sums with
     * whole-number bounds written out and each family of symbolic size made the family of that dimension.
     *
     * @throws IllegalArgumentException when a size or a component index leaves its range (the message says which)
     */
    public Expr atSizes(Expr written, java.util.Map<String, Integer> values, long millis) {
        String[] bad = {null};
        Expr out = run(() -> {
            java.util.Map<ISymbol, IExpr> v = new java.util.IdentityHashMap<>();
            values.forEach((n, k) -> written.table.symbol(n).ifPresent(s -> v.put(s, F.ZZ(k))));
            try {
                return new Expr(SizedFamilies.instantiate(Asts.deepCopy(written.ast), v, written.table, SymjaRuntime.engine()),
                        written.table);
            } catch (IllegalArgumentException e) {
                bad[0] = e.getMessage();
                return null;
            }
        }, millis);
        if (out == null) {
            throw new IllegalArgumentException(bad[0]);
        }
        return out;
    }

    /**
     * A proof that two written sides with families of symbolic size are equal for every K: both reduced by the
     * closed forms with symbolic sums (SizedMoments), summation indices renamed alike, the difference reduced to 0.
     * Empty when an expectation has no such closed form or the CAS does not reach 0.
     */
    public Optional<String> provesSizedEqual(Expr lhs, Expr rhs, long millis) {
        Expr[] sides = run(() -> {
            org.matheclipse.core.eval.EvalEngine en = SymjaRuntime.engine();
            IExpr l = SizedMoments.normalSums(Reducer.reduce(Asts.deepCopy(lhs.ast), en), en);
            IExpr r = SizedMoments.normalSums(Reducer.reduce(Asts.deepCopy(rhs.ast), en), en);
            return new Expr[] {new Expr(SizedMoments.canonicalIndices(l), lhs.table),
                new Expr(SizedMoments.canonicalIndices(r), rhs.table)};
        }, millis);
        if (sides[0].hasExpectation() || sides[1].hasExpectation() || !sides[0].isScalar() || !sides[1].isScalar()) {
            return Optional.empty();
        }
        return provesEqual(sides[0], sides[1], millis).map(p -> p + " (closed forms with the sums over 1..K kept: "
                + sides[0] + " and " + sides[1] + ")");
    }

    /**
     * What must hold for an expression to mean something ({@link Requirement}): a family parameter inside its domain
     * or a moment that exists, met by {@link #reduceChecked}; {@code expr > 0} (or {@code >= 0}, or a whole number).
     */
    public sealed interface Condition permits Requirement {
        /** A parameter outside its family's domain makes the input wrong; a moment that does not exist, the claim. */
        enum Kind { PARAMETER, EXISTENCE }

        Kind kind();

        /** The condition as the user would write it, e.g. "a - 1 > 0". */
        String text();

        /** Why it is needed, e.g. "E[x^(-1)] under Gamma(a, b) exists only when". */
        String reason();

        /** The declared symbols the condition mentions. */
        java.util.Set<String> symbols();

        /** A key that identifies the same condition on both sides of a claim. */
        String key();

        /** An assumption 'lhs relation rhs' of the derivation. */
        record Assumed(Expr lhs, String relation, Expr rhs) {
        }
    }

    /** Whether a condition holds throughout the domains and assumptions (see {@link Requirement#provedOn}). */
    public boolean proves(Condition c, java.util.Map<String, Range> domains, java.util.Set<String> integers,
            List<Condition.Assumed> assumptions, long millis) {
        return run(() -> ((Requirement) c).provedOn(domains, integers, assumptions), millis);
    }

    /**
     * Places where the integrands of the sides' expectations may have a narrow peak, a kink or a pole: the real roots of
     * their polynomial sub-expressions in an expectation's variable and of those polynomials' derivatives (see
     * {@link SplitPlaces}); empty when there are none or the CAS ran out of time.
     */
    public double[] splitPlaces(Expr lhs, Expr rhs, long millis) {
        try {
            return run(() -> SplitPlaces.of(SymjaRuntime.engine(), lhs.ast, rhs.ast), millis);
        } catch (CasException e) {
            return new double[0];
        }
    }

    /** A condition's expression as plain data; empty when it has no plain form. */
    public static Optional<org.derivcheck.math.Tree> tree(Condition c) {
        return ((Requirement) c).tree();
    }

    /** The index of the first point where a condition fails (see {@link Requirement#violatedAt}), or -1. */
    public int firstViolation(Condition c, List<java.util.Map<String, Double>> points,
            List<java.util.Map<String, Range>> dataRanges, long millis) {
        Requirement r = (Requirement) c;
        return run(() -> {
            for (int i = 0; i < points.size(); i++) {
                if (r.violatedAt(points.get(i), dataRanges.get(i)).orElse(false)) {
                    return i;
                }
            }
            return -1;
        }, millis);
    }

    /**
     * Tries to prove {@code e == 0} for a scalar: Simplify, then (only when every symbol is positive) the
     * power and log rules for positive reals. Empty when the CAS finished without reaching 0.
     */
    Optional<String> provesZero(Expr e, long millis) {
        return run(() -> Simplification.provesZero(Asts.deepCopy(e.ast), e.table, SymjaRuntime.engine()), millis);
    }

    /** Tries to prove {@code l == r} for scalars (see {@link #provesZero}); also compares logs of positive sides. */
    public Optional<String> provesEqual(Expr l, Expr r, long millis) {
        return run(() -> Simplification.provesEqual(Asts.deepCopy(l.ast), Asts.deepCopy(r.ast), l.table, SymjaRuntime.engine()), millis);
    }

    /** The numerator of {@code l - r} as one fraction when it is a product without sums (see {@link Fractions}). */
    public Optional<Expr> productNumerator(Expr l, Expr r, long millis) {
        return run(() -> Fractions.productNumerator(Asts.deepCopy(l.ast), Asts.deepCopy(r.ast), l.table, SymjaRuntime.engine()),
                millis);
    }

    /** Simplifies an expression (for display and for diagnoses). */
    public Expr simplify(Expr e, long millis) {
        return new Expr(run(() -> {
            org.matheclipse.core.eval.EvalEngine en = SymjaRuntime.engine();
            IExpr logs = new LogRules(e.table).expand(en.evaluate(Asts.deepCopy(e.ast)));
            return en.evaluate(F.Simplify(logs));
        }, millis), e.table);
    }

    /**
     * The additive terms of an expression expanded (products and powers multiplied out, logs of products of
     * provably positive factors split by the sound log rules): the terms a correct result is made of.
     */
    public List<Expr> expandedTerms(Expr e, long millis) {
        IExpr x = run(() -> {
            org.matheclipse.core.eval.EvalEngine en = SymjaRuntime.engine();
            IExpr logs = new LogRules(e.table).expand(en.evaluate(Asts.deepCopy(e.ast)));
            return en.evaluate(F.Expand(logs));
        }, millis);
        return new Expr(x, e.table).terms();
    }

    /** Where a side as written has a real value (see {@link RealGuards}): read before the CAS rewrites it. */
    public RealDomain realDomain(Expr written, long millis) {
        return run(() -> RealGuards.of(written, SymjaRuntime.engine()), millis);
    }

    /** Where a side as written has a real value: the guards of its logarithms, even roots and real powers. */
    public sealed interface RealDomain permits RealGuards {
        /** No guard: every sub-expression is defined wherever it can be evaluated. */
        boolean isEmpty();

        /** The arguments of the guards, compiled: for a search of where they change sign. */
        List<NumericFunction> arguments();

        /**
         * The first guard violated at a point beyond rounding in double precision, confirmed with apfloat numbers where
         * that evaluator applies when {@code confirm}; described, e.g. "Log of x - 1 = -0.5 (no real value)".
         */
        Optional<String> violated(double[] values, double[][] data, RandomGenerator rng, boolean confirm);

        /** The first guard clearly violated at a point (beyond rounding, confirmed with apfloat), if any. */
        default Optional<String> violated(double[] values, double[][] data, RandomGenerator rng) {
            return violated(values, data, rng, true);
        }
    }

    /**
     * An exact value of one coordinate of a point (see {@link EqualityPoints}): how it prints, its double value and the
     * CAS's expression of it.
     */
    public static final class ExactValue {
        private final String text;
        private final double approx;
        final IExpr expr;

        ExactValue(String text, double approx, IExpr expr) {
            this.text = text;
            this.approx = approx;
            this.expr = expr;
        }

        public String text() {
            return text;
        }

        public double approx() {
            return approx;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * Closed forms within a relative {@code tol} of {@code v}: p/q, (p/q) pi, sqrt(p/q), log(p/q), e^(p/q) and
     * (p/q) e, each with a small denominator; the nearest ones first (see {@link EqualityPoints}).
     */
    public static List<ExactValue> closedForms(double v, double tol) {
        return EqualityPoints.closedForms(v, tol);
    }

    /** The exact binary value of a double (as points are evaluated elsewhere), printed as the double. */
    public static ExactValue exactly(double v) {
        return EqualityPoints.exactly(v);
    }

    /** Whether both sides are exactly equal at an exact point (see {@link EqualityPoints}). */
    public boolean equalAt(Expr l, Expr r, java.util.Map<String, ExactValue> point, long millis) {
        return run(() -> EqualityPoints.equalAt(l, r, point, SymjaRuntime.engine()), millis);
    }

    /** The CAS's real solutions of {@code l == r} in one symbol, the others fixed (see {@link EqualityPoints}). */
    public List<ExactValue> solve(Expr l, Expr r, String symbol, java.util.Map<String, ExactValue> fixed,
            long millis) {
        return run(() -> EqualityPoints.solve(l, r, symbol, fixed, SymjaRuntime.engine()), millis);
    }

    /** Compiles a scalar for fast double evaluation. */
    public static NumericFunction compile(Expr scalar) {
        return NumericCompiler.compile(scalar.ast, scalar.table);
    }

    /**
     * Compiles a scalar whose expectations are evaluated deterministically (quadrature or series, see
     * {@link QuadratureLog}); a {@link CasException} when some expectation has no deterministic rule.
     */
    public static NumericFunction compileDeterministic(Expr scalar) {
        return NumericCompiler.compile(scalar.ast, scalar.table, true);
    }

    /** True when every expectation in it appears linearly, so Monte Carlo averages estimate it without bias. */
    public static boolean expectationsLinear(Expr e) {
        return NumericCompiler.linearInExpectations(e.ast);
    }

    /**
     * Evaluates a scalar at a point with Symja's arbitrary-precision numbers (30 digits where the
     * functions support it); an independent second evaluation of a counterexample.
     */
    public double highPrecision(Expr scalar, java.util.Map<String, Double> point, long millis) {
        return run(() -> {
            java.util.Map<IExpr, IExpr> subst = new java.util.IdentityHashMap<>();
            for (var en : point.entrySet()) {
                Optional<ISymbol> s = scalar.table.symbol(en.getKey());
                if (s.isPresent()) {
                    subst.put(s.get(), Asts.exact(en.getValue()));
                }
            }
            IExpr at = Resolver.substitute(Asts.deepCopy(scalar.ast), subst);
            IExpr r = SymjaRuntime.engine().evaluate(F.N(at, F.ZZ(30)));
            try {
                return r.evalf();
            } catch (RuntimeException ex) {
                return Double.NaN;
            }
        }, millis);
    }

    /**
     * Two sides at one point: their real values at 30 digits (NaN where a side has none) and whether the
     * difference is exactly 0 there.
     */
    public record RealPair(double lhs, double rhs, boolean exactlyEqual, double difference, boolean exactDifference) {
        public boolean lhsDefined() {
            return !Double.isNaN(lhs);
        }

        public boolean rhsDefined() {
            return !Double.isNaN(rhs);
        }
    }

    /**
     * Both sides at a point under real semantics (30 digits; NaN for a side without a real value) and whether
     * their difference is exactly 0 there (exact arithmetic on the point's exact binary values).
     */
    public RealPair realPair(Expr l, Expr r, java.util.Map<String, Double> point, long millis) {
        return run(() -> RealValue.pair(at(l, point), at(r, point), SymjaRuntime.engine()), millis);
    }

    private static IExpr at(Expr scalar, java.util.Map<String, Double> point) {
        java.util.Map<IExpr, IExpr> subst = new java.util.IdentityHashMap<>();
        for (var en : point.entrySet()) {
            Optional<ISymbol> s = scalar.table.symbol(en.getKey());
            if (s.isPresent()) {
                subst.put(s.get(), Asts.exact(en.getValue()));
            }
        }
        return Resolver.substitute(Asts.deepCopy(scalar.ast), subst);
    }

    private static final boolean PROFILE = System.getenv("DERIVCHECK_PROFILE") != null;

    <T> T run(Callable<T> task, long millis) {
        if (!PROFILE) {
            return runTimed(task, millis);
        }
        long t0 = System.nanoTime();
        String what = new Throwable().getStackTrace()[1].getMethodName();
        try {
            return runTimed(task, millis);
        } finally {
            System.err.printf("[cas] %-14s %6.1f ms%n", what, (System.nanoTime() - t0) / 1e6);
        }
    }

    private <T> T runTimed(Callable<T> task, long millis) {
        return Bounded.run(workers, task, millis);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
