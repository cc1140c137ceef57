package org.derivcheck.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Cas.Condition;
import org.derivcheck.cas.Expr;
import org.derivcheck.math.Range;
import org.derivcheck.cas.Scope;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.SymbolDecl;

/**
 * Before any value is compared: every family parameter must stay in its domain and every moment taken
 * from the table must exist, throughout the declared domains and assumptions. A condition is proved by
 * interval arithmetic (directly or against an assumption); otherwise points are searched for a witness.
 * A parameter that can leave its domain makes the step INVALID; a moment that diverges at some point of
 * the domain on one side refutes the claim there; a condition neither proved nor violated leaves the
 * step INCONCLUSIVE.
 */
final class ConditionChecker {
    private static final int WITNESS_POINTS = 200;
    private final Scope table;

    ConditionChecker(Scope table) {
        this.table = table;
    }

    /** A verdict the conditions force, or the conditions that were only checked at points (they cap PROVED at CONFIRMED). */
    record Result(Optional<RelationChecker.Decision> forced, List<String> unproved) {
        static final Result NONE = new Result(Optional.empty(), List.of());

        static Result forced(RelationChecker.Decision d) {
            return new Result(Optional.of(d), List.of());
        }
    }

    /** The verdict the conditions force, if any. */
    Result check(List<Condition> lhs, List<Condition> rhs, Expr lhsValue, Expr rhsValue,
            StepContext ctx) {
        Map<String, Condition> all = new LinkedHashMap<>();
        Set<String> left = new HashSet<>();
        Set<String> right = new HashSet<>();
        for (Condition c : lhs) {
            all.putIfAbsent(c.key(), c);
            left.add(c.key());
        }
        for (Condition c : rhs) {
            all.putIfAbsent(c.key(), c);
            right.add(c.key());
        }
        if (all.isEmpty()) {
            return Result.NONE;
        }
        Map<String, Range> domains = new LinkedHashMap<>();
        Set<String> integers = new HashSet<>();
        List<SymbolDecl> decls = new ArrayList<>(ctx.sampler.scalars());
        decls.addAll(ctx.sampler.dataSymbols());
        for (SymbolDecl s : decls) {
            range(s).ifPresent(r -> domains.put(s.name(), r));
            if (s.domain() == Domain.INTEGER) {
                integers.add(s.name());
            }
        }
        List<Condition.Assumed> assumptions = assumptions(ctx);
        List<String> undecided = new ArrayList<>();
        // parameters first: a step whose family is undefined somewhere says nothing at all
        List<Condition> ordered = new ArrayList<>(all.values());
        ordered.sort((a, b) -> a.kind().compareTo(b.kind()));
        for (Condition c : ordered) {
            if (ctx.cas.proves(c, domains, integers, assumptions, Math.min(2_000, ctx.remainingMillis()))) {
                continue;
            }
            Optional<PointSampler.Point> witness = witness(c, ctx);
            if (witness.isEmpty()) {
                undecided.add(c.reason() + " " + c.text());
                continue;
            }
            Map<String, Double> at = ctx.sampler.describe(witness.get());
            Map<String, Double> relevant = new LinkedHashMap<>(at);
            relevant.keySet().retainAll(c.symbols());
            String where = describe(relevant);
            if (c.kind() == Condition.Kind.PARAMETER) {
                String msg = c.reason() + ", but " + c.text() + " fails at " + where;
                return Result.forced(new RelationChecker.Decision(Verdict.INVALID, "parameter domain",
                        List.of(new Evidence("parameter domain", msg)), Optional.empty(), List.of(), msg));
            }
            boolean onLeft = left.contains(c.key());
            boolean onRight = right.contains(c.key());
            String msg = c.reason() + " " + c.text() + "; at " + where + " it fails, so the "
                    + (onLeft && onRight ? "expectation on both sides" : onLeft ? "left side" : "right side")
                    + " does not exist there";
            if (onLeft && onRight) {
                return Result.forced(new RelationChecker.Decision(Verdict.INCONCLUSIVE, "existence",
                        List.of(new Evidence("existence", msg)), Optional.empty(), List.of(), msg));
            }
            PointSampler.Point p = witness.get();
            double other = value(onLeft ? rhsValue : lhsValue, p, ctx);
            Counterexample cx = new Counterexample(at, ctx.sampler.describeData(p, PointSampler.DATA_LENGTH), "",
                    onLeft ? Double.NaN : other, onLeft ? other : Double.NaN, Optional.empty(), Optional.empty());
            return Result.forced(new RelationChecker.Decision(Verdict.REFUTED, "existence",
                    List.of(new Evidence("existence", msg)), Optional.of(cx), List.of(), msg));
        }
        if (undecided.isEmpty()) {
            return Result.NONE;
        }
        return new Result(Optional.empty(), List.of("not proved, but no violation at " + WITNESS_POINTS
                + " random points: " + String.join("; ", undecided)));
    }

    private Optional<PointSampler.Point> witness(Condition c, StepContext ctx) {
        RandomGenerator rng = ctx.rng(c.key().hashCode() * 7919L + 3);
        List<PointSampler.Point> pts = new ArrayList<>();
        List<Map<String, Double>> values = new ArrayList<>();
        List<Map<String, Range>> datas = new ArrayList<>();
        List<SymbolDecl> ds = ctx.sampler.dataSymbols();
        for (int i = 0; i < WITNESS_POINTS; i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                break;
            }
            Map<String, Range> data = new LinkedHashMap<>();
            for (int k = 0; k < ds.size(); k++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double v : p.data()[k]) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                data.put(ds.get(k).name(), lo <= hi ? Range.closed(lo, hi) : Range.ALL);
            }
            pts.add(p);
            values.add(ctx.sampler.describe(p));
            datas.add(data);
        }
        // and the magnitudes the condition's own constants name (Normal(0, 1 - 10^-9 a) leaves its domain only
        // beyond a = 10^9, Exponential(a - 10^-9) below 10^-9: past the random draws)
        java.util.Optional<org.derivcheck.math.Tree> tree = org.derivcheck.cas.Cas.tree(c);
        if (tree.isPresent() && ds.isEmpty()) {
            List<Double> mags = ClaimScales.valuesOf(List.of(tree.get()));
            for (PointSampler.Point p : ClaimScales.points(ctx.sampler, c.symbols(), mags, ctx.rng(c.key().hashCode()
                    * 131L + 7))) {
                pts.add(p);
                values.add(ctx.sampler.describe(p));
                datas.add(new LinkedHashMap<>());
            }
        }
        try {
            int at = ctx.cas.firstViolation(c, values, datas, Math.min(3_000, ctx.remainingMillis()));
            return at < 0 ? Optional.empty() : Optional.of(pts.get(at));
        } catch (CasException e) {
            return Optional.empty();
        }
    }

    private List<Condition.Assumed> assumptions(StepContext ctx) {
        List<Condition.Assumed> out = new ArrayList<>();
        for (PointSampler.Assumption a : ctx.sampler.assumptions()) {
            try {
                List<Cas.Link> links = Cas.parseChain(a.text(), table);
                if (links.size() == 2) {
                    out.add(new Condition.Assumed(links.get(0).expr(), links.get(1).relation().map(org.derivcheck.notation.Relation::symbol)
                            .orElse(""), links.get(1).expr()));
                }
            } catch (RuntimeException e) {
                // an assumption that does not parse was reported when the derivation was read
            }
        }
        return out;
    }

    private static Optional<Range> range(SymbolDecl s) {
        return switch (s.domain()) {
            case REAL -> Optional.of(Range.ALL);
            case POSITIVE -> Optional.of(Range.POSITIVE);
            case NEGATIVE -> Optional.of(Range.NEGATIVE);
            case NONNEGATIVE -> Optional.of(Range.NONNEGATIVE);
            case PROBABILITY -> Optional.of(Range.UNIT_OPEN);
            case INTEGER -> Optional.of(Range.closed(s.min(), s.max()));
            case INTERVAL -> Optional.of(new Range(s.min(), true, s.max(), true));
            case FINITE -> Optional.empty();
        };
    }

    private static double value(Expr side, PointSampler.Point p, StepContext ctx) {
        try {
            if (!side.isScalar() || side.hasExpectation()) {
                return Double.NaN;
            }
            return Cas.compile(side).eval(p.values(), p.data(), ctx.rng(1));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String describe(Map<String, Double> at) {
        List<String> parts = new ArrayList<>();
        for (var e : at.entrySet()) {
            parts.add(e.getKey() + " = " + String.format(Locale.ROOT, "%.4g", e.getValue()));
        }
        return parts.isEmpty() ? "every point" : String.join(", ", parts);
    }
}
