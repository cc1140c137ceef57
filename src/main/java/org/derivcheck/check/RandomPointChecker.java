package org.derivcheck.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Expr;
import org.derivcheck.cas.NumericFunction;
import org.derivcheck.notation.Relation;

/**
 * Evaluates both sides at random points of the declared domains. Agreement within a relative tolerance
 * of 1e-9 (of the largest term, so rounding in cancelling sums is not mistaken for a difference) at
 * every valid point gives CONFIRMED; a difference above 1e-6 that survives re-evaluation at 30 digits by
 * the CAS gives REFUTED.
 */
final class RandomPointChecker implements Checker {
    static final double AGREE = 1e-9;
    static final double DIFFER = 1e-6;
    /** Points re-checked beyond double precision when double agreed, and double-overflow points evaluated so. */
    static final int RECHECKED = 3;
    static final int MAX_PRECISE_POINTS = 30;
    private final int points;

    RandomPointChecker(int points) {
        this.points = points;
    }

    /** Compiled sides with their top-level terms, for the scale of rounding errors. */
    record Compiled(NumericFunction lhs, NumericFunction rhs, List<NumericFunction> terms) {
        static Compiled of(Expr l, Expr r) {
            List<NumericFunction> terms = new ArrayList<>();
            for (Expr side : List.of(l, r)) {
                List<Expr> ts = side.terms();
                if (ts.size() > 1 && ts.size() <= 40) {
                    for (Expr t : ts) {
                        terms.add(Cas.compile(t));
                    }
                }
            }
            return new Compiled(Cas.compile(l), Cas.compile(r), terms);
        }

        boolean random() {
            return lhs.random() || rhs.random();
        }

        double scale(PointSampler.Point p, double lv, double rv, RandomGenerator rng) {
            double s = Math.max(Math.abs(lv), Math.abs(rv));
            for (NumericFunction t : terms) {
                double v = Math.abs(t.eval(p.values(), p.data(), rng));
                if (Double.isFinite(v)) {
                    s = Math.max(s, v);
                }
            }
            return s;
        }
    }

    @Override
    public Optional<Outcome> check(Claim c, StepContext ctx) {
        if (c.lhs().isAbstract() || c.rhs().isAbstract()) {
            return Optional.empty();
        }
        Compiled f;
        try {
            f = Compiled.of(c.lhs(), c.rhs());
        } catch (CasException e) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "random points", e.getMessage()));
        }
        if (f.random()) {
            return Optional.empty();
        }
        RandomGenerator rng = ctx.rng(c.entry().hashCode() * 31L + 7);
        Optional<PreciseCheck> precise = PreciseCheck.of(c.lhs(), c.rhs(), c.relation());
        int valid = 0;
        int undefined = 0;
        int ambiguous = 0;
        int overflowed = 0;
        int unchecked = 0;
        int decidedPrecisely = 0;
        for (int i = 0; i < points && ctx.timeLeft(); i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "random points",
                        "could not draw points that satisfy the assumptions"));
            }
            double lv = f.lhs().eval(p.values(), p.data(), rng);
            double rv = f.rhs().eval(p.values(), p.data(), rng);
            if (!Double.isFinite(lv) || !Double.isFinite(rv)) {
                // an overflow (or underflow to 0/0) in double is not a point outside the domain: ask high precision
                if (precise.isPresent() && overflowed < MAX_PRECISE_POINTS) {
                    overflowed++;
                    PreciseCheck.At at = precise.get().at(p, 0);
                    if (at.state() == PreciseCheck.State.FAILS) {
                        return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points", "the sides differ "
                                + "at a point where double precision overflows (" + at.how() + ")"),
                                Optional.of(preciseCounterexample(c, ctx, p, at))));
                    }
                    if (at.state() == PreciseCheck.State.HOLDS) {
                        valid++;
                        continue;
                    }
                } else if (precise.isPresent()) {
                    unchecked++;
                    continue;
                }
                undefined++;
                continue;
            }
            valid++;
            double scale = f.scale(p, lv, rv, rng);
            double gap = gap(c.relation(), lv, rv);
            if (gap <= AGREE * scale + 1e-300) {
                continue;
            }
            if (precise.isPresent() && decidedPrecisely < MAX_PRECISE_POINTS) {
                // double precision cannot decide this point (cancellation, rounding): high precision does
                decidedPrecisely++;
                PreciseCheck.At at = precise.get().at(p, scale);
                if (at.state() == PreciseCheck.State.FAILS) {
                    return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points",
                            "the sides differ at a point (found after " + valid + " valid points; " + at.how() + ")"),
                            Optional.of(preciseCounterexample(c, ctx, p, at))));
                }
                if (at.state() == PreciseCheck.State.HOLDS) {
                    if (decidedPrecisely == MAX_PRECISE_POINTS) {
                        break; // double precision fails on much of the domain: judge on the points decided so far
                    }
                    continue;
                }
            } else if (gap > DIFFER * scale) {
                Optional<Counterexample> cx = confirm(c, ctx, p, lv, rv, precise, scale);
                if (cx.isPresent()) {
                    return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points",
                            "the sides differ at a point (found after " + valid + " valid points)"), cx));
                }
            }
            ambiguous++;
        }
        int needed = Math.max(10, points / 10);
        ctx.noteAgreeingPoints(c.entry(), valid - ambiguous);
        if (valid < needed) {
            return Optional.of(new Outcome(Verdict.INCONCLUSIVE, new Evidence("random points", "only " + valid + " of "
                    + (valid + undefined) + " points were in the domain of both sides (need " + needed + ")"),
                    Optional.empty()));
        }
        if (ambiguous > valid / 20 && decidedPrecisely < MAX_PRECISE_POINTS) {
            return Optional.of(new Outcome(Verdict.INCONCLUSIVE, new Evidence("random points", ambiguous
                    + " points differ by more than rounding but less than a clear difference"), Optional.empty()));
        }
        // when double precision cannot decide many points, the first MAX_PRECISE_POINTS of them, decided in high
        // precision and all holding, are the evidence (the others are not counted as agreeing)
        String recheck = decidedPrecisely > 0 ? "; " + decidedPrecisely + " points that double precision could not "
                + "decide were decided " + (precise.get().exact() ? "in exact rational arithmetic" : "at "
                + PreciseCheck.DIGITS + "-" + PreciseCheck.MORE_DIGITS + " digits") + (ambiguous > 0 ? ", " + ambiguous
                + " more such points were not decided" : "") : "";
        if (precise.isPresent() && overflowed > 0) {
            recheck += "; " + overflowed + " points where double precision failed (overflow, 0/0) evaluated at "
                    + PreciseCheck.DIGITS + " digits" + (unchecked > 0 ? ", " + unchecked + " more such points not "
                    + "evaluated" : "");
        }
        int agreeing = valid - ambiguous;
        double caught = 1 - Math.pow(0.95, agreeing);
        return Optional.of(new Outcome(Verdict.CONFIRMED, new Evidence("random points", String.format(Locale.ROOT,
                "%s at %d random points (relative tolerance %.0e in double precision%s%s); a claim wrong on 5%% of the "
                        + "domain would have been caught with probability %.5f", c.relation() == Relation.EQUAL ? "equal"
                        : "holds", agreeing, AGREE, undefined > 0 ? ", " + undefined + " points outside the domain skipped" : "",
                recheck, caught)),
                Optional.empty()));
    }

    /**
     * Agreement within a double tolerance hides differences below it: when random points are all the evidence,
     * a few fresh points are re-checked beyond double precision (exactly or at 40/80 digits). Returns the
     * refutation, or the confirmation with what was re-checked added to its evidence.
     */
    Outcome recheck(Claim c, StepContext ctx, Outcome confirmed) {
        Optional<PreciseCheck> precise = PreciseCheck.of(c.lhs(), c.rhs(), c.relation());
        if (precise.isEmpty() || c.lhs().isAbstract() || c.rhs().isAbstract()) {
            return confirmed;
        }
        Compiled f;
        try {
            f = Compiled.of(c.lhs(), c.rhs());
        } catch (CasException e) {
            return confirmed;
        }
        RandomGenerator rng = ctx.rng(c.entry().hashCode() * 37L + 3);
        int done = 0;
        for (int i = 0; i < 3 * RECHECKED && done < RECHECKED && ctx.timeLeft(); i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                break;
            }
            double lv = f.lhs().eval(p.values(), p.data(), rng);
            double rv = f.rhs().eval(p.values(), p.data(), rng);
            if (!Double.isFinite(lv) || !Double.isFinite(rv)) {
                continue;
            }
            PreciseCheck.At at = precise.get().at(p, f.scale(p, lv, rv, rng));
            if (at.state() == PreciseCheck.State.FAILS) {
                return new Outcome(Verdict.REFUTED, new Evidence("random points", "the sides agree in double precision but "
                        + "differ beyond it (" + at.how() + ")"), Optional.of(preciseCounterexample(c, ctx, p, at)));
            }
            if (at.state() != PreciseCheck.State.UNDEFINED) {
                done++;
            }
        }
        if (done == 0) {
            return confirmed;
        }
        String how = precise.get().exact() ? "in exact rational arithmetic" : "at " + PreciseCheck.DIGITS + " digits";
        return new Outcome(confirmed.verdict(), new Evidence(confirmed.evidence().method(), confirmed.evidence().detail()
                + "; " + done + " fresh points re-checked " + how), confirmed.counterexample());
    }

    /** How far the claim is from holding at a point: |l - r| for '=', the violation for inequalities. */
    static double gap(Relation rel, double l, double r) {
        return switch (rel) {
            case EQUAL -> Math.abs(l - r);
            case LESS_EQUAL, LESS -> l - r;
            case GREATER_EQUAL, GREATER -> r - l;
        };
    }

    /**
     * Re-evaluates a candidate counterexample beyond double precision (exactly, or at 40 and 80 digits, data
     * included); when that is not available, with the CAS at 30 digits (scalars only). A point the precise
     * evaluation does not refute is not a counterexample.
     */
    private Optional<Counterexample> confirm(Claim c, StepContext ctx, PointSampler.Point p, double lv, double rv,
            Optional<PreciseCheck> precise, double termScale) {
        if (precise.isPresent()) {
            PreciseCheck.At at = precise.get().at(p, termScale);
            return at.state() == PreciseCheck.State.FAILS ? Optional.of(preciseCounterexample(c, ctx, p, at))
                    : Optional.empty();
        }
        Map<String, Double> point = ctx.sampler.describe(p);
        Optional<Double> lh = Optional.empty();
        Optional<Double> rh = Optional.empty();
        if (!ctx.sampler.hasData()) {
            try {
                double l2 = ctx.cas.highPrecision(c.lhs(), point, Math.min(5_000, ctx.remainingMillis()));
                double r2 = ctx.cas.highPrecision(c.rhs(), point, Math.min(5_000, ctx.remainingMillis()));
                if (Double.isFinite(l2) && Double.isFinite(r2)) {
                    double scale = Math.max(1e-300, Math.max(Math.abs(l2), Math.abs(r2)));
                    if (gap(c.relation(), l2, r2) <= DIFFER * scale * 1e-2) {
                        return Optional.empty(); // the double evaluation was wrong: not a counterexample
                    }
                    lh = Optional.of(l2);
                    rh = Optional.of(r2);
                }
            } catch (CasException e) {
                // keep the double evaluation
            }
        }
        int len = dataLength(point);
        return Optional.of(new Counterexample(point, ctx.sampler.describeData(p, len), c.entry(), lv, rv, lh, rh));
    }

    /** A counterexample whose values are the precise ones (a double value they contradict is never shown). */
    static Counterexample preciseCounterexample(Claim c, StepContext ctx, PointSampler.Point p, PreciseCheck.At at) {
        Map<String, Double> point = ctx.sampler.describe(p);
        Map<String, double[]> data = ctx.sampler.hasData() ? ctx.sampler.describeData(p, dataLength(point)) : Map.of();
        return new Counterexample(point, data, c.entry(), at.lhs().toDouble(), at.rhs().toDouble(), Optional.empty(),
                Optional.empty()).withPrecise(at.lhs().toString(), at.rhs().toString(), at.lhs().toDouble(),
                at.rhs().toDouble(), at.how());
    }

    private static int dataLength(Map<String, Double> point) {
        int len = 0;
        for (var s : point.values()) {
            if (s == Math.rint(s) && s >= 1 && s <= PointSampler.DATA_LENGTH) {
                len = Math.max(len, (int) (double) s);
            }
        }
        return len == 0 ? PointSampler.DATA_LENGTH : len;
    }
}
