package org.derivcheck.check;

import java.util.Locale;
import java.util.Optional;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.NumericFunction.FiniteModel;
import org.derivcheck.cas.NumericFunction;
import org.derivcheck.notation.Relation;

/**
 * Exact finite instantiation: an identity that holds for every density holds for random discrete ones.
 * Each abstract density becomes a random positive table over supports of size 2 to 4, so every
 * expectation and integral is an exact finite sum. Most instances give the variables cell widths other
 * than 1 (densities are then mass/width and may exceed 1), so that a claim true only of probability
 * tables, such as a nonnegative entropy, is refuted as it would be for continuous densities. Equalities must agree to 1e-9 of max(1, |sides|)
 * (double rounding of sums of at most a few thousand O(1) terms is below 1e-12); with numeric derivatives
 * (Richardson central differences, error about 1e-10) to 1e-6. Inequalities must hold on every
 * instance. A failure is REFUTED with the smallest failing instance, its tables printed. Where double cannot
 * decide, decimals do ({@link PreciseInstances}): an instance whose sides agree to rounding or differ by less than a
 * clear difference, a clear double failure (confirmed, or dropped as a rounding artefact), and, when no double
 * instance fails, instances at the logarithmic scale of the claim's constants (masses e^-L, widths e^(+-L)).
 */
final class InstantiationChecker implements Checker {
    private final int instances;

    InstantiationChecker(int instances) {
        this.instances = instances;
    }

    /** Cells beyond which an instance's sums may round above the agreement tolerance. */
    static final int LARGE = 100;
    /** Instances at the claim's own magnitudes (when it names any beyond 1e-2 to 1e2). */
    static final int SCALED = 48;

    /**
     * The decimal re-decision of instances ({@link PreciseInstances}): at most {@link #RECHECKS} double instances
     * (of at most {@link #RECHECK_CELLS} cells) and the logarithmic-scale ones, within the step's time.
     */
    private static final class Recheck {
        static final int RECHECKS = 24;
        static final int RECHECK_CELLS = 2000;
        private final Optional<PreciseInstances> claim;
        private final Instances factory;
        private final StepContext ctx;
        private int used;
        /** Digits beyond the usual that the claim's tiny constants need. */
        private final int extra;
        private boolean unsupported;
        private Counterexample failure;

        Recheck(Optional<PreciseInstances> claim, Instances factory, StepContext ctx, int extra) {
            this.claim = claim;
            this.factory = factory;
            this.ctx = ctx;
            this.extra = extra;
        }

        /** Whether the claim has constants below 10^-6, which double agreement cannot tell from 0. */
        boolean fine() {
            return extra > 0 && claim.isPresent();
        }

        Counterexample failure() {
            return failure;
        }

        private boolean usable() {
            return claim.isPresent() && !unsupported && ctx.timeLeft();
        }

        /** A double instance decided again in decimals (UNDECIDED when it cannot be). */
        PreciseInstances.Result decide(FiniteModel m, PointSampler.Point p) {
            if (!usable() || used >= RECHECKS || m.weight() > RECHECK_CELLS) {
                return PreciseInstances.Result.UNDECIDED;
            }
            used++;
            Optional<PreciseTree.Model> pm = PreciseInstances.of(m, factory.densities(), factory.finiteVariables());
            return pm.isEmpty() ? PreciseInstances.Result.UNDECIDED : decide(pm.get(), p);
        }

        private PreciseInstances.Result decide(PreciseTree.Model pm, PointSampler.Point p) {
            try {
                PreciseInstances.Decision d = claim.get().decide(pm, scalars(p), extra);
                if (d.result() == PreciseInstances.Result.FAILS && failure == null) {
                    failure = new Counterexample(ctx.sampler.describe(p), java.util.Map.of(), "", d.lhsValue(),
                            d.rhsValue(), Optional.empty(), Optional.empty(), Optional.of(PreciseInstances.describe(pm,
                            factory.densities()) + (d.where().isEmpty() ? "" : "; " + d.where())))
                            .withPrecise(d.lhs(), d.rhs(), d.lhsValue(), d.rhsValue(), "in decimals");
                }
                return d.result();
            } catch (PreciseTree.Unsupported e) {
                unsupported = true;
                return PreciseInstances.Result.UNDECIDED;
            }
        }

        /** Why one side is outside its real domain on a double instance where the other is defined, or null. */
        String definedApart(FiniteModel m, PointSampler.Point p) {
            if (!usable() || used >= RECHECKS || m.weight() > RECHECK_CELLS) {
                return null;
            }
            used++;
            Optional<PreciseTree.Model> pm = PreciseInstances.of(m, factory.densities(), factory.finiteVariables());
            try {
                return pm.isEmpty() ? null : claim.get().definedApart(pm.get(), scalars(p));
            } catch (PreciseTree.Unsupported | PreciseTree.Undefined e) {
                if (e instanceof PreciseTree.Unsupported) {
                    unsupported = true;
                }
                return null;
            }
        }

        /** The instances at the logarithmic levels of the claim's constants, until one fails. */
        void logScaled(java.util.List<Double> levels) {
            for (double level : levels) {
                for (PreciseTree.Model pm : PreciseInstances.logScaled(level, factory.densities(), factory.leastSizes())) {
                    if (!usable() || failure != null) {
                        return;
                    }
                    PointSampler.Point p = ctx.sampler.next(ctx.rng(Double.hashCode(level)));
                    if (p != null) {
                        decide(pm, p);
                    }
                }
            }
        }

        private java.util.Map<String, java.math.BigDecimal> scalars(PointSampler.Point p) {
            java.util.Map<String, java.math.BigDecimal> out = new java.util.HashMap<>();
            var decls = ctx.sampler.scalars();
            for (int i = 0; i < decls.size(); i++) {
                double v = p.values()[ctx.sampler.indexOf(decls.get(i).name())];
                if (decls.get(i).domain() != org.derivcheck.derivation.Domain.FINITE && Double.isFinite(v)) {
                    out.put(decls.get(i).name(), new java.math.BigDecimal(v));
                }
            }
            return out;
        }
    }

    /**
     * Supports (values a variable) at which the margin of a logarithmic bound is compared: a factor 7.5 apart (2 in
     * the logarithm), small enough that a sum over two variables nested in another (a mutual information's
     * marginals at every cell) costs a few million terms.
     */
    private static final int SMALLER_SUPPORT = 20;
    private static final int LARGER_SUPPORT = 150;

    /**
     * A logarithmic bound by a constant of 4 or more (a mutual information <= 20) can fail only on supports of about
     * e^c values a variable, beyond the largest instance (2 e^7 values, fewer for a density over several variables:
     * at most 2e5 cells). The margin is measured on instances of two sizes built as the large ones (masses on the
     * diagonal, uniform over one variable): when it shrinks with the logarithm of the support size, it would vanish
     * on a support too large to build, and the instances decide nothing. Empty when the margin does not shrink (or the claim has no
     * such constant).
     */
    private static Optional<String> shrinkingMargin(Claim c, NumericFunction l, NumericFunction r, Instances factory,
            StepContext ctx, RandomGenerator rng) {
        if (c.relation() == Relation.EQUAL || !PreciseInstances.hasLog(c)) {
            return Optional.empty();
        }
        boolean large = false;
        for (double v : ClaimScales.magnitudes(c.lhs(), c.rhs())) {
            large |= Math.abs(v) >= 4;
        }
        if (!large) {
            return Optional.empty();
        }
        for (boolean concentrated : new boolean[] {false, true}) {
            Optional<String> s = shrinking(c, l, r, factory, ctx, rng, concentrated);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    /** The margin on the instances of two sizes, uniform (diagonal) or concentrated ({@link Instances#ofSize}). */
    private static Optional<String> shrinking(Claim c, NumericFunction l, NumericFunction r, Instances factory,
            StepContext ctx, RandomGenerator rng, boolean concentrated) {
        Optional<FiniteModel> small = factory.ofSize(SMALLER_SUPPORT, rng, concentrated);
        Optional<FiniteModel> big = factory.ofSize(LARGER_SUPPORT, rng, concentrated);
        PointSampler.Point p = ctx.sampler.next(rng);
        if (small.isEmpty() || big.isEmpty() || p == null || !ctx.timeLeft()) {
            return Optional.empty();
        }
        double n1 = largestSize(small.get(), factory);
        double n2 = largestSize(big.get(), factory);
        if (!(n2 > 1.5 * n1)) {
            return Optional.empty();
        }
        double m1 = -RandomPointChecker.gap(c.relation(), l.eval(p.values(), p.data(), rng, small.get()),
                r.eval(p.values(), p.data(), rng, small.get()));
        double m2 = -RandomPointChecker.gap(c.relation(), l.eval(p.values(), p.data(), rng, big.get()),
                r.eval(p.values(), p.data(), rng, big.get()));
        if (!Double.isFinite(m1) || !Double.isFinite(m2)) {
            return Optional.empty();
        }
        double slope = (m1 - m2) / Math.log(n2 / n1);
        if (!(slope > 0.1)) {
            return Optional.empty();
        }
        double needed = Math.log(n2) + Math.max(m2, 0) / slope;
        return Optional.of(String.format(Locale.ROOT, "its margin shrinks by %.3g per e-fold of the support (%.4g on "
                + "%d values a variable, %.4g on %d, densities %s): it would vanish near e^%.3g values, beyond the largest "
                + "instance", slope, m1, (int) n1, m2, (int) n2, concentrated ? "concentrated" : "uniform", needed));
    }

    private static double largestSize(FiniteModel m, Instances factory) {
        int n = 1;
        for (String v : factory.finiteVariables()) {
            n = Math.max(n, m.size(v));
        }
        return n;
    }

    @Override
    public Optional<Outcome> check(Claim c, StepContext ctx) {
        if (!c.lhs().isAbstract() && !c.rhs().isAbstract()) {
            return Optional.empty();
        }
        NumericFunction l;
        NumericFunction r;
        try {
            l = org.derivcheck.cas.Cas.compile(c.lhs());
            r = org.derivcheck.cas.Cas.compile(c.rhs());
        } catch (CasException e) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "finite instances", e.getMessage()));
        }
        boolean approx = l.approximate() || r.approximate();
        double agree = approx ? 1e-6 : 1e-9;
        double differ = approx ? 1e-4 : 1e-6;
        Instances factory = ctx.instances;
        RandomGenerator rng = ctx.rng(c.entry().hashCode() * 17L + 3);
        int total = instances + Instances.EDGE_CASES;
        int valid = 0;
        int ambiguous = 0;
        Counterexample best = null;
        int bestWeight = Integer.MAX_VALUE;
        int failures = 0;
        int nearEqual = 0;
        int roundingLarge = 0;
        // then instances at the magnitudes the claim names (widths, densities and tiny masses beyond the random ones)
        java.util.List<Double> mags = ClaimScales.values(c.lhs(), c.rhs()).stream().map(Math::abs).distinct().limit(8)
                .toList();
        int scaled = mags.isEmpty() ? 0 : SCALED;
        // and, for a claim with a logarithm, supports as large as its constants name (Instances.supported)
        java.util.List<FiniteModel> sized = new java.util.ArrayList<>();
        if (!approx && PreciseInstances.hasLog(c)) {
            for (double g : ClaimScales.magnitudes(c.lhs(), c.rhs())) {
                if (sized.size() < 4) {
                    factory.supported(g, rng).ifPresent(sized::add);
                }
            }
        }
        // instances the double evaluation cannot decide are decided again in decimals (not with numeric derivatives)
        Recheck precise = new Recheck(approx ? Optional.empty() : PreciseInstances.of(c, factory.densities()),
                factory, ctx, ClaimScales.tinyDigits(c.lhs(), c.rhs()));
        for (int i = 0; i < total + scaled + sized.size() && ctx.timeLeft(); i++) {
            FiniteModel m = i < total ? factory.make(i, rng, !approx) : i >= total + scaled ? sized.get(i - total - scaled)
                    : factory.scaled(i - total, mags.get((i - total) % (SCALED / 2) / 6 % mags.size()), rng);
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "finite instances", "could not draw points that satisfy "
                        + "the assumptions"));
            }
            factory.observe(ctx.sampler, p, m, rng);
            double lv = l.eval(p.values(), p.data(), rng, m);
            double rv = r.eval(p.values(), p.data(), rng, m);
            if (!Double.isFinite(lv) || !Double.isFinite(rv)) {
                // one side outside its real domain where the other has a value (Log(f(z)^2) = 2 Log(f(z)) with f < 0):
                // on a random instance (not an isolated point) a difference under real semantics; decimals confirm it
                if (i >= Instances.EDGE_CASES && i < total && Double.isNaN(lv) != Double.isNaN(rv)) {
                    String why = precise.definedApart(m, p);
                    if (why != null) {
                        failures++;
                        if (best == null || m.weight() < bestWeight) {
                            bestWeight = m.weight();
                            best = new Counterexample(ctx.sampler.describe(p), java.util.Map.of(), c.entry(), lv, rv,
                                    Optional.empty(), Optional.empty(), Optional.of(m.describe(factory.densities())
                                            + " (" + why + ")"));
                        }
                    }
                }
                continue;
            }
            valid++;
            // the floor 1: log-probabilities are O(1) and sums of them cancel, so rounding is absolute, not relative
            double scale = Math.max(1, Math.max(Math.abs(lv), Math.abs(rv)));
            double gap = RandomPointChecker.gap(c.relation(), lv, rv);
            boolean strict = RandomPointChecker.strict(c.relation());
            if (strict && Math.abs(gap) <= agree * scale) {
                // equal on this instance to rounding: on an edge instance (uniform, q = p, constant f) the sides
                // are equal in exact arithmetic (sums of at most a few thousand terms round below 1e-12)
                if (i < Instances.EDGE_CASES && Math.abs(gap) <= 1e-12 * scale) {
                    failures++;
                    if (best == null || m.weight() < bestWeight) {
                        bestWeight = m.weight();
                        best = new Counterexample(ctx.sampler.describe(p), java.util.Map.of(), c.entry(), lv, rv,
                                Optional.empty(), Optional.empty(), Optional.of(m.describe(factory.densities())
                                        + " (an edge instance: the sides are equal, so '" + c.relation().symbol()
                                        + "' fails)"));
                    }
                } else {
                    PreciseInstances.Result rr = precise.decide(m, p);
                    if (rr == PreciseInstances.Result.FAILS) {
                        failures++;
                    } else if (rr != PreciseInstances.Result.HOLDS) {
                        nearEqual++;
                    }
                }
                continue;
            }
            if (gap <= agree * scale) {
                // agreement to rounding does not tell an equality from a violation by a tiny constant of the claim
                // (E_q log p <= log E_q p - 10^-300 at q = p uniform): decimals with the digits it needs decide
                if (precise.fine() && Math.abs(gap) <= agree * scale
                        && precise.decide(m, p) == PreciseInstances.Result.FAILS) {
                    failures++;
                }
                continue;
            }
            // an inequality between small values: relative to the values, above the rounding of O(1) sums
            boolean clear = gap > differ * scale || (c.relation() != Relation.EQUAL
                    && gap > differ * Math.max(Math.abs(lv), Math.abs(rv)) && gap > 1e-10);
            if (clear) {
                // a double artefact (cancellation at extreme widths) is not a failure: decimals decide
                PreciseInstances.Result rr = precise.decide(m, p);
                if (rr == PreciseInstances.Result.HOLDS) {
                    continue;
                }
                failures++;
                if (m.weight() < bestWeight) {
                    bestWeight = m.weight();
                    java.util.Set<String> free = new java.util.LinkedHashSet<>(c.lhs().freeFiniteVariables());
                    free.addAll(c.rhs().freeFiniteVariables());
                    String observed = factory.describeObserved(ctx.sampler, p, free);
                    String tables = m.describe(factory.densities()) + (observed.isEmpty() ? "" : "; at " + observed);
                    best = new Counterexample(ctx.sampler.describe(p), java.util.Map.of(), c.entry(), lv, rv,
                            Optional.empty(), Optional.empty(), Optional.of(tables));
                }
                continue;
            }
            PreciseInstances.Result rr = precise.decide(m, p);
            if (rr == PreciseInstances.Result.FAILS) {
                failures++;
                continue;
            }
            if (rr == PreciseInstances.Result.HOLDS) {
                continue;
            }
            if (m.weight() > LARGE) {
                roundingLarge++; // sums over thousands of cells round above the tolerance: this instance decides nothing
                continue;
            }
            ambiguous++;
        }
        if (best == null && precise.failure() == null) {
            // at the logarithmic scale of the claim's constants: masses e^-L, widths e^(+-L) (beyond double's range)
            precise.logScaled(PreciseInstances.levels(ClaimScales.magnitudes(c.lhs(), c.rhs()),
                    ClaimScales.logMagnitudes(c.lhs(), c.rhs())));
        }
        if (best == null && precise.failure() != null) {
            best = precise.failure();
            failures = Math.max(failures, 1);
            valid = Math.max(valid, failures);
        }
        if (best != null) {
            return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("finite instances", String.format(Locale.ROOT,
                    "fails on %d of %d finite instances (smallest shown)", failures, valid)), Optional.of(best)));
        }
        if (valid < Math.max(10, total / 10)) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "finite instances", "only " + valid + " of " + total
                    + " instances were in the domain of both sides"));
        }
        if (nearEqual > 0) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "finite instances", "the relation is strict, but on "
                    + nearEqual + " instances the sides agree to rounding: the margin may reach 0"));
        }
        double far = approx ? Double.NaN : PreciseInstances.beyondReach(c);
        if (!Double.isNaN(far)) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "finite instances", String.format(Locale.ROOT,
                    "holds on %d finite instances, but the claim bounds a logarithmic quantity by a constant near %.3g: "
                            + "it could fail only on instances with cell masses or widths near e^(-%.3g), beyond what "
                            + "even decimal instances hold", valid, far, Math.abs(far))));
        }
        if (ambiguous > 0) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "finite instances", ambiguous
                    + " instances differ by more than rounding but less than a clear difference"));
        }
        Optional<String> shrinking = approx ? Optional.empty() : shrinkingMargin(c, l, r, factory, ctx, rng);
        if (shrinking.isPresent()) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "finite instances", "holds on " + valid
                    + " finite instances, but " + shrinking.get()));
        }
        return Optional.of(Outcome.of(Verdict.CONFIRMED, "finite instances", String.format(Locale.ROOT,
                "%s on %d exact finite instances (%d random: supports of size 2-4 unless declared, also up to 40 cells "
                        + "(10^3 to 10^4 in all), cell widths 0.05-5 and 1e-3 to 1e3, skewed tables, and at the claim's own magnitudes (in decimals beyond double's range); and %d edge cases: uniform, near-zero mass, nearly "
                        + "degenerate, equal densities with constant functions); tolerance %.0e%s",
                c.relation() == Relation.EQUAL ? "equal" : "holds", valid, valid - Instances.EDGE_CASES,
                Instances.EDGE_CASES, agree, approx ? " (numeric derivatives)" : " (exact sums)")
                + (roundingLarge == 0 ? "" : "; " + roundingLarge + " large instances skipped (a difference between "
                + "rounding and a clear one)")));
    }
}
