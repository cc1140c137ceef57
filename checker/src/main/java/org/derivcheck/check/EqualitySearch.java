package org.derivcheck.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.Cas.RealDomain;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.NumericFunction.Precise;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.SymbolDecl;

/**
 * The equality search of a strict relation ({@code <}, {@code >}): a positive margin at every point tried does
 * not show that the margin never reaches 0 (at pi/2 for {@code Sin(x) < 1}, an irrational point no sample
 * hits). The points with the smallest margins are examined beyond double precision; a margin below
 * {@link #NEAR} of the claim's typical margin, at a point where it does not keep falling toward the edge of the
 * domain (a limit such as 1/p &gt; 0 as p grows is not an equality), means the infimum may be 0 there. Then exact
 * points are tried: closed forms next to the point (rationals, rational multiples of pi, roots, logs) and the
 * CAS's solutions of lhs = rhs in each symbol, each decided by exact evaluation under real semantics. An exact
 * equality refutes the claim; none found leaves it INCONCLUSIVE with the point where the margin approaches 0.
 */
final class EqualitySearch {
    /** A margin below this fraction of the typical one counts as approaching 0. */
    static final double NEAR = 1e-9;
    /** Candidate points examined, closed-form combinations tried per point, CAS time per call. */
    static final int CANDIDATES = 6;
    static final int COMBINATIONS = 48;
    static final long CAS_MILLIS = 2_000;
    /** The search stops when this much of the step's time is left (a CAS call may take up to CAS_MILLIS). */
    static final long RESERVE_MILLIS = 2_500;
    /**
     * The search's own budget, at least this much and otherwise the quarter of the step's time that the search for a
     * violation leaves it: candidates whose margin is below any precision tried (1 - Tanh(x) at x = 10^4, 10^-8686)
     * would otherwise take every CAS call to its limit until the step's time ran out.
     */
    static final long MIN_BUDGET_MILLIS = 1_500;

    /** A point and its double margin. */
    record Candidate(PointSampler.Point point, double margin) {
    }

    /** What the sampled points showed: the points of smallest margin, and the margins of the sampled points. */
    static final class Samples {
        private final List<Candidate> lowest = new ArrayList<>();
        private final List<Double> margins = new ArrayList<>();

        void offer(PointSampler.Point p, double margin, boolean sampled) {
            if (sampled && Double.isFinite(margin)) {
                margins.add(Math.abs(margin));
            }
            lowest.add(new Candidate(p, margin));
            if (lowest.size() > 2 * CANDIDATES) {
                lowest.sort(Comparator.comparingDouble(Candidate::margin));
                lowest.remove(lowest.size() - 1);
            }
        }

        List<Candidate> lowest() {
            return lowest;
        }

        /** The median margin of the sampled points (their largest where the median is 0). */
        double typical() {
            if (margins.isEmpty()) {
                return Double.NaN;
            }
            double[] m = margins.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double med = m[m.length / 2];
            return med > 0 ? med : m[m.length - 1];
        }
    }

    /**
     * The decision (a refutation or an undecided claim), or none with a note for the evidence; {@code complete} is
     * false when the step's time ran out before every candidate point was examined.
     */
    record Result(Optional<Outcome> outcome, String note, boolean complete) {
        Result(Optional<Outcome> outcome, String note) {
            this(outcome, note, true);
        }
    }

    private EqualitySearch() {
    }

    static Result decide(Claim c, CompiledSides f, Optional<PreciseCheck> precise, StepContext ctx,
            List<Candidate> lowest, double typical, RandomGenerator rng) {
        if (lowest.isEmpty() || !(typical > 0) || !Double.isFinite(typical)) {
            return new Result(Optional.empty(), "");
        }
        List<Candidate> sorted = new ArrayList<>(lowest);
        sorted.sort(Comparator.comparingDouble(Candidate::margin));
        Set<String> free = new java.util.LinkedHashSet<>(c.lhs().freeSymbols());
        free.addAll(c.rhs().freeSymbols());
        RealDomain dl;
        RealDomain dr;
        try {
            RealDomain[] d = ctx.domains(c);
            dl = d[0];
            dr = d[1];
        } catch (CasException e) {
            dl = null;
            dr = null;
        }
        Budget budget = new Budget(ctx);
        List<String> margins = new ArrayList<>();
        int limits = 0;
        String limitAt = "";
        int tried = 0;
        List<List<Double>> seen = new ArrayList<>();
        boolean cut = false;
        Map<String, List<Cas.ExactValue>> solved = new java.util.HashMap<>();
        for (int i = 0; i < sorted.size() && i < CANDIDATES && margins.size() < 3; i++) {
            if (!budget.left()) {
                cut = true;
                break;
            }
            PointSampler.Point p = sorted.get(i).point();
            List<Double> key = new ArrayList<>();
            for (String s : free) {
                int k = ctx.sampler.indexOf(s);
                key.add(k < 0 ? 0 : PointSampler.round3(p.values()[k]));
            }
            if (seen.contains(key)) {
                continue; // the same place as a point examined already
            }
            seen.add(key);
            if (sorted.get(i).margin() > typical * NEAR * 1e3) {
                break; // clearly above the threshold in double precision: this and the following points are not near
            }
            double m = logMargin(c, f, precise, p, rng);
            if (m > Math.log10(typical * NEAR)) {
                continue;
            }
            if (descends(c, f, precise, ctx, budget, p, m, free, rng)) {
                limits++;
                limitAt = limitAt.isEmpty() ? RealPoints.describe(ctx, p) : limitAt;
                continue;
            }
            margins.add(RealPoints.describe(ctx, p) + (m == Double.NEGATIVE_INFINITY ? " (margin 0 or below the "
                    + "rounding of its sides at " + PreciseCheck.MOST_MARGIN_DIGITS + " digits)" : String.format(Locale.ROOT, " (margin 10^%.1f)", m)));
            if (dl == null) {
                continue;
            }
            // exact points at this place: closed forms of its coordinates, then the CAS's solutions in each symbol
            for (Map<String, Cas.ExactValue> exact : exactPoints(c, ctx, p, free)) {
                if (!budget.left()) {
                    cut = true;
                    break;
                }
                tried++;
                Optional<Outcome> o = tryPoint(c, ctx, budget, p, exact, dl, dr, rng, "a closed form next to the point "
                        + "where the margin is smallest");
                if (o.isPresent()) {
                    return new Result(o, "");
                }
            }
            for (String s : free) {
                if (!budget.left()) {
                    cut = true;
                    break;
                }
                Map<String, Cas.ExactValue> fixed = first(c, ctx, p, free);
                Map<String, Cas.ExactValue> others = new LinkedHashMap<>(fixed);
                others.remove(s);
                // the solutions depend only on the other symbols' values: with one free symbol, on nothing
                String solvedKey = s + " " + others;
                List<Cas.ExactValue> sols = solved.get(solvedKey);
                if (sols == null) {
                    try {
                        sols = ctx.cas.solve(c.lhs(), c.rhs(), s, fixed, budget.casMillis());
                    } catch (CasException e) {
                        sols = List.of();
                    }
                    solved.put(solvedKey, sols);
                }
                for (Cas.ExactValue v : sols) {
                    if (!budget.left()) {
                        cut = true;
                        break;
                    }
                    Map<String, Cas.ExactValue> at = new LinkedHashMap<>(fixed);
                    at.put(s, v);
                    tried++;
                    Optional<Outcome> o = tryPoint(c, ctx, budget, p, at, dl, dr, rng, "the CAS's solution of lhs = rhs in "
                            + s);
                    if (o.isPresent()) {
                        return new Result(o, "");
                    }
                }
            }
        }
        String limitNote = limits == 0 ? "" : "; the margin falls toward 0 only toward the edge of the domain (at "
                + limitAt + " it keeps falling), which no point of the domain attains";
        if (margins.isEmpty()) {
            return new Result(Optional.empty(), limitNote, !cut);
        }
        return undecided(c, typical, margins, " (" + tried + " exact points tried: closed forms near it and the CAS's "
                + "solutions of lhs = rhs" + (budget.left() ? "" : "; the search's time ran out") + ")", limitNote);
    }

    private static Result undecided(Claim c, double typical, List<String> margins, String tried, String note) {
        return new Result(Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "random points", String.format(Locale.ROOT,
                "the relation is strict, but its margin approaches 0 near %s, against a typical margin of %.3g, and no "
                        + "exact point of equality was found%s: a strict relation is not confirmed when its margin may "
                        + "reach 0%s", String.join("; ", margins), typical, tried, note))), note);
    }

    /** log10 of the margin beyond double precision where it can be computed (-inf for 0), else from double. */
    static double logMargin(Claim c, CompiledSides f, Optional<PreciseCheck> precise,
            PointSampler.Point p, RandomGenerator rng) {
        if (precise.isPresent()) {
            // resolved beyond the rounding of the sides (up to 300 digits): a margin below it is noise, and a noise
            // level that does not fall next to the point would hide a limit (1 - Tanh(x) as x grows) as an equality
            Optional<Double> m = precise.get().resolvedLogMargin(p);
            if (m.isPresent()) {
                return Double.isNaN(m.get()) ? Double.NEGATIVE_INFINITY : m.get();
            }
        }
        double m = RandomPointChecker.margin(c.relation(), f, p, rng);
        return !(m > 0) ? Double.NEGATIVE_INFINITY : Math.log10(m);
    }

    /**
     * Whether the margin keeps falling next to the point (by more than rounding), along some coordinate: the
     * infimum then lies further on, toward the edge of the domain, not here.
     */
    private static boolean descends(Claim c, CompiledSides f, Optional<PreciseCheck> precise,
            StepContext ctx, Budget budget, PointSampler.Point p, double m, Set<String> free, RandomGenerator rng) {
        if (m == Double.NEGATIVE_INFINITY) {
            return false;
        }
        List<SymbolDecl> scalars = ctx.sampler.scalars();
        for (int k = 0; k < scalars.size(); k++) {
            SymbolDecl s = scalars.get(k);
            if (s.domain() == Domain.FINITE || s.domain() == Domain.INTEGER || !free.contains(s.name())) {
                continue;
            }
            double v = p.values()[k];
            // a step relative to the distance from the nearest end of the domain (0 for positive symbols)
            double d = switch (s.domain()) {
                case REAL -> Math.max(1, Math.abs(v));
                case PROBABILITY -> Math.min(v, 1 - v);
                case INTERVAL -> Math.min(v - s.min(), s.max() - v);
                default -> Math.abs(v);
            };
            for (double h : new double[] {1e-4}) {
                for (int sign = -1; sign <= 1; sign += 2) {
                    double w = v + sign * h * d;
                    if (!PointSampler.inDomain(s, w)) {
                        continue;
                    }
                    double[] x = p.values().clone();
                    x[k] = w;
                    PointSampler.Point q = new PointSampler.Point(x, p.data());
                    if (!ctx.sampler.accepts(q, rng)) {
                        continue;
                    }
                    if (!budget.left()) {
                        return false;
                    }
                    double mq = logMargin(c, f, precise, q, rng);
                    if (mq < m - 1e-7) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Combinations of exact values of the free symbols near a point: closed forms, then the point's own values. */
    private static List<Map<String, Cas.ExactValue>> exactPoints(Claim c, StepContext ctx, PointSampler.Point p,
            Set<String> free) {
        List<Map<String, Cas.ExactValue>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (String s : free) {
            int k = ctx.sampler.indexOf(s);
            if (k < 0) {
                return List.of();
            }
            double v = p.values()[k];
            List<Cas.ExactValue> options = new ArrayList<>(Cas.closedForms(v, 1e-6));
            if (options.stream().noneMatch(o -> o.approx() == v && o.text().matches("-?[0-9]+"))) {
                options.add(Cas.exactly(v)); // (an integer closed form is the point's own value already)
            }
            List<Map<String, Cas.ExactValue>> next = new ArrayList<>();
            for (Map<String, Cas.ExactValue> m : out) {
                for (Cas.ExactValue o : options) {
                    if (next.size() >= COMBINATIONS) {
                        break;
                    }
                    Map<String, Cas.ExactValue> n = new LinkedHashMap<>(m);
                    n.put(s, o);
                    next.add(n);
                }
            }
            out = next;
        }
        return out;
    }

    /** The first exact value of each free symbol (its closest closed form, or its own value). */
    private static Map<String, Cas.ExactValue> first(Claim c, StepContext ctx, PointSampler.Point p, Set<String> free) {
        Map<String, Cas.ExactValue> out = new LinkedHashMap<>();
        for (String s : free) {
            int k = ctx.sampler.indexOf(s);
            if (k >= 0) {
                List<Cas.ExactValue> cf = Cas.closedForms(p.values()[k], 1e-6);
                out.put(s, cf.isEmpty() ? Cas.exactly(p.values()[k]) : cf.get(0));
            }
        }
        return out;
    }

    private static Optional<Outcome> tryPoint(Claim c, StepContext ctx, Budget budget, PointSampler.Point near,
            Map<String, Cas.ExactValue> exact, RealDomain dl, RealDomain dr, RandomGenerator rng, String how) {
        double[] x = near.values().clone();
        for (var e : exact.entrySet()) {
            int k = ctx.sampler.indexOf(e.getKey());
            SymbolDecl s = ctx.sampler.scalars().get(k);
            if (!PointSampler.inDomain(s, e.getValue().approx())) {
                return Optional.empty();
            }
            x[k] = e.getValue().approx();
        }
        PointSampler.Point q = new PointSampler.Point(x, near.data());
        if (!ctx.sampler.accepts(q, rng) || dl.violated(x, q.data(), rng).isPresent()
                || dr.violated(x, q.data(), rng).isPresent()) {
            return Optional.empty();
        }
        CompiledSides f = CompiledSides.of(c.lhs(), c.rhs());
        double lv = f.lhs().eval(x, q.data(), rng);
        double rv = f.rhs().eval(x, q.data(), rng);
        if (!Double.isFinite(lv) || !Double.isFinite(rv)) {
            return Optional.empty(); // not a point where both sides are real
        }
        boolean equal;
        try {
            equal = ctx.cas.equalAt(c.lhs(), c.rhs(), exact, budget.casMillis());
        } catch (CasException e) {
            return Optional.empty();
        }
        if (!equal) {
            return Optional.empty();
        }
        StringBuilder at = new StringBuilder();
        for (var e : exact.entrySet()) {
            at.append(at.length() == 0 ? "" : ", ").append(e.getKey()).append(" = ").append(e.getValue().text());
        }
        return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("equality search", "the sides are exactly equal at "
                + at + " (found as " + how + ", decided by exact evaluation, every sub-expression real), so the strict "
                + "relation '" + c.relation().symbol() + "' fails there"), Optional.of(new Counterexample(
                ctx.sampler.describe(q), Map.of(), c.entry(), lv, rv, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("exactly equal at " + at)))));
    }

    /**
     * The time of one search: until {@link #MIN_BUDGET_MILLIS} or the quarter of the step's time after its start
     * (whichever is longer), and never past {@link #RESERVE_MILLIS} before the step's limit.
     */
    private static final class Budget {
        private final StepContext ctx;
        private final long endNanos;

        Budget(StepContext ctx) {
            this.ctx = ctx;
            long ms = Math.max(MIN_BUDGET_MILLIS, ctx.options.stepMillis() / 4);
            this.endNanos = System.nanoTime() + ms * 1_000_000L;
        }

        boolean left() {
            return ctx.timeLeft(RESERVE_MILLIS) && System.nanoTime() < endNanos;
        }

        /** The time one CAS call may take: {@link #CAS_MILLIS}, or less where the search's time ends sooner. */
        long casMillis() {
            long own = (endNanos - System.nanoTime()) / 1_000_000L;
            return Math.max(1, Math.min(CAS_MILLIS, Math.min(own, ctx.remainingMillis() - 500)));
        }
    }
}
