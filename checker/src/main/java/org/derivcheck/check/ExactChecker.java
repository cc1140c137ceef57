package org.derivcheck.check;

import java.util.Map;
import java.util.Optional;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.notation.Relation;

/**
 * Decides, without a double tolerance, the claims where that is possible: a claim with no free symbols by
 * high-precision arithmetic (50, then 100 digits: a difference at 100 digits refutes it, agreement to 100
 * digits confirms it), and a claim between rational functions with rational constants in exact rational
 * arithmetic at random points (any nonzero difference refutes it, with the exact values; when every point
 * holds, the double-precision checkers go on). Other claims are left to the double-precision checkers.
 */
final class ExactChecker implements Checker {
    static final int CONSTANT_DIGITS = 50;
    static final int CONSTANT_MORE_DIGITS = 100;
    static final int EXACT_POINTS = 12;
    private final int points;

    ExactChecker(int points) {
        this.points = points;
    }

    @Override
    public Optional<Outcome> check(Claim c, StepContext ctx) {
        if (c.lhs().hasExpectation() || c.rhs().hasExpectation()) {
            return Optional.empty();
        }
        Optional<PreciseCheck> pc = PreciseCheck.of(c.lhs(), c.rhs(), c.relation());
        if (pc.isEmpty()) {
            return Optional.empty();
        }
        if (pc.get().constant()) {
            return Optional.of(constant(c, pc.get(), ctx));
        }
        if (pc.get().exact()) {
            return exactPoints(c, pc.get(), ctx);
        }
        return Optional.empty();
    }

    /** No free symbols: one point, adaptive precision. */
    private Outcome constant(Claim c, PreciseCheck pc, StepContext ctx) {
        RandomGenerator rng = ctx.rng(17L);
        PointSampler.Point p = ctx.sampler.next(rng);
        if (p == null) {
            p = new PointSampler.Point(new double[ctx.sampler.scalars().size()], new double[0][]);
        }
        PreciseCheck.At at = pc.exact() ? pc.at(p, 0) : pc.at(p, CONSTANT_DIGITS, 0);
        int digits = CONSTANT_MORE_DIGITS;
        if (!pc.exact() && at.state() != PreciseCheck.State.UNDEFINED) {
            PreciseCheck.At more = pc.at(p, CONSTANT_MORE_DIGITS, 0);
            // adaptive: a difference that shows only at 100 digits, or sides that agree to every digit carried while
            // their integer part is longer than that (2^(2^31) + 1 against 2^(2^31)), get the digits they need
            int need = more.state() != at.state() || agreeOnly(more) ? needed(more) : 0;
            if (need > 0) {
                more = pc.at(p, need, 0); // the most digits decide
                digits = need;
                if (agreeOnly(more) && Math.max(more.lhs().log10Abs(), more.rhs().log10Abs()) > need - 2 * 12) {
                    return Outcome.of(Verdict.INCONCLUSIVE, "high precision", "the sides agree to " + need + " significant "
                            + "digits, but their magnitude (about 10^" + String.format(java.util.Locale.ROOT, "%.4g",
                            Math.max(more.lhs().log10Abs(), more.rhs().log10Abs())) + ") is beyond what that resolves: a "
                            + "difference of an integer or less cannot be seen (" + more.lhs() + " vs " + more.rhs() + ")");
                }
            } else if (more.state() != at.state()) {
                return Outcome.of(Verdict.INCONCLUSIVE, "high precision", "the sides' difference is not stable between "
                        + CONSTANT_DIGITS + " and " + CONSTANT_MORE_DIGITS + " digits (" + more.lhs() + " vs " + more.rhs()
                        + ")");
            }
            at = more;
            // sides that agree to the digits carried, while the claim names a smaller constant (1 + Exp(-1000) = 1)
            int tiny = (int) Math.ceil(TinyConstants.digits(c)) + TinyConstants.EXTRA;
            if ((agreeOnly(at) || at.state() == PreciseCheck.State.CLOSE) && tiny > digits) {
                if (tiny > MAX_DIGITS) {
                    return Outcome.of(Verdict.INCONCLUSIVE, "high precision", TinyConstants.beyond(c, digits) + " ("
                            + at.lhs() + " vs " + at.rhs() + ")");
                }
                at = pc.at(p, tiny, 0);
                digits = tiny;
            }
        }
        String how = at.how();
        return switch (at.state()) {
            case HOLDS -> Outcome.of(Verdict.CONFIRMED, "high precision", (c.relation() == Relation.EQUAL ? "the sides are "
                    + (pc.exact() ? "equal" : "equal to " + digits + " significant digits") : "holds") + ", "
                    + how + ", " + at.lhs() + " " + c.relation().symbol() + " " + at.rhs() + "; a claim without free "
                    + "symbols is decided by exact or high-precision arithmetic, never by a double tolerance");
            case FAILS -> new Outcome(Verdict.REFUTED, new Evidence("high precision", "the sides differ (" + how + ")"),
                    Optional.of(new Counterexample(Map.of(), Map.of(), c.entry(), at.lhs().toDouble(), at.rhs().toDouble(),
                            Optional.empty(), Optional.empty()).withPrecise(at.lhs().toString(), at.rhs().toString(),
                            at.lhs().toDouble(), at.rhs().toDouble(), how)));
            case CLOSE -> Outcome.of(Verdict.INCONCLUSIVE, "high precision", "the sides agree to "
                    + CONSTANT_MORE_DIGITS + " digits, " + how + ", so " + (at.lhs().isMagnitude() || at.rhs().isMagnitude()
                    ? "they cannot be told apart (a value beyond floating-point range is known only to that relative precision)"
                    : "a strict relation cannot be confirmed") + " (" + at.lhs() + " vs " + at.rhs() + ")");
            case UNDEFINED -> Outcome.of(Verdict.INCONCLUSIVE, "high precision", "a side is not a real number ("
                    + (at.lhs() == null ? "the left side" : "the right side") + " is undefined or too large to evaluate)");
        };
    }

    /** Largest number of digits a constant claim is evaluated with. */
    static final int MAX_DIGITS = 2_000;

    /**
     * True when the sides agree to the digits carried without being known equal: an equality that held, or a
     * non-strict inequality whose sides are that close (both computed, not magnitudes only).
     */
    private static boolean agreeOnly(PreciseCheck.At at) {
        if (at.state() != PreciseCheck.State.HOLDS || at.lhs() == null || at.rhs() == null || at.lhs().isMagnitude()
                || at.rhs().isMagnitude() || at.lhs().exact() && at.rhs().exact()) {
            return false;
        }
        double scale = Math.max(at.lhs().log10Abs(), at.rhs().log10Abs());
        double gap = at.lhs().subtract(at.rhs()).log10Abs();
        return gap == Double.NEGATIVE_INFINITY || gap <= scale - (at.lhs().digits() - 2 * 12);
    }

    /** Digits that resolve the sides to 1e-30 absolute (at least 200), or 0 when that is more than {@link #MAX_DIGITS}. */
    private static int needed(PreciseCheck.At at) {
        double scale = at.lhs() == null || at.rhs() == null ? 0 : Math.max(at.lhs().log10Abs(), at.rhs().log10Abs());
        double d = Math.max(2 * CONSTANT_MORE_DIGITS, scale + 60);
        return d > MAX_DIGITS ? MAX_DIGITS : (int) Math.ceil(d);
    }

    /** Rational functions: exact values at random points; the first nonzero difference refutes. */
    private Optional<Outcome> exactPoints(Claim c, PreciseCheck pc, StepContext ctx) {
        RandomGenerator rng = ctx.rng(c.entry().hashCode() * 131L + 11);
        int valid = 0;
        int undefined = 0;
        // a nonzero rational function vanishes on a set of measure zero: a few random points find a witness
        int tries = Math.min(points, EXACT_POINTS);
        for (int i = 0; i < tries && ctx.timeLeft(); i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                return Optional.empty(); // the random-point checker says why
            }
            PreciseCheck.At at = pc.at(p, 0);
            switch (at.state()) {
                case UNDEFINED -> undefined++;
                case FAILS -> {
                    Map<String, Double> point = ctx.sampler.describe(p);
                    Counterexample cx = new Counterexample(point, ctx.sampler.hasData() ? ctx.sampler.describeData(p,
                            PointSampler.DATA_LENGTH) : Map.of(), c.entry(), at.lhs().toDouble(), at.rhs().toDouble(),
                            Optional.empty(), Optional.empty()).withPrecise(at.lhs().toString(), at.rhs().toString(),
                            at.lhs().toDouble(), at.rhs().toDouble(), at.how());
                    return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("exact arithmetic",
                            "the sides differ in exact rational arithmetic (found after " + valid + " points that held)"),
                            Optional.of(cx)));
                }
                default -> valid++;
            }
        }
        // every point held exactly: the double-precision checkers (and their searches) decide the rest; their
        // counterexamples are re-checked in exact arithmetic, so rounding cannot refute this claim
        return Optional.empty();
    }
}
