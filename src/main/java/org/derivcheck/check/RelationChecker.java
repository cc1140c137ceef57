package org.derivcheck.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Expr;
import org.derivcheck.cas.SymbolTable;
import org.derivcheck.notation.Relation;
import org.derivcheck.diagnose.Diagnoser;
import org.derivcheck.diagnose.Diagnosis;

/**
 * Decides one relation {@code lhs REL rhs} between two lines: reduces both sides, compares their shapes,
 * runs the symbolic, random-point and Monte Carlo checkers on every entry, combines their verdicts and,
 * for a refuted relation, asks the diagnoser what is wrong.
 */
final class RelationChecker {
    private final List<Checker> checkers;
    private final RandomPointChecker randomPoints;
    private final SymbolTable table;
    private final ConditionChecker conditions;

    RelationChecker(SymbolTable table, CheckOptions options) {
        this.table = table;
        this.conditions = new ConditionChecker(table);
        // numeric first: a refuted claim needs no proof attempt, a confirmed one gets the rest of the time
        // exact or high-precision arithmetic first where it applies (constant claims, rational functions)
        this.randomPoints = new RandomPointChecker(options.points());
        this.checkers = List.of(new ExactChecker(options.points()), new InstantiationChecker(options.points()), randomPoints,
                new MonteCarloChecker(options.draws()), new SymbolicChecker());
    }

    /** The verdict and what backs it, before it is wrapped in a StepResult. */
    record Decision(Verdict verdict, String method, List<Evidence> evidence, Optional<Counterexample> counterexample,
            List<Diagnosis> diagnoses, String message) {
    }

    Decision decide(Expr lhsWritten, Expr rhsWritten, Relation rel, StepContext ctx) {
        Expr lhs;
        Expr rhs;
        List<String> unproved;
        try {
            // abstract densities are never given to the CAS: finite instances decide them as written
            Cas.Reduced l = lhsWritten.isAbstract() ? new Cas.Reduced(lhsWritten, List.of())
                    : ctx.cas.reduceChecked(lhsWritten, ctx.remainingMillis());
            Cas.Reduced r = rhsWritten.isAbstract() ? new Cas.Reduced(rhsWritten, List.of())
                    : ctx.cas.reduceChecked(rhsWritten, ctx.remainingMillis());
            lhs = l.value();
            rhs = r.value();
            ConditionChecker.Result cond = conditions.check(l.conditions(), r.conditions(), lhs, rhs, ctx);
            if (cond.forced().isPresent()) {
                return cond.forced().get();
            }
            unproved = cond.unproved();
        } catch (CasException e) {
            return new Decision(Verdict.INCONCLUSIVE, "none", List.of(new Evidence("CAS", e.getMessage())),
                    Optional.empty(), List.of(), "could not evaluate the sides: " + e.getMessage());
        }
        int[] ls = lhs.shape();
        int[] rs = rhs.shape();
        if (!Arrays.equals(ls, rs)) {
            String msg = "the left side is " + shapeName(ls) + " but the right side is " + shapeName(rs);
            if (ls.length == 2 && rs.length == 2 && ls[0] == rs[1] && ls[1] == rs[0]) {
                msg += " (transposed?)";
            }
            return new Decision(Verdict.REFUTED, "shape", List.of(new Evidence("shape", msg)), Optional.empty(),
                    List.of(new Diagnosis(Diagnosis.Kind.WRONG_COMPONENT, "", msg, "")), msg);
        }
        if (rel != Relation.EQUAL && ls.length > 0) {
            return new Decision(Verdict.INVALID, "none", List.of(), Optional.empty(), List.of(),
                    "an inequality compares numbers, not vectors or matrices");
        }
        List<Expr.Entry> le = lhs.entries();
        List<Expr.Entry> re = rhs.entries();
        List<Expr.Entry> we = Arrays.equals(rhsWritten.shape(), rs) ? rhsWritten.entries() : re;
        Verdict verdict = Verdict.PROVED;
        List<Evidence> evidence = new ArrayList<>();
        Optional<Counterexample> cx = Optional.empty();
        List<Integer> refuted = new ArrayList<>();
        String method = "symbolic";
        for (int i = 0; i < le.size(); i++) {
            Claim claim = new Claim(le.get(i).label(), le.get(i).value(), re.get(i).value(), rel);
            Outcome o = decideEntry(claim, ctx);
            Verdict before = verdict;
            verdict = Verdict.combine(verdict, o.verdict());
            if (verdict != before || i == 0) {
                method = o.evidence().method();
            }
            String prefix = claim.entry().isEmpty() ? "" : claim.entry() + ": ";
            evidence.add(new Evidence(o.evidence().method(), prefix + o.evidence().detail()));
            if (o.verdict() == Verdict.REFUTED) {
                refuted.add(i);
                if (cx.isEmpty()) {
                    cx = o.counterexample();
                }
            }
        }
        if (!unproved.isEmpty() && verdict == Verdict.PROVED) {
            // the claim holds where it is defined; that it is defined everywhere rests on points only
            verdict = Verdict.CONFIRMED;
            method = "symbolic, conditions at points";
        }
        if (!unproved.isEmpty()) {
            evidence.add(new Evidence("conditions", String.join("; ", unproved)));
        }
        List<Diagnosis> diagnoses = new ArrayList<>();
        String message;
        if (verdict == Verdict.REFUTED) {
            diagnoses.addAll(diagnose(le, re, we, refuted, rel, ctx));
            message = refuted.size() == 1 && !le.get(refuted.get(0)).label().isEmpty()
                    ? le.get(refuted.get(0)).label() + " does not hold" : "the relation does not hold";
        } else {
            message = switch (verdict) {
                case PROVED -> "proved symbolically";
                case CONFIRMED -> "confirmed numerically";
                case INCONCLUSIVE -> "undecided";
                default -> verdict.name().toLowerCase();
            };
        }
        if (le.size() > 1 && verdict != Verdict.REFUTED) {
            message += " (" + le.size() + " entries)";
        }
        return new Decision(verdict, method, evidence, cx, diagnoses, message);
    }

    private Outcome decideEntry(Claim claim, StepContext ctx) {
        Outcome symbolic = null;
        Outcome numeric = null;
        for (Checker c : checkers) {
            if (c instanceof SymbolicChecker && numeric != null && numeric.verdict() == Verdict.REFUTED) {
                break;
            }
            if (numeric != null && !(c instanceof SymbolicChecker)) {
                continue;
            }
            Optional<Outcome> o = c.check(claim, ctx);
            if (o.isEmpty()) {
                continue;
            }
            if (c instanceof SymbolicChecker) {
                symbolic = o.get();
            } else if (numeric == null) {
                numeric = o.get();
            }
        }
        if (numeric != null && numeric.verdict() == Verdict.REFUTED) {
            return numeric;
        }
        if (symbolic != null && symbolic.verdict() == Verdict.REFUTED) {
            return symbolic; // a strict relation between sides the CAS showed equal
        }
        if (symbolic != null && symbolic.verdict() == Verdict.PROVED) {
            if (numeric != null && numeric.verdict() == Verdict.CONFIRMED) {
                return new Outcome(Verdict.PROVED, new Evidence("symbolic", symbolic.evidence().detail()
                        + "; numerically " + numeric.evidence().detail()), Optional.empty());
            }
            if (numeric == null) {
                return symbolic;
            }
            // a rewriting proof is trusted only where admissible points agree: none (an assumption nothing
            // satisfies, overflow everywhere) means the proof may rest on a rule outside its domain
            Optional<String> checked = precisePoints(claim, ctx);
            if (checked.isPresent()) {
                return new Outcome(Verdict.PROVED, new Evidence("symbolic", symbolic.evidence().detail() + "; numerically "
                        + checked.get()), Optional.empty());
            }
            return Outcome.of(Verdict.INCONCLUSIVE, numeric.evidence().method(), "the CAS reduced lhs - rhs to 0, but no "
                    + "admissible point could check it (" + numeric.evidence().detail() + "); a proof without a single "
                    + "valid point is not trusted");
        }
        if (numeric != null && numeric.verdict() == Verdict.CONFIRMED && numeric.evidence().method().equals("random points")) {
            return randomPoints.recheck(claim, ctx, numeric);
        }
        if (numeric != null) {
            return numeric;
        }
        return symbolic != null ? symbolic : Outcome.of(Verdict.INCONCLUSIVE, "none", "no method applies");
    }

    /** Agreement at a few points in high precision, when double precision could not evaluate the claim. */
    private static Optional<String> precisePoints(Claim claim, StepContext ctx) {
        Optional<PreciseCheck> pc = PreciseCheck.of(claim.lhs(), claim.rhs(), claim.relation());
        if (pc.isEmpty()) {
            return Optional.empty();
        }
        RandomGenerator rng = ctx.rng(777L);
        int held = 0;
        for (int i = 0; i < 20 && held < 5 && ctx.timeLeft(); i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                return Optional.empty();
            }
            PreciseCheck.At at = pc.get().at(p, 0);
            if (at.state() == PreciseCheck.State.FAILS) {
                return Optional.empty();
            }
            if (at.state() == PreciseCheck.State.HOLDS) {
                held++;
            }
        }
        return held >= 3 ? Optional.of("equal at " + held + " random points " + (pc.get().exact() ? "in exact arithmetic"
                : "at " + PreciseCheck.DIGITS + " digits") + " (double precision could not evaluate it)") : Optional.empty();
    }

    private List<Diagnosis> diagnose(List<Expr.Entry> le, List<Expr.Entry> re, List<Expr.Entry> we, List<Integer> refuted,
            Relation rel, StepContext ctx) {
        List<Diagnosis> out = new ArrayList<>();
        if (rel != Relation.EQUAL) {
            return out;
        }
        Diagnoser diagnoser = new Diagnoser(ctx.cas, (l, cand) -> agrees(l, cand, ctx), Math.min(5_000, safeRemaining(ctx)));
        // whole structure: permuted components or a transposed matrix
        if (le.size() > 1 && refuted.size() >= 2) {
            Optional<Diagnosis> perm = permutation(le, re, refuted, ctx);
            if (perm.isPresent()) {
                out.add(perm.get());
                return out;
            }
        }
        if (le.size() > 1) {
            List<String> ok = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < le.size(); i++) {
                (refuted.contains(i) ? bad : ok).add(le.get(i).label());
            }
            if (!ok.isEmpty()) {
                out.add(new Diagnosis(Diagnosis.Kind.WRONG_COMPONENT, String.join(", ", bad), "wrong " + String.join(", ", bad)
                        + "; the other entries hold (" + String.join(", ", ok) + ")", ""));
            }
        }
        for (int i : refuted) {
            if (!ctx.timeLeft()) {
                break;
            }
            Expr l = le.get(i).value();
            Expr written = we.get(i).value();
            List<Diagnoser.Factor> factors = factorCandidates(l, re.get(i).value(), ctx);
            Optional<Diagnosis> d = diagnoser.diagnose(le.get(i).label(), l, written, factors);
            if (d.isEmpty() && written != re.get(i).value()) {
                d = diagnoser.diagnose(le.get(i).label(), l, re.get(i).value(), factors);
            }
            d.ifPresent(out::add);
        }
        return out;
    }

    private static long safeRemaining(StepContext ctx) {
        try {
            return ctx.remainingMillis();
        } catch (CasException e) {
            return 1;
        }
    }

    private Optional<Diagnosis> permutation(List<Expr.Entry> le, List<Expr.Entry> re, List<Integer> refuted,
            StepContext ctx) {
        boolean matrix = le.get(0).index().size() == 2;
        if (matrix) {
            boolean transposed = true;
            for (int i : refuted) {
                List<Integer> idx = le.get(i).index();
                Expr l = le.get(i).value();
                Expr other = null;
                for (Expr.Entry e : re) {
                    if (e.index().get(0).equals(idx.get(1)) && e.index().get(1).equals(idx.get(0))) {
                        other = e.value();
                    }
                }
                if (other == null || !agrees(l, other, ctx)) {
                    transposed = false;
                    break;
                }
            }
            if (transposed) {
                return Optional.of(new Diagnosis(Diagnosis.Kind.TRANSPOSED, "", "the matrix is transposed: entry (i, j) "
                        + "holds what belongs in entry (j, i)", ""));
            }
            return Optional.empty();
        }
        if (refuted.size() == 2) {
            int a = refuted.get(0);
            int b = refuted.get(1);
            if (agrees(le.get(a).value(), re.get(b).value(), ctx) && agrees(le.get(b).value(), re.get(a).value(), ctx)) {
                return Optional.of(new Diagnosis(Diagnosis.Kind.COMPONENTS_SWAPPED, le.get(a).label() + ", "
                        + le.get(b).label(), le.get(a).label() + " and " + le.get(b).label() + " are swapped", ""));
            }
        }
        return Optional.empty();
    }

    /**
     * Ratios lhs/rhs at fresh points: a constant, or a constant times one or two symbol powers (N, 1/N,
     * a/b, ...), is a factor to try. The diagnoser still checks every candidate.
     */
    private List<Diagnoser.Factor> factorCandidates(Expr lhs, Expr rhs, StepContext ctx) {
        List<Diagnoser.Factor> out = new ArrayList<>();
        if (lhs.isAbstract() || rhs.isAbstract()) {
            return out;
        }
        RandomPointChecker.Compiled f;
        try {
            f = RandomPointChecker.Compiled.of(lhs, rhs);
        } catch (CasException e) {
            return out;
        }
        if (f.random()) {
            return out;
        }
        RandomGenerator rng = ctx.rng(9191L);
        List<double[]> pts = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < 80 && ratios.size() < 16; i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                break;
            }
            double l = f.lhs().eval(p.values(), p.data(), rng);
            double r = f.rhs().eval(p.values(), p.data(), rng);
            double q = l / r;
            if (Double.isFinite(q) && q != 0) {
                pts.add(p.values());
                ratios.add(q);
            }
        }
        if (ratios.size() < 6) {
            return out;
        }
        double[] ratio = ratios.stream().mapToDouble(Double::doubleValue).toArray();
        if (constant(ratio)) {
            Optional<long[]> pq = rational(ratio[0]);
            if (pq.isPresent() && pq.get()[0] != pq.get()[1]) {
                long p = pq.get()[0];
                long q = pq.get()[1];
                String text = q == 1 ? String.valueOf(p) : p + "/" + q;
                out.add(new Diagnoser.Factor(Cas.parse("(" + text + ")", table), p == -q ? "-1 (the sign)" : text));
            }
            return out;
        }
        List<String> names = new ArrayList<>();
        for (var s : ctx.sampler.scalars()) {
            names.add(s.name());
        }
        int[] powers = {1, -1, 2, -2};
        for (int k = 0; k < names.size(); k++) {
            for (int pk : powers) {
                tryFactor(out, ratio, pts, names, new int[] {k}, new int[] {pk});
            }
        }
        for (int k = 0; k < names.size() && out.isEmpty(); k++) {
            for (int j = k + 1; j < names.size(); j++) {
                for (int pk : new int[] {1, -1}) {
                    for (int pj : new int[] {1, -1}) {
                        tryFactor(out, ratio, pts, names, new int[] {k, j}, new int[] {pk, pj});
                    }
                }
            }
        }
        return out;
    }

    private void tryFactor(List<Diagnoser.Factor> out, double[] ratio, List<double[]> pts, List<String> names, int[] idx,
            int[] pow) {
        double[] adj = new double[ratio.length];
        for (int i = 0; i < ratio.length; i++) {
            double m = 1;
            for (int t = 0; t < idx.length; t++) {
                m *= Math.pow(pts.get(i)[idx[t]], pow[t]);
            }
            adj[i] = ratio[i] / m;
        }
        if (!constant(adj)) {
            return;
        }
        Optional<long[]> pq = rational(adj[0]);
        if (pq.isEmpty()) {
            return;
        }
        String c = pq.get()[1] == 1 ? String.valueOf(pq.get()[0]) : pq.get()[0] + "/" + pq.get()[1];
        List<String> parts = new ArrayList<>();
        for (int t = 0; t < idx.length; t++) {
            String n = names.get(idx[t]);
            parts.add(switch (pow[t]) {
                case 1 -> n;
                case -1 -> "1/" + n;
                case 2 -> n + "^2";
                default -> "1/" + n + "^2";
            });
        }
        List<String> num = new ArrayList<>();
        List<String> den = new ArrayList<>();
        for (String part : parts) {
            if (part.startsWith("1/")) {
                den.add(part.substring(2));
            } else {
                num.add(part);
            }
        }
        String sym = (num.isEmpty() ? "1" : String.join("*", num)) + (den.isEmpty() ? "" : "/"
                + (den.size() == 1 ? den.get(0) : "(" + String.join("*", den) + ")"));
        String text = c.equals("1") ? sym : "(" + c + ")*" + sym;
        out.add(new Diagnoser.Factor(Cas.parse(text, table), text));
    }

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x) || Math.abs(x - v[0]) > 1e-7 * Math.max(1, Math.abs(v[0]))) {
                return false;
            }
        }
        return true;
    }

    /** p/q with q <= 24 within 1e-9, else empty. */
    static Optional<long[]> rational(double x) {
        for (long q = 1; q <= 24; q++) {
            double p = Math.rint(x * q);
            if (Math.abs(p / q - x) <= 1e-9 * Math.max(1, Math.abs(x)) && p != 0) {
                return Optional.of(new long[] {(long) p, q});
            }
        }
        return Optional.empty();
    }

    /** A quick numeric agreement test for diagnoses: 40 points, same tolerances as the random-point checker. */
    boolean agrees(Expr lhs, Expr candidate, StepContext ctx) {
        if (lhs.isAbstract() || candidate.isAbstract()) {
            return agreesOnInstances(lhs, candidate, ctx);
        }
        try {
            Expr c = ctx.cas.reduce(candidate, Math.min(3_000, ctx.remainingMillis()));
            if (!Arrays.equals(lhs.shape(), c.shape()) || !lhs.isScalar()) {
                return false;
            }
            RandomPointChecker.Compiled f = RandomPointChecker.Compiled.of(lhs, c);
            if (f.random()) {
                return false;
            }
            RandomGenerator rng = ctx.rng(424242L);
            int valid = 0;
            List<PointSampler.Point> recheck = new ArrayList<>();
            List<Double> scales = new ArrayList<>();
            for (int i = 0; i < 60 && valid < 40; i++) {
                PointSampler.Point p = ctx.sampler.next(rng);
                if (p == null) {
                    return false;
                }
                double lv = f.lhs().eval(p.values(), p.data(), rng);
                double rv = f.rhs().eval(p.values(), p.data(), rng);
                if (!Double.isFinite(lv) || !Double.isFinite(rv)) {
                    continue;
                }
                valid++;
                double scale = f.scale(p, lv, rv, rng);
                if (Math.abs(lv - rv) > RandomPointChecker.AGREE * 100 * scale + 1e-300) {
                    return false;
                }
                if (recheck.size() < 2) {
                    recheck.add(p);
                    scales.add(scale);
                }
            }
            if (valid < 20) {
                return false;
            }
            // a repair is named only if it holds beyond double precision too
            Optional<PreciseCheck> precise = PreciseCheck.of(lhs, c, Relation.EQUAL);
            for (int i = 0; i < recheck.size() && precise.isPresent(); i++) {
                if (precise.get().at(recheck.get(i), scales.get(i)).state() == PreciseCheck.State.FAILS) {
                    return false;
                }
            }
            return true;
        } catch (CasException e) {
            return false;
        }
    }

    /** Agreement on 40 finite instances, for diagnoses of abstract claims. */
    private boolean agreesOnInstances(Expr lhs, Expr candidate, StepContext ctx) {
        if (!lhs.isScalar() || !candidate.isScalar()) {
            return false;
        }
        try {
            org.derivcheck.cas.NumericFunction l = Cas.compile(lhs);
            org.derivcheck.cas.NumericFunction r = Cas.compile(candidate);
            double tol = l.approximate() || r.approximate() ? 1e-6 : 1e-9;
            RandomGenerator rng = ctx.rng(5151L);
            int valid = 0;
            for (int i = 0; i < 60 && valid < 40; i++) {
                org.derivcheck.cas.FiniteModel m = ctx.instances.make(i, rng);
                PointSampler.Point p = ctx.sampler.next(rng);
                if (p == null) {
                    return false;
                }
                ctx.instances.observe(ctx.sampler, p, m, rng);
                double lv = l.eval(p.values(), p.data(), rng, m);
                double rv = r.eval(p.values(), p.data(), rng, m);
                if (!Double.isFinite(lv) || !Double.isFinite(rv)) {
                    continue;
                }
                valid++;
                if (Math.abs(lv - rv) > tol * Math.max(1, Math.max(Math.abs(lv), Math.abs(rv)))) {
                    return false;
                }
            }
            return valid >= 20;
        } catch (CasException e) {
            return false;
        }
    }

    private static String shapeName(int[] s) {
        return switch (s.length) {
            case 0 -> "a scalar";
            case 1 -> "a vector of " + s[0];
            default -> "a " + s[0] + "x" + s[1] + " matrix";
        };
    }
}
