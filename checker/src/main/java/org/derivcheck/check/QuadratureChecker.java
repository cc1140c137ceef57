package org.derivcheck.check;

import java.util.Locale;
import java.util.Optional;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.NumericFunction;
import org.derivcheck.notation.Relation;

/**
 * Decides claims whose expectations have no closed form but a deterministic rule: each expectation is
 * an integral by double-exponential quadrature (a series for a discrete family, nested quadrature for
 * NormalGamma) to about 1e-12 of the integral of |f p|, with an error estimate. At random parameter
 * points the sides must agree within 1e-11 of their scale plus the error estimates; a difference far beyond
 * both is a counterexample, and one in between leaves the claim INCONCLUSIVE. An integral that could not be resolved at some point (no convergence, or terms at
 * the ends of the range not negligible: it may diverge) rules out CONFIRMED.
 */
final class QuadratureChecker implements Checker {
    private static final int POINTS = 24;
    /**
     * The relative difference the sides may show and still agree: the quadrature is asked for 1e-12 of the
     * integral of |f p|, and a sum of a few thousand double terms rounds far below that. Between this and a
     * clear difference (1e-9 of the scale plus 10^4 error estimates) a claim is INCONCLUSIVE.
     */
    static final double AGREE = 1e-11;
    /** Sides smaller than this fraction of the integral of |f p| have cancelled beyond what the quadrature resolves. */
    static final double CANCELLED = 1e-8;

    /**
     * Places where the claim's integrals are split: a narrow peak or a kink is where a sub-expression such as
     * t - 3, t^2 - 9 or 2 t - 6 vanishes, named by the claim's own constants. For each constant v (as printed, at most
     * 12): +-v and +-sqrt(v), then the ratios +-v/w of two of them; at most 24 places.
     */
    static double[] places(Claim c) {
        String text = c.lhs() + " " + c.rhs();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![A-Za-z_0-9.])\\d+(?:\\.\\d+)?").matcher(text);
        java.util.LinkedHashSet<Double> vs = new java.util.LinkedHashSet<>();
        while (m.find() && vs.size() < 12) {
            double v = Double.parseDouble(m.group());
            if (v != 0 && v < 1e6) {
                vs.add(v);
            }
        }
        if (text.contains("Pi")) {
            vs.add(Math.PI);
        }
        java.util.LinkedHashSet<Double> out = new java.util.LinkedHashSet<>();
        for (double v : vs) {
            out.add(v);
            out.add(-v);
            out.add(Math.sqrt(v));
            out.add(-Math.sqrt(v));
        }
        for (double v : vs) {
            for (double w : vs) {
                if (v != w && out.size() < 48) {
                    out.add(v / w);
                    out.add(-v / w);
                }
            }
        }
        return out.stream().limit(24).mapToDouble(Double::doubleValue).toArray();
    }

    /** The places of a, then those of b not among them, at most 24. */
    static double[] merge(double[] a, double[] b) {
        java.util.LinkedHashSet<Double> all = new java.util.LinkedHashSet<>();
        for (double x : a) {
            all.add(x);
        }
        for (double x : b) {
            boolean near = false;
            for (double y : a) {
                near |= Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x));
            }
            if (!near) {
                all.add(x);
            }
        }
        return all.stream().limit(24).mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public Optional<Outcome> check(Claim c, StepContext ctx) {
        if (c.lhs().isAbstract() || c.rhs().isAbstract() || !c.lhs().hasExpectation() && !c.rhs().hasExpectation()) {
            return Optional.empty();
        }
        NumericFunction l;
        NumericFunction r;
        try {
            l = Cas.compileDeterministic(c.lhs());
            r = Cas.compileDeterministic(c.rhs());
        } catch (CasException e) {
            return Optional.empty(); // no deterministic rule: Monte Carlo decides
        }
        RandomGenerator rng = ctx.rng(c.entry().hashCode() * 37L + 5);
        // the places the expression tree names first (roots and turning points of polynomials in a variable), then
        // those its printed constants name
        double[] places = merge(ctx.cas.splitPlaces(c.lhs(), c.rhs(), Math.min(1_000, ctx.remainingMillis())), places(c));
        // a claim without free symbols has one value: one point decides it
        boolean constant = c.lhs().symbols().isEmpty() && c.rhs().symbols().isEmpty();
        int points = constant ? 1 : POINTS;
        int needed = constant ? 1 : 8;
        int valid = 0;
        int unresolved = 0;
        int undefined = 0;
        int ambiguous = 0;
        int cancelledPoints = 0;
        double worstError = 0;
        long evaluations = 0;
        String unresolvedAt = "";
        for (int i = 0; i < points && ctx.timeLeft(); i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "quadrature",
                        "could not draw points that satisfy the assumptions"));
            }
            NumericFunction.Tracked lv = org.derivcheck.integrate.Expectations.splitAt(places,
                    () -> l.evalTracked(p.values(), p.data()));
            NumericFunction.Tracked rv = org.derivcheck.integrate.Expectations.splitAt(places,
                    () -> r.evalTracked(p.values(), p.data()));
            evaluations += lv.log().evaluations() + rv.log().evaluations();
            // an integral with no mass at any node (every value 0) says nothing of the mass between the nodes
            // (nested integrals record their largest: 0 when every integral, inner ones too, saw no mass)
            boolean blind = lv.log().integrals() >= 1 && lv.log().l1() == 0 || rv.log().integrals() >= 1
                    && rv.log().l1() == 0;
            if (!lv.log().resolved() || !rv.log().resolved() || blind) {
                unresolved++;
                if (unresolvedAt.isEmpty()) {
                    unresolvedAt = ctx.sampler.describe(p).toString();
                }
                continue;
            }
            if (!Double.isFinite(lv.value()) || !Double.isFinite(rv.value())) {
                if (Double.isFinite(lv.value()) != Double.isFinite(rv.value())) {
                    ambiguous++; // one side undefined where the other is defined: never agreement
                }
                undefined++;
                continue;
            }
            valid++;
            double err = lv.log().error() + rv.log().error();
            double scale = Math.max(Math.max(Math.abs(lv.value()), Math.abs(rv.value())),
                    Math.max(lv.log().l1(), rv.log().l1()));
            worstError = Math.max(worstError, err / Math.max(scale, 1e-300));
            double gap = RandomPointChecker.gap(c.relation(), lv.value(), rv.value());
            // agreement: double rounding of a quadrature sum (far below 1e-12 of |f p|) plus the error estimates;
            // not the random points' 1e-9, which confirmed E[cos t] = 0.60653066 (off by 2.9e-10 from e^(-1/2))
            double tol = AGREE * scale + 100 * err + 1e-300;
            boolean strict = c.relation() == Relation.LESS || c.relation() == Relation.GREATER;
            // both sides cancel to far below the integral of |f p| (E[cos(10 t)] = e^(-50) under N(0, 1)): the
            // agreement is only to 1e-11 of that integral, which cannot tell the value from 0 or from its neighbours
            double values = Math.max(Math.abs(lv.value()), Math.abs(rv.value()));
            // (read only for one integral a side: nested and several integrals record the largest sub-integral)
            boolean cancelled = lv.log().integrals() <= 1 && rv.log().integrals() <= 1
                    && values < CANCELLED * Math.max(lv.log().l1(), rv.log().l1());
            if ((strict ? gap < -tol : gap <= tol) && !cancelled) {
                continue;
            }
            if (cancelled && (strict ? gap < -tol : gap <= tol)) {
                cancelledPoints++; // no evidence either way: not counted as agreeing
                valid--;
                continue;
            }
            if (gap > RandomPointChecker.AGREE * scale + 1e4 * err) {
                Counterexample cx = new Counterexample(ctx.sampler.describe(p), ctx.sampler.describeData(p,
                        PointSampler.DATA_LENGTH), c.entry(), lv.value(), rv.value(), Optional.empty(), Optional.empty());
                return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("quadrature", String.format(Locale.ROOT,
                        "the sides differ by %.3g at a point, far beyond the quadrature's error estimate %.1e "
                                + "(double-exponential quadrature / series, %d integrand evaluations)", gap, err,
                        lv.log().evaluations() + rv.log().evaluations())), Optional.of(cx)));
            }
            ambiguous++;
        }
        if (unresolved > 0) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "quadrature", unresolved + " of " + (valid + unresolved
                    + undefined) + " points had an integral the quadrature could not resolve (it may diverge there, "
                    + "or its mass lies closer to the end of the support than double precision resolves), e.g. at "
                    + unresolvedAt));
        }
        if (cancelledPoints > 0 && ambiguous == 0 && valid < needed) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "quadrature", "at " + cancelledPoints + " of " + (valid
                    + cancelledPoints) + " points both sides are below 1e-8 of the integral of |f p| (the integrand cancels): the "
                    + "quadrature's 1e-11 of that integral cannot tell the value from 0 or from a nearby constant"));
        }
        if (valid < needed || ambiguous > 0) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "quadrature", valid < needed ? "only " + valid
                    + " points where both sides are defined" : ambiguous + " points differ by more than the error "
                    + "estimate but less than a clear difference"));
        }
        return Optional.of(Outcome.of(Verdict.CONFIRMED, "quadrature", String.format(Locale.ROOT,
                "%s at %d %s by double-exponential quadrature / series (asked 1e-12 of the integral of "
                        + "|f p|; agreement within 1e-11 of the sides' scale plus the error estimates; largest "
                        + "estimated error %.1e relative to the sides' scale; %d integrand evaluations)%s",
                c.relation() == Relation.EQUAL ? "equal" : "holds", valid, constant ? "point (no free symbols)" : "random points",
                worstError, evaluations,
                undefined > 0 ? "; " + undefined + " points outside the domain skipped" : "")
                + (cancelledPoints > 0 ? "; " + cancelledPoints + " points where both sides cancel below 1e-8 of the "
                        + "integral of |f p| not counted" : "")));
    }
}
