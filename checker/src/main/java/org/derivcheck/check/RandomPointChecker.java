package org.derivcheck.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hipparchus.random.RandomGenerator;
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
    static final int MAX_BELOW_ROUNDING = 12; // points violated by less than rounding re-checked beyond double
    private final int points;

    RandomPointChecker(int points) {
        this.points = points;
    }

    /** What the points showed so far; a refutation ends the check. */
    static final class Tally {
        int valid;
        int core;
        int structured;
        int wide;
        int searched;
        int bothUndefined;
        int isolated;
        int doubleArtefacts;
        int notRechecked;
        int ambiguous;
        int rechecks;
        long nearRecheckNanos; // the CAS's re-checks of near-equal points of a strict relation (RealPoints.near)
        int precise;
        int belowRounding; // points violated by less than rounding, re-checked beyond double (their own budget)
        int overflowDecided;
        int nearEqual;
        int nearPrecise;
        int notRecheckedNaN;
        String nearEqualAt = "";
        double smallestMargin = Double.POSITIVE_INFINITY;
        String smallestAt = "";
        /** Strict relations: the points of smallest margin, and the margins of the sampled points. */
        final EqualitySearch.Samples margins = new EqualitySearch.Samples();
    }

    private enum Phase { STRUCTURED, CORE, WIDE, SEARCH }

    /** High-precision re-checks per claim (each is a CAS evaluation). */
    static final int MAX_RECHECKS = 6;

    @Override
    public Optional<Outcome> check(Claim c, StepContext ctx) {
        if (c.lhs().isAbstract() || c.rhs().isAbstract()) {
            return Optional.empty();
        }
        CompiledSides f;
        try {
            f = CompiledSides.of(c.lhs(), c.rhs());
        } catch (CasException e) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "random points", e.getMessage()));
        }
        if (f.random()) {
            return Optional.empty();
        }
        RandomGenerator rng = ctx.rng(c.entry().hashCode() * 31L + 7);
        Tally t = new Tally();
        Optional<PreciseCheck> precise = PreciseCheck.of(c.lhs(), c.rhs(), c.relation());
        List<PointSampler.Point> seeds = new ArrayList<>();
        for (PointSampler.Point p : ctx.sampler.special(ctx.rng(c.entry().hashCode() * 13L + 5), 40)) {
            if (!ctx.timeLeft(reserve(c, ctx))) {
                break;
            }
            Optional<Outcome> o = visit(c, f, precise, ctx, p, Phase.STRUCTURED, t, rng, seeds);
            if (o.isPresent()) {
                return o;
            }
        }
        for (int i = 0; i < points && ctx.timeLeft(reserve(c, ctx)); i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "random points",
                        "could not draw points that satisfy the assumptions"));
            }
            Optional<Outcome> o = visit(c, f, precise, ctx, p, Phase.CORE, t, rng, seeds);
            if (o.isPresent()) {
                return o;
            }
        }
        for (int i = 0; i < points / 3 && ctx.timeLeft(reserve(c, ctx)); i++) {
            PointSampler.Point p = ctx.sampler.nextWide(rng);
            if (p == null) {
                break;
            }
            Optional<Outcome> o = visit(c, f, precise, ctx, p, Phase.WIDE, t, rng, seeds);
            if (o.isPresent()) {
                return o;
            }
        }
        // the magnitudes the claim names (its constants), which may lie beyond the wide-range draws
        java.util.Set<String> names = new java.util.HashSet<>(c.lhs().freeSymbols());
        names.addAll(c.rhs().freeSymbols());
        for (PointSampler.Point p : ClaimScales.points(ctx.sampler, names, ClaimScales.values(c.lhs(), c.rhs()),
                ctx.rng(c.entry().hashCode() * 43L + 13))) {
            if (!ctx.timeLeft(reserve(c, ctx))) {
                break;
            }
            Optional<Outcome> o = visit(c, f, precise, ctx, p, Phase.WIDE, t, rng, seeds);
            if (o.isPresent()) {
                return o;
            }
        }
        String search = "";
        if (c.relation() != Relation.EQUAL) {
            // an inequality is confirmed only after its search for a violation (and, when strict, for an equality)
            // ran to the end: cut short by the step's time, it is undecided, however many points held
            if (!ctx.timeLeft(reserve(c, ctx))) {
                return Optional.of(searchCutShort(t, "the search for a violation could not start"));
            }
            Optional<Outcome> o = searchMargin(c, f, precise, ctx, t, rng, seeds);
            if (o.isPresent()) {
                return o;
            }
            if (!ctx.timeLeft(reserve(c, ctx))) {
                return Optional.of(searchCutShort(t, "the search for a violation was cut short after " + t.searched
                        + " points"));
            }
            search = String.format(Locale.ROOT, "; a search for a violation or an equality (Nelder-Mead from %d starts, "
                    + "then simple values nearby) tried %d points, smallest margin %.3g%s", Math.min(seeds.size(), STARTS),
                    t.searched, t.smallestMargin, t.smallestAt.isEmpty() ? "" : " at " + t.smallestAt);
        }
        if (strict(c.relation())) {
            if (!ctx.timeLeft()) {
                return Optional.of(searchCutShort(t, "the search for an equality could not start"));
            }
            EqualitySearch.Result eq = EqualitySearch.decide(c, f, precise, ctx, t.margins.lowest(), t.margins.typical(), rng);
            if (eq.outcome().isPresent()) {
                return eq.outcome();
            }
            if (!eq.complete()) {
                return Optional.of(searchCutShort(t, "the search for an equality was cut short"));
            }
            search += eq.note();
        }
        ctx.noteAgreeingPoints(c.entry(), t.valid - t.ambiguous);
        int needed = Math.max(10, points / 10);
        if (t.core < needed) {
            return Optional.of(new Outcome(Verdict.INCONCLUSIVE, new Evidence("random points", "only " + t.core + " of "
                    + points + " random points were in the domain of both sides (need " + needed + ")" + skipped(t)),
                    Optional.empty()));
        }
        if (t.notRecheckedNaN > 0) {
            return Optional.of(new Outcome(Verdict.INCONCLUSIVE, new Evidence("random points", "at " + t.notRecheckedNaN
                    + " points one side had no value in double precision (NaN, not an overflow) and could not be re-checked "
                    + "(time, or the re-check limit): a point that may be a difference is never passed over" + skipped(t)),
                    Optional.empty()));
        }
        if (t.ambiguous > t.core / 20 && t.precise < MAX_PRECISE_POINTS) {
            return Optional.of(new Outcome(Verdict.INCONCLUSIVE, new Evidence("random points", t.ambiguous
                    + " points differ by more than rounding but less than a clear difference"), Optional.empty()));
        }
        if (t.nearEqual > 0) {
            return Optional.of(new Outcome(Verdict.INCONCLUSIVE, new Evidence("random points", "the relation is strict, "
                    + "but at " + t.nearEqual + " point(s) the sides agree to rounding (" + t.nearEqualAt + ") and no "
                    + "exact equality or violation was found: the margin may reach 0" + search), Optional.empty()));
        }
        double caught = 1 - Math.pow(0.95, t.core);
        return Optional.of(new Outcome(Verdict.CONFIRMED, new Evidence("random points", String.format(Locale.ROOT,
                "%s at %d points (%d random, %d structured: 0, +-1, small integers, half-integers, ends; %d wide-range: "
                        + "1e-8 to 1e8, next to the boundaries, at the claim's own magnitudes), relative tolerance %.0e%s%s; a claim wrong on 5%% of the "
                        + "domain would have been caught with probability %.5f",
                c.relation() == Relation.EQUAL ? "equal" : strict(c.relation()) ? "holds with a positive margin" : "holds",
                t.valid, t.core, t.structured, t.wide, AGREE, skipped(t), search, caught)), Optional.empty()));
    }

    /** Starts of the margin search. */
    static final int STARTS = 8;

    private static Outcome searchCutShort(Tally t, String what) {
        return Outcome.of(Verdict.INCONCLUSIVE, "random points", "the relation held at the " + t.valid + " points tried, "
                + "but the step's time ran out: " + what + ", and an inequality is not confirmed without it");
    }

    private Optional<Outcome> searchMargin(Claim c, CompiledSides f, Optional<PreciseCheck> precise, StepContext ctx, Tally t,
            RandomGenerator rng,
            List<PointSampler.Point> seeds) {
        if (seeds.isEmpty()) {
            return Optional.empty();
        }
        // the starts: the points with the smallest margins, then others
        List<PointSampler.Point> sorted = new ArrayList<>(seeds);
        java.util.Map<PointSampler.Point, Double> m = new java.util.IdentityHashMap<>();
        for (PointSampler.Point p : sorted) {
            m.put(p, margin(c.relation(), f, p, rng));
        }
        sorted.sort((a, b) -> Double.compare(m.get(a), m.get(b)));
        List<double[]> starts = new ArrayList<>();
        List<double[][]> startData = new ArrayList<>();
        for (int i = 0; i < sorted.size() && starts.size() < STARTS; i += Math.max(1, i < 4 ? 1 : sorted.size() / 8)) {
            starts.add(sorted.get(i).values());
            startData.add(sorted.get(i).data());
        }
        java.util.Set<String> free = new java.util.HashSet<>(c.lhs().freeSymbols());
        free.addAll(c.rhs().freeSymbols());
        MarginSearch search = new MarginSearch(ctx.sampler.scalars(), free);
        for (int s = 0; s < starts.size() && ctx.timeLeft(reserve(c, ctx)); s++) {
            double[][] data = startData.get(s);
            List<double[]> found = search.search(List.of(starts.get(s)), x -> margin(c.relation(), f,
                    new PointSampler.Point(x, data), rng));
            for (double[] x : found) {
                if (!ctx.timeLeft(reserve(c, ctx))) {
                    break;
                }
                PointSampler.Point p = new PointSampler.Point(x, data);
                if (!ctx.sampler.accepts(p, rng)) {
                    continue;
                }
                Optional<Outcome> o = visit(c, f, precise, ctx, p, Phase.SEARCH, t, rng, null);
                if (o.isPresent()) {
                    return o;
                }
            }
        }
        return Optional.empty();
    }

    /** A strict relation keeps a quarter of the step's time for its equality search. */
    private static long reserve(Claim c, StepContext ctx) {
        return strict(c.relation()) ? ctx.options.stepMillis() / 4 : 0;
    }

    /** Whether a relation is strict: equality at a point refutes it. */
    static boolean strict(Relation r) {
        return r == Relation.LESS || r == Relation.GREATER;
    }

    /** rhs - lhs for < and <=, lhs - rhs for > and >= (negative: violated). */
    static double margin(Relation rel, CompiledSides f, PointSampler.Point p, RandomGenerator rng) {
        double l = f.lhs().eval(p.values(), p.data(), rng);
        double r = f.rhs().eval(p.values(), p.data(), rng);
        if (!Double.isFinite(l) || !Double.isFinite(r)) {
            return Double.NaN;
        }
        return -gap(rel, l, r);
    }

    private static String skipped(Tally t) {
        List<String> parts = new ArrayList<>();
        if (t.bothUndefined > 0) {
            parts.add(t.bothUndefined + " where both sides are undefined");
        }
        if (t.isolated > 0) {
            parts.add(t.isolated + " isolated singular points of one side (defined next to them, as x/x at 0)");
        }
        if (t.overflowDecided > 0) {
            parts.add(t.overflowDecided + " where double precision overflowed, decided at " + PreciseCheck.DIGITS
                    + " digits");
        }
        if (t.doubleArtefacts > 0) {
            parts.add(t.doubleArtefacts + " where double precision overflowed (re-checked at 30 digits)");
        }
        if (t.notRechecked > 0) {
            parts.add(t.notRechecked + " where one side was not finite in double precision (not re-checked)");
        }
        return parts.isEmpty() ? "" : "; skipped: " + String.join(", ", parts);
    }

    /** Evaluates one point; a confirmed refutation is returned. */
    private Optional<Outcome> visit(Claim c, CompiledSides f, Optional<PreciseCheck> precise, StepContext ctx,
            PointSampler.Point p, Phase phase, Tally t, RandomGenerator rng, List<PointSampler.Point> seeds) {
        double lv = f.lhs().eval(p.values(), p.data(), rng);
        double rv = f.rhs().eval(p.values(), p.data(), rng);
        boolean lf = Double.isFinite(lv);
        boolean rf = Double.isFinite(rv);
        int before = t.bothUndefined;
        // both sides infinite (or one infinite, one NaN) in double: an overflow, not a point outside the domain
        boolean bothOverflow = !lf && !rf && (Double.isInfinite(lv) || Double.isInfinite(rv));
        if (!lf && !rf && !(bothOverflow && precise.isPresent() && t.precise < MAX_PRECISE_POINTS)) {
            t.bothUndefined++;
            return Optional.empty();
        }
        if (!lf || !rf) {
            // real semantics of the sides as written first: one side without a real value refutes
            Optional<Outcome> dom = RealPoints.undefinedSide(c, ctx, p, lv, rv, t, rng);
            if (dom.isPresent() || t.bothUndefined > before) {
                return dom;
            }
            if (!bothOverflow && RealPoints.isolated(f, p, !lf, rng)) {
                t.isolated++;
                return Optional.empty();
            }
            // NaN in double: a real-domain violation or an overflow artefact (inf - inf): high precision, then the
            // CAS's real semantics decide; an overflow in double is not a point outside the domain
            if (precise.isPresent() && t.precise < MAX_PRECISE_POINTS) {
                t.precise++;
                PreciseCheck.At at = precise.get().at(p, 0);
                if (at.state() == PreciseCheck.State.FAILS) {
                    return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points", "the sides differ "
                            + "at a point where double precision overflows (" + at.how() + ")"),
                            Optional.of(preciseCounterexample(c, ctx, p, at))));
                }
                if (at.state() == PreciseCheck.State.HOLDS) {
                    t.overflowDecided++;
                    return Optional.empty();
                }
                if (at.state() == PreciseCheck.State.CLOSE) {
                    return RealPoints.nearEquality(c, ctx, p, lv, rv, t);
                }
            }
            return RealPoints.oneSideNotFinite(c, ctx, p, lv, rv, t);
        }
        t.valid++;
        switch (phase) {
            case CORE -> t.core++;
            case STRUCTURED -> t.structured++;
            case WIDE -> t.wide++;
            case SEARCH -> t.searched++;
        }
        if (seeds != null) {
            seeds.add(p);
        }
        double scale = f.scale(p, lv, rv, rng);
        double gap = gap(c.relation(), lv, rv);
        if (c.relation() != Relation.EQUAL && -gap < t.smallestMargin) {
            t.smallestMargin = -gap;
            t.smallestAt = RealPoints.describe(ctx, p);
        }
        boolean strict = strict(c.relation());
        if (strict) {
            t.margins.offer(p, -gap, phase != Phase.SEARCH);
        }
        // a strict relation needs a margin clearly above rounding (a margin of exactly 0 at a scale of 0 included)
        if (gap <= AGREE * scale + 1e-300 && !(strict && gap > -(AGREE * scale + 1e-300))) {
            // an inequality violated by less than rounding ((x + 3 10^9)^2 >= 1 expanded cancels to -1.3e5 against 9e18
            // at x = -3 10^9) may be violated beyond double (an equality's rounding is re-checked at fresh points)
            if (gap > 0 && c.relation() != Relation.EQUAL && precise.isPresent() && t.belowRounding++ < MAX_BELOW_ROUNDING) {
                PreciseCheck.At at = precise.get().at(p, scale);
                if (at.state() == PreciseCheck.State.FAILS) {
                    return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points", "the sides differ at a "
                            + "point where double precision rounds the difference away (found after " + t.valid
                            + " valid points; " + at.how() + ")"), Optional.of(preciseCounterexample(c, ctx, p, at))));
                }
            }
            return Optional.empty();
        }
        if (precise.isPresent() && t.precise < MAX_PRECISE_POINTS) {
            // double precision cannot decide this point (cancellation, rounding, a strict relation at equality)
            t.precise++;
            PreciseCheck.At at = precise.get().at(p, scale);
            if (at.state() == PreciseCheck.State.FAILS) {
                return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points", "the sides "
                        + (strict && Math.abs(gap) <= AGREE * scale + 1e-300 ? "are equal" : "differ") + " at a point "
                        + "(found after " + t.valid + " valid points; " + at.how() + ")"),
                        Optional.of(preciseCounterexample(c, ctx, p, at))));
            }
            if (at.state() == PreciseCheck.State.HOLDS) {
                return Optional.empty();
            }
            if (at.state() == PreciseCheck.State.CLOSE) {
                return RealPoints.near(c, ctx, precise, p, lv, rv, t, phase == Phase.SEARCH);
            }
        } else if (gap > DIFFER * scale) {
            Optional<Counterexample> cx = confirm(c, ctx, p, lv, rv, precise, scale);
            if (cx.isPresent()) {
                return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points",
                        "the sides differ at a point (found after " + t.valid + " valid points)"), cx));
            }
        }
        if (strict && Math.abs(gap) <= AGREE * scale + 1e-300) {
            return RealPoints.near(c, ctx, precise, p, lv, rv, t, phase == Phase.SEARCH);
        }
        if (phase == Phase.CORE) {
            t.ambiguous++;
        }
        return Optional.empty();
    }

    /** Fresh points re-checked beyond double before a confirmation by random points (see {@link FreshPoints}). */
    Outcome recheck(Claim c, StepContext ctx, Outcome confirmed) {
        return FreshPoints.recheck(c, ctx, confirmed);
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
        int len = dataLength(point, ctx.sampler.dataLength());
        return Optional.of(new Counterexample(point, ctx.sampler.describeData(p, len), c.entry(), lv, rv, lh, rh));
    }

    /** A counterexample whose values are the precise ones (a double value they contradict is never shown). */
    static Counterexample preciseCounterexample(Claim c, StepContext ctx, PointSampler.Point p, PreciseCheck.At at) {
        Map<String, Double> point = ctx.sampler.describe(p);
        Map<String, double[]> data = RealPoints.dataOf(ctx, p);
        return new Counterexample(point, data, c.entry(), at.lhs() == null ? Double.NaN : at.lhs().toDouble(),
                at.rhs() == null ? Double.NaN : at.rhs().toDouble(), Optional.empty(),
                Optional.empty()).withPrecise(at.lhs().toString(), at.rhs().toString(), at.lhs().toDouble(),
                at.rhs().toDouble(), at.how());
    }

    static int dataLength(Map<String, Double> point, int drawn) {
        int len = 0;
        for (var s : point.values()) {
            if (s == Math.rint(s) && s >= 1 && s <= drawn) {
                len = Math.max(len, (int) (double) s);
            }
        }
        return len == 0 ? Math.min(drawn, PointSampler.DATA_LENGTH) : len;
    }
}
