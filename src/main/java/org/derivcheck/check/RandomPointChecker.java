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
        int valid = 0;
        int undefined = 0;
        int ambiguous = 0;
        for (int i = 0; i < points && ctx.timeLeft(); i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "random points",
                        "could not draw points that satisfy the assumptions"));
            }
            double lv = f.lhs().eval(p.values(), p.data(), rng);
            double rv = f.rhs().eval(p.values(), p.data(), rng);
            if (!Double.isFinite(lv) || !Double.isFinite(rv)) {
                undefined++;
                continue;
            }
            valid++;
            double scale = f.scale(p, lv, rv, rng);
            double gap = gap(c.relation(), lv, rv);
            if (gap <= AGREE * scale + 1e-300) {
                continue;
            }
            if (gap > DIFFER * scale) {
                Optional<Counterexample> cx = confirm(c, ctx, p, lv, rv);
                if (cx.isPresent()) {
                    return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points",
                            "the sides differ at a point (found after " + valid + " valid points)"), cx));
                }
            }
            ambiguous++;
        }
        int needed = Math.max(10, points / 10);
        if (valid < needed) {
            return Optional.of(new Outcome(Verdict.INCONCLUSIVE, new Evidence("random points", "only " + valid + " of "
                    + (valid + undefined) + " points were in the domain of both sides (need " + needed + ")"),
                    Optional.empty()));
        }
        if (ambiguous > valid / 20) {
            return Optional.of(new Outcome(Verdict.INCONCLUSIVE, new Evidence("random points", ambiguous
                    + " points differ by more than rounding but less than a clear difference"), Optional.empty()));
        }
        double caught = 1 - Math.pow(0.95, valid);
        return Optional.of(new Outcome(Verdict.CONFIRMED, new Evidence("random points", String.format(Locale.ROOT,
                "%s at %d random points (relative tolerance %.0e%s); a claim wrong on 5%% of the domain would have been "
                        + "caught with probability %.5f", c.relation() == Relation.EQUAL ? "equal" : "holds", valid, AGREE,
                undefined > 0 ? ", " + undefined + " points outside the domain skipped" : "", caught)),
                Optional.empty()));
    }

    /** How far the claim is from holding at a point: |l - r| for '=', the violation for inequalities. */
    static double gap(Relation rel, double l, double r) {
        return switch (rel) {
            case EQUAL -> Math.abs(l - r);
            case LESS_EQUAL, LESS -> l - r;
            case GREATER_EQUAL, GREATER -> r - l;
        };
    }

    /** Re-evaluates a candidate counterexample with the CAS at 30 digits (scalars only; data stay double). */
    private Optional<Counterexample> confirm(Claim c, StepContext ctx, PointSampler.Point p, double lv, double rv) {
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
