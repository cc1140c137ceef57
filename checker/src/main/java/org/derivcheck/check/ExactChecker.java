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
        if (!pc.exact() && at.state() != PreciseCheck.State.UNDEFINED) {
            PreciseCheck.At more = pc.at(p, CONSTANT_MORE_DIGITS, 0);
            if (more.state() != at.state()) {
                return Outcome.of(Verdict.INCONCLUSIVE, "high precision", "the sides' difference is not stable between "
                        + CONSTANT_DIGITS + " and " + CONSTANT_MORE_DIGITS + " digits (" + more.lhs() + " vs " + more.rhs()
                        + ")");
            }
            at = more;
        }
        String how = at.how();
        return switch (at.state()) {
            case HOLDS -> Outcome.of(Verdict.CONFIRMED, "high precision", (c.relation() == Relation.EQUAL ? "the sides are "
                    + (pc.exact() ? "equal" : "equal to " + CONSTANT_MORE_DIGITS + " significant digits") : "holds") + ", "
                    + how + ", " + at.lhs() + " " + c.relation().symbol() + " " + at.rhs() + "; a claim without free "
                    + "symbols is decided by exact or high-precision arithmetic, never by a double tolerance");
            case FAILS -> new Outcome(Verdict.REFUTED, new Evidence("high precision", "the sides differ (" + how + ")"),
                    Optional.of(new Counterexample(Map.of(), Map.of(), c.entry(), at.lhs().toDouble(), at.rhs().toDouble(),
                            Optional.empty(), Optional.empty()).withPrecise(at.lhs().toString(), at.rhs().toString(),
                            at.lhs().toDouble(), at.rhs().toDouble(), how)));
            case CLOSE -> Outcome.of(Verdict.INCONCLUSIVE, "high precision", "the sides agree to "
                    + CONSTANT_MORE_DIGITS + " digits, so a strict relation cannot be confirmed (" + at.lhs() + " vs "
                    + at.rhs() + ")");
            case UNDEFINED -> Outcome.of(Verdict.INCONCLUSIVE, "high precision", "a side is not a real number ("
                    + (at.lhs() == null ? "the left side" : "the right side") + " is undefined or too large to evaluate)");
        };
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
