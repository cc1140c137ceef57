package org.derivcheck.check;

import java.util.Optional;
import org.derivcheck.cas.Expr;
import org.derivcheck.cas.NumericFunction.Precise;
import org.derivcheck.notation.Relation;

/**
 * Decides a claim at one point beyond double precision: exactly when both sides are rational functions with
 * rational constants, otherwise with apfloat numbers at {@link #DIGITS} digits, a difference being re-checked
 * at {@link #MORE_DIGITS} before it counts. Used where double precision cannot be trusted: to confirm a
 * counterexample, at points where a double side overflowed, and to re-check points that agreed in double.
 */
final class PreciseCheck {
    static final int DIGITS = 40;
    static final int MORE_DIGITS = 80;
    /** Digits a value may lose to cancellation among its terms and to the functions' own error. */
    private static final int SLACK = 12;

    enum State { HOLDS, FAILS, CLOSE, UNDEFINED }

    /** The decision at a point, both sides' values and how they were computed ("exact", "at 80 digits"). */
    record At(State state, Precise.Value lhs, Precise.Value rhs, String how) {
    }

    private final Precise lhs;
    private final Precise rhs;
    private final Relation relation;
    private final Expr lhsExpr;
    private final Expr rhsExpr;
    /** Compiled on first need: both sides as sign and log-magnitude, for values beyond apfloat's range. */
    private Optional<Precise.Magnitude[]> magnitudes;

    private PreciseCheck(Precise lhs, Precise rhs, Relation relation, Expr l, Expr r) {
        this.lhs = lhs;
        this.rhs = rhs;
        this.relation = relation;
        this.lhsExpr = l;
        this.rhsExpr = r;
    }

    /** Exact when both sides allow it, else high precision; empty when a side has a function it cannot evaluate. */
    static Optional<PreciseCheck> of(Expr l, Expr r, Relation rel) {
        if (l.isAbstract() || r.isAbstract() || !l.isScalar() || !r.isScalar()) {
            return Optional.empty();
        }
        Optional<Precise> el = Precise.exact(l);
        Optional<Precise> er = Precise.exact(r);
        if (el.isPresent() && er.isPresent()) {
            return Optional.of(new PreciseCheck(el.get(), er.get(), rel, l, r));
        }
        Optional<Precise> pl = Precise.apfloat(l);
        Optional<Precise> pr = Precise.apfloat(r);
        if (pl.isEmpty() || pr.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PreciseCheck(pl.get(), pr.get(), rel, l, r));
    }

    boolean exact() {
        return lhs.isExact() && rhs.isExact();
    }

    boolean constant() {
        return !lhs.usesSymbols() && !rhs.usesSymbols();
    }

    /**
     * The claim at a point. {@code scaleHint} is the largest magnitude among the double terms (0 if unknown): a
     * difference is measured against it, as in double precision. A difference found at {@link #DIGITS} digits
     * is confirmed at {@link #MORE_DIGITS}.
     */
    At at(PointSampler.Point p, double scaleHint) {
        if (exact()) {
            return decide(p, 0, 0);
        }
        At first = decide(p, DIGITS, scaleHint);
        if (first.state() == State.FAILS || first.state() == State.CLOSE) {
            At second = decide(p, MORE_DIGITS, scaleHint);
            if (first.state() == State.FAILS && second.state() != State.FAILS) {
                return new At(State.CLOSE, second.lhs(), second.rhs(), second.how());
            }
            if (first.state() == State.FAILS && !stable(first, second)) {
                // the difference moved with the precision: rounding of terms far larger than the sides (log(1 + e^x)
                // - x at x = 6e6 is -1e-45 at 40 digits and -1e-85 at 80), not a difference of the values
                return new At(State.CLOSE, second.lhs(), second.rhs(), second.how());
            }
            return second;
        }
        return first;
    }

    /**
     * Whether a difference found at {@link #DIGITS} digits is the same at {@link #MORE_DIGITS} (to 1 part in 1000):
     * a real difference does not depend on the precision; what cancellation of large intermediate terms leaves does.
     */
    private static boolean stable(At first, At second) {
        if (first.lhs() == null || first.rhs() == null || second.lhs() == null || second.rhs() == null
                || first.lhs().isMagnitude() || first.rhs().isMagnitude() || second.lhs().isMagnitude()
                || second.rhs().isMagnitude()) {
            return true;
        }
        Precise.Value g1 = first.lhs().subtract(first.rhs());
        Precise.Value g2 = second.lhs().subtract(second.rhs());
        if (g1.signum() != g2.signum()) {
            return false;
        }
        if (g2.signum() == 0) {
            return true;
        }
        Precise.Value moved = g1.subtract(g2);
        return moved.signum() == 0 || moved.log10Abs() < g2.log10Abs() - 3;
    }

    /**
     * The margin of an inequality at a point beyond double precision (rhs - lhs for {@code <}, {@code <=}; lhs - rhs
     * for {@code >}, {@code >=}), exact or at {@link #DIGITS} digits; empty where a side is undefined.
     */
    Optional<Precise.Value> margin(PointSampler.Point p) {
        int d = exact() ? 1 : DIGITS;
        Optional<Precise.Value> l = lhs.eval(p.values(), p.data(), d);
        Optional<Precise.Value> r = rhs.eval(p.values(), p.data(), d);
        if (l.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (relation) {
            case EQUAL, LESS_EQUAL, LESS -> r.get().subtract(l.get());
            case GREATER_EQUAL, GREATER -> l.get().subtract(r.get());
        });
    }

    /** The digits a margin below the rounding of {@link #DIGITS} digits is re-evaluated at, in turn. */
    private static final int[] MARGIN_DIGITS = {120, 300};
    static final int MOST_MARGIN_DIGITS = 300;

    /**
     * log10 of the margin of an inequality at a point, at as many digits as it needs to be resolved from the
     * rounding of its sides ({@link #DIGITS}, then {@link #MARGIN_DIGITS}): negative infinity for a margin that
     * is 0 or still below the rounding at the most digits tried (1 - Tanh(x) at x = 10^4 is 10^-8686), NaN for one
     * that is negative; empty where a side is undefined.
     */
    Optional<Double> resolvedLogMargin(PointSampler.Point p) {
        if (exact()) {
            return margin(p).map(m -> m.signum() < 0 ? Double.NaN : m.log10Abs());
        }
        for (int d : new int[] {DIGITS, MARGIN_DIGITS[0], MARGIN_DIGITS[1]}) {
            Optional<Precise.Value> l = lhs.eval(p.values(), p.data(), d);
            Optional<Precise.Value> r = rhs.eval(p.values(), p.data(), d);
            if (l.isEmpty() || r.isEmpty()) {
                return Optional.empty();
            }
            Precise.Value m = switch (relation) {
                case EQUAL, LESS_EQUAL, LESS -> r.get().subtract(l.get());
                case GREATER_EQUAL, GREATER -> l.get().subtract(r.get());
            };
            double scale = Math.max(l.get().log10Abs(), r.get().log10Abs());
            double g = m.log10Abs();
            if (m.signum() != 0 && Double.isFinite(scale) && g > scale - (d - SLACK)) {
                return Optional.of(m.signum() < 0 ? Double.NaN : g);
            }
            if (scale == Double.NEGATIVE_INFINITY) {
                return Optional.of(Double.NEGATIVE_INFINITY); // both sides 0
            }
        }
        return Optional.of(Double.NEGATIVE_INFINITY);
    }

    /** The claim at a point with a given number of digits (the constant claims' adaptive precision). */
    At at(PointSampler.Point p, int digits, double scaleHint) {
        return decide(p, digits, scaleHint);
    }

    /**
     * Where apfloat could not give a side (a value like 2^(10^30), whose decimal exponent does not fit a long),
     * both sides as sign and log-magnitude: different signs, or logs that differ beyond the precision, decide;
     * logs equal to the precision are equal values to that many digits. Empty when a side is undefined or
     * cannot be known this way (terms that cancel, a function of a huge argument).
     */
    private Optional<At> byMagnitude(PointSampler.Point p, int digits) {
        if (magnitudes == null) {
            Optional<Precise.Magnitude> ml = Precise.magnitude(lhsExpr);
            Optional<Precise.Magnitude> mr = Precise.magnitude(rhsExpr);
            magnitudes = ml.isPresent() && mr.isPresent()
                    ? Optional.of(new Precise.Magnitude[] {ml.get(), mr.get()}) : Optional.empty();
        }
        if (magnitudes.isEmpty()) {
            return Optional.empty();
        }
        Optional<Precise.Value> l = magnitudes.get()[0].eval(p.values(), p.data(), digits);
        Optional<Precise.Value> r = l.isEmpty() ? Optional.empty() : magnitudes.get()[1].eval(p.values(), p.data(), digits);
        if (l.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        Precise.Value a = l.get();
        Precise.Value b = r.get();
        // compare a with b: -1, 0 (equal to the precision) or 1
        int cmp;
        if (a.signum() != b.signum()) {
            cmp = Integer.compare(a.signum(), b.signum());
        } else if (a.signum() == 0) {
            cmp = 0;
        } else {
            org.apfloat.Apfloat d = a.ln().subtract(b.ln());
            // |d| < 10^scale: ln a - ln b below 10^-(digits - SLACK) is a relative difference below it
            boolean equal = d.signum() == 0 || d.scale() <= -(digits - SLACK);
            cmp = equal ? 0 : a.signum() * d.signum();
        }
        // sides equal to the precision are never taken as equal here: beside 2^(10^30) a difference of 1 is
        // 10^(-3e29) relative, beyond any precision, so only a clear difference decides
        State state = cmp == 0 ? State.CLOSE : switch (relation) {
            case EQUAL -> State.FAILS;
            case LESS_EQUAL, LESS -> cmp < 0 ? State.HOLDS : State.FAILS;
            case GREATER_EQUAL, GREATER -> cmp > 0 ? State.HOLDS : State.FAILS;
        };
        return Optional.of(new At(state, a, b,
                "by sign and log-magnitude at " + digits + " digits (beyond floating-point range)"));
    }

    private At decide(PointSampler.Point p, int digits, double scaleHint) {
        int d = exact() ? 0 : digits;
        Precise.Result lr = lhs.evaluate(p.values(), p.data(), Math.max(d, 1));
        Precise.Result rr = rhs.evaluate(p.values(), p.data(), Math.max(d, 1));
        Optional<Precise.Value> l = lr.value();
        Optional<Precise.Value> r = rr.value();
        String how = exact() ? "exact rational arithmetic" : "at " + digits + " digits";
        // only where apfloat itself gave up (its exponent overflowed): a point outside a side's domain stays undefined
        boolean undefined = l.isEmpty() && !lr.failed() || r.isEmpty() && !rr.failed();
        if ((l.isEmpty() || r.isEmpty()) && !undefined && !exact()) {
            Optional<At> m = byMagnitude(p, digits);
            if (m.isPresent()) {
                return m.get();
            }
        }
        if (l.isEmpty() || r.isEmpty()) {
            return new At(State.UNDEFINED, l.orElse(null), r.orElse(null), how);
        }
        Precise.Value gap = switch (relation) {
            case EQUAL, LESS_EQUAL, LESS -> l.get().subtract(r.get());
            case GREATER_EQUAL, GREATER -> r.get().subtract(l.get());
        };
        boolean strict = relation == Relation.LESS || relation == Relation.GREATER;
        if (exact()) {
            int s = gap.signum();
            boolean holds = relation == Relation.EQUAL ? s == 0 : strict ? s < 0 : s <= 0;
            return new At(holds ? State.HOLDS : State.FAILS, l.get(), r.get(), how);
        }
        double scale = Math.max(Math.max(l.get().log10Abs(), r.get().log10Abs()),
                scaleHint > 0 && Double.isFinite(scaleHint) ? Math.log10(scaleHint) : Double.NEGATIVE_INFINITY);
        double tol = scale - (digits - SLACK);
        double g = gap.log10Abs();
        boolean small = gap.signum() == 0 || g <= tol || scale == Double.NEGATIVE_INFINITY;
        State state;
        if (relation == Relation.EQUAL) {
            state = small ? State.HOLDS : State.FAILS;
        } else if (small) {
            state = strict ? State.CLOSE : State.HOLDS;
        } else {
            state = gap.signum() < 0 ? State.HOLDS : State.FAILS;
        }
        return new At(state, l.get(), r.get(), how);
    }
}
