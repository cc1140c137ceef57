package org.derivcheck.check;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.NumericFunction;

/**
 * The points double precision cannot decide, decided under real semantics at 30 digits by the CAS: a side
 * that is not finite (undefined on a region where the other side is defined refutes the claim; an isolated
 * singular point or an overflow does not), and the sides of a strict relation agreeing to rounding (exactly
 * equal refutes it; equal to 30 digits but not exactly leaves it undecided).
 */
final class RealPoints {
    private RealPoints() {
    }

    /** The data of a point as a counterexample shows it (as many entries as its integer symbols use), or none. */
    static Map<String, double[]> dataOf(StepContext ctx, PointSampler.Point p) {
        return ctx.sampler.hasData() ? ctx.sampler.describeData(p, RandomPointChecker.dataLength(ctx.sampler.describe(p),
                ctx.sampler.dataLength())) : Map.of();
    }

    /** High-precision margins computed for sampled points whose sides agree to rounding (each is costly). */
    static final int NEAR_PRECISE = 12;

    /**
     * A strict relation whose sides agree to rounding: a margin positive beyond double precision holds at this point
     * (whether it approaches 0 nearby is the equality search's question); otherwise real semantics at 30 digits.
     */
    static Optional<Outcome> near(Claim c, StepContext ctx, Optional<PreciseCheck> precise, PointSampler.Point p,
            double lv, double rv, RandomPointChecker.Tally t, boolean searched) {
        if (searched || precise.isPresent() && t.nearPrecise >= NEAR_PRECISE) {
            // a point of the margin search, or one past the budget of high-precision margins: the equality search
            // examines the points of smallest margin
            return Optional.empty();
        }
        if (precise.isPresent()) {
            t.nearPrecise++;
            Optional<org.derivcheck.cas.NumericFunction.Precise.Value> m = precise.get().margin(p);
            if (m.isPresent() && m.get().signum() > 0) {
                return Optional.empty();
            }
        }
        if (t.nearRecheckNanos > ctx.options.stepMillis() * 1_000_000L / NEAR_RECHECK_SHARE) {
            // the CAS's re-checks of margins below 40 digits (1 - Tanh(x) at x = 10^4) may each take their limit: past
            // this share of the step the point is counted as agreeing to rounding, for the equality search to examine
            t.nearEqual++;
            if (t.nearEqualAt.isEmpty()) {
                t.nearEqualAt = describe(ctx, p);
            }
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            return nearEquality(c, ctx, p, lv, rv, t);
        } finally {
            t.nearRecheckNanos += System.nanoTime() - start;
        }
    }

    /** The CAS's re-checks of near-equal points of a strict relation take at most 1/10 of the step's time. */
    static final int NEAR_RECHECK_SHARE = 10;

    /**
     * Real semantics of the sides as written at a point where one side is not finite in double: a guard of one side
     * violated (a logarithm of a negative number) while the other side has a finite value refutes; both sides'
     * guards violated counts the point as outside both domains. Empty otherwise (then an overflow, or a pole).
     */
    static Optional<Outcome> undefinedSide(Claim c, StepContext ctx, PointSampler.Point p, double lv, double rv,
            RandomPointChecker.Tally t, RandomGenerator rng) {
        org.derivcheck.cas.Cas.RealDomain[] d;
        try {
            d = ctx.domains(c);
        } catch (CasException e) {
            return Optional.empty();
        }
        boolean l = d[0].violated(p.values(), p.data(), rng, false).isPresent();
        boolean r = d[1].violated(p.values(), p.data(), rng, false).isPresent();
        if (l != r) {
            l = l && d[0].violated(p.values(), p.data(), rng).isPresent();
            r = r && d[1].violated(p.values(), p.data(), rng).isPresent();
        }
        if (l && r) {
            t.bothUndefined++;
            return Optional.empty();
        }
        if (l == r || !Double.isFinite(l ? rv : lv)) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points", "real semantics: the "
                + (l ? "left" : "right") + " side as written has no real value at a point where the other side has one ("
                + (l ? d[0] : d[1]).violated(p.values(), p.data(), rng).get() + ")"), Optional.of(
                new Counterexample(ctx.sampler.describe(p), dataOf(ctx, p), c.entry(), l ? Double.NaN : lv, r ? Double.NaN : rv,
                        Optional.empty(), Optional.empty()))));
    }

    /** Whether a guard of one side as written (a log's argument > 0, a root's base >= 0) is violated at the point. */
    private static boolean guardViolated(Claim c, StepContext ctx, PointSampler.Point p, boolean left) {
        try {
            return ctx.domains(c)[left ? 0 : 1].violated(p.values(), p.data(), ctx.rng(17), false).isPresent();
        } catch (CasException e) {
            return false;
        }
    }

    /** A strict relation whose sides agree to rounding at a point: exactly equal there refutes it. */
    static Optional<Outcome> nearEquality(Claim c, StepContext ctx, PointSampler.Point p, double lv, double rv,
            RandomPointChecker.Tally t) {
        Optional<Cas.RealPair> hp = ctx.sampler.hasData() ? Optional.empty() : recheck(c, ctx, p, t);
        if (hp.isPresent() && hp.get().lhsDefined() && hp.get().rhsDefined()) {
            Cas.RealPair v = hp.get();
            Map<String, Double> point = ctx.sampler.describe(p);
            if (v.exactlyEqual()) {
                return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points", "the sides are exactly "
                        + "equal at a point (exact arithmetic), so the strict relation '" + c.relation().symbol()
                        + "' fails there"), Optional.of(new Counterexample(point, dataOf(ctx, p), c.entry(), lv, rv,
                        Optional.of(v.lhs()), Optional.of(v.rhs())))));
            }
            double scale = v.exactDifference() ? 0 : Math.max(Math.abs(v.lhs()), Math.abs(v.rhs()));
            if (Double.isFinite(v.difference()) && RandomPointChecker.gap(c.relation(), v.difference(), 0) > 1e-25 * scale) {
                return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points", "at 30 digits the "
                        + "relation fails at a point where double precision could not tell"), Optional.of(
                        new Counterexample(point, dataOf(ctx, p), c.entry(), lv, rv, Optional.of(v.lhs()), Optional.of(v.rhs())))));
            }
            if (Double.isFinite(v.difference()) && RandomPointChecker.gap(c.relation(), v.difference(), 0) < -1e-25 * scale) {
                return Optional.empty(); // the margin is positive at 30 digits
            }
        }
        t.nearEqual++;
        if (t.nearEqualAt.isEmpty()) {
            t.nearEqualAt = describe(ctx, p);
        }
        return Optional.empty();
    }

    /**
     * Whether the side that is not finite at a point is finite right next to it (a pole or a removable
     * singularity, as of x/x at 0): then the point says nothing about the claim. Undefined on a region
     * (Log(x) for x < 0) is a difference; undefined at an isolated point is not.
     */
    static boolean isolated(CompiledSides f, PointSampler.Point p, boolean left, RandomGenerator rng) {
        NumericFunction side = left ? f.lhs() : f.rhs();
        double[] v = p.values();
        for (int i = 0; i < v.length; i++) {
            for (double h : new double[] {1e-6, -1e-6}) {
                double[] w = v.clone();
                w[i] = v[i] * (1 + h) + h;
                if (Double.isFinite(side.eval(w, p.data(), rng))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One side is not a finite double. Re-evaluated under real semantics at 30 digits: a side without a real
     * value where the other has one refutes the claim; an overflow of double precision is not a difference.
     */
    static Optional<Outcome> oneSideNotFinite(Claim c, StepContext ctx, PointSampler.Point p, double lv, double rv,
            RandomPointChecker.Tally t) {
        Optional<Cas.RealPair> hp = ctx.sampler.hasData() ? Optional.empty() : recheck(c, ctx, p, t);
        if (hp.isEmpty()) {
            t.notRechecked++;
            if (Double.isNaN(Double.isFinite(lv) ? rv : lv)) {
                t.notRecheckedNaN++; // no value at all (not an overflow to infinity): may be a difference
            }
            return Optional.empty();
        }
        Cas.RealPair v = hp.get();
        Map<String, Double> point = ctx.sampler.describe(p);
        if (v.lhsDefined() != v.rhsDefined() && !guardViolated(c, ctx, p, !v.lhsDefined())) {
            // no guard of the undefined side (a log's argument, a root's base) is violated here: the 30-digit
            // evaluation failed by overflow (Gamma(Gamma(120)) at 30 digits), not by leaving the real numbers
            t.notRechecked++;
            t.notRecheckedNaN++;
            return Optional.empty();
        }
        if (v.lhsDefined() != v.rhsDefined()) {
            String side = v.lhsDefined() ? "right" : "left";
            return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points", "the " + side + " side has no "
                    + "real value at a point where the other side has one (re-evaluated at 30 digits, every "
                    + "sub-expression real)"), Optional.of(new Counterexample(point, dataOf(ctx, p), c.entry(), lv, rv,
                    Optional.of(v.lhs()), Optional.of(v.rhs())))));
        }
        if (!v.lhsDefined()) {
            t.bothUndefined++;
            return Optional.empty();
        }
        t.doubleArtefacts++;
        double scale = Math.max(Math.abs(v.lhs()), Math.abs(v.rhs()));
        if (Double.isFinite(v.difference()) && Double.isFinite(scale)
                && RandomPointChecker.gap(c.relation(), v.difference(), 0) > RandomPointChecker.DIFFER * scale) {
            return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points", "the sides differ at a point "
                    + "(double precision overflowed there; decided at 30 digits)"), Optional.of(new Counterexample(point,
                    dataOf(ctx, p), c.entry(), lv, rv, Optional.of(v.lhs()), Optional.of(v.rhs())))));
        }
        return Optional.empty();
    }

    private static Optional<Cas.RealPair> recheck(Claim c, StepContext ctx, PointSampler.Point p, RandomPointChecker.Tally t) {
        if (t.rechecks >= RandomPointChecker.MAX_RECHECKS) {
            return Optional.empty();
        }
        t.rechecks++;
        try {
            return Optional.of(ctx.cas.realPair(c.lhs(), c.rhs(), ctx.sampler.describe(p),
                    Math.min(1_000, ctx.remainingMillis())));
        } catch (CasException e) {
            return Optional.empty();
        }
    }

    static String describe(StepContext ctx, PointSampler.Point p) {
        StringBuilder sb = new StringBuilder();
        for (var e : ctx.sampler.describe(p).entrySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(" = ")
                    .append(String.format(Locale.ROOT, "%.6g", e.getValue()));
        }
        return sb.toString();
    }

}
