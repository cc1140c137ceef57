package org.derivcheck.check;

import java.util.Locale;
import java.util.Optional;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.NumericFunction;
import org.derivcheck.notation.Relation;

/**
 * Decides claims that still hold an expectation after the table of moments: at a few random parameter
 * points, the mean of many replicates of lhs - rhs (each expectation evaluated at one draw) estimates the
 * difference without bias when the expectations enter linearly. CONFIRMED when every point's z-score is
 * below 4.4 (two-sided p = 1e-5); REFUTED only when a point's z-score exceeds 6 and stays above 6 with
 * four times as many fresh draws; otherwise INCONCLUSIVE.
 */
final class MonteCarloChecker implements Checker {
    static final double ACCEPT_Z = 4.4;
    static final double REJECT_Z = 6.0;
    private static final int POINTS = 4;
    private final int draws;

    MonteCarloChecker(int draws) {
        this.draws = draws;
    }

    /** Above this Pareto k-hat of the replicates' tail the variance may be infinite and a z-score means nothing. */
    static final double MAX_K = 0.5;

    /** Fewer draws than this that differ from the others leave the estimate resting on a rare event. */
    private static final int MIN_DIFFERENT = 30;

    private record Estimate(double mean, double se, double lhs, double rhs, double scale, double k, int different, int n) {
        double z() {
            return se == 0 ? (Math.abs(mean) <= 1e-9 * scale ? 0 : Double.POSITIVE_INFINITY) : mean / se;
        }
    }

    @Override
    public Optional<Outcome> check(Claim c, StepContext ctx) {
        if (c.lhs().isAbstract() || c.rhs().isAbstract() || !c.lhs().hasExpectation() && !c.rhs().hasExpectation()) {
            return Optional.empty();
        }
        if (!Cas.expectationsLinear(c.lhs()) || !Cas.expectationsLinear(c.rhs())) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "Monte Carlo", "an expectation without a closed form "
                    + "appears inside a non-linear function, where averaging draws would be biased"));
        }
        NumericFunction l;
        NumericFunction r;
        try {
            l = Cas.compile(c.lhs());
            r = Cas.compile(c.rhs());
        } catch (CasException e) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "Monte Carlo", e.getMessage()));
        }
        RandomGenerator rng = ctx.rng(c.entry().hashCode() * 131L + 11);
        double worstZ = 0;
        String interval = "";
        for (int k = 0; k < POINTS && ctx.timeLeft(); k++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "Monte Carlo", "could not draw points that satisfy "
                        + "the assumptions"));
            }
            Estimate e = estimate(l, r, p, rng, draws, c.relation());
            if (e == null) {
                continue;
            }
            if (e.different() < MIN_DIFFERENT) {
                // e^(-10^6 (x(1) - 3)^2) under a standard normal: no draw reaches the peak, every value is 0, the
                // standard error is 0 and a z-score of 0 would confirm any bound above 0
                return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "Monte Carlo", String.format(Locale.ROOT,
                        "only %d of %d draws differ from the others at %s: the mass may lie where (almost) no draw falls "
                                + "(a narrow peak, a rare event), so the variance estimate says nothing",
                        e.different(), e.n(), ctx.sampler.describe(p))));
            }
            if (e.k() > MAX_K) {
                return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "Monte Carlo", String.format(Locale.ROOT,
                        "the replicates are heavy-tailed (Pareto k-hat %.2f > %.1f at %s): the variance may be infinite, so "
                                + "neither agreement nor a z-score can be trusted", e.k(), MAX_K, ctx.sampler.describe(p))));
            }
            double z = e.z();
            if (k == 0) {
                interval = String.format(Locale.ROOT, "at the first point lhs - rhs = %.4g, 99.999%% interval [%.4g, %.4g] "
                        + "(a difference below about %.2g could not have been detected; tail k-hat %.2f)",
                        e.mean(), e.mean() - ACCEPT_Z * e.se(), e.mean() + ACCEPT_Z * e.se(), (ACCEPT_Z + 1) * e.se(), e.k());
            }
            boolean violated = c.relation() == Relation.EQUAL ? Math.abs(z) > REJECT_Z : z > REJECT_Z;
            if (violated && Math.abs(e.mean()) > 1e-6 * e.scale()) {
                Estimate again = estimate(l, r, p, ctx.rng(977L + k), 4 * draws, c.relation());
                double z2 = again == null || again.k() > MAX_K ? 0 : again.z();
                boolean still = c.relation() == Relation.EQUAL ? Math.abs(z2) > REJECT_Z : z2 > REJECT_Z;
                if (still) {
                    Counterexample cx = new Counterexample(ctx.sampler.describe(p), ctx.sampler.describeData(p,
                            PointSampler.DATA_LENGTH), c.entry(), again.lhs(), again.rhs(), Optional.empty(), Optional.empty());
                    return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("Monte Carlo", String.format(Locale.ROOT,
                            "%d draws: lhs - rhs = %.4g +- %.2g (z = %.1f), confirmed with %d fresh draws (z = %.1f)",
                            draws, e.mean(), e.se(), z, 4 * draws, z2)), Optional.of(cx)));
                }
            }
            double absZ = c.relation() == Relation.EQUAL ? Math.abs(z) : Math.max(0, z);
            worstZ = Math.max(worstZ, absZ);
        }
        if (worstZ <= ACCEPT_Z) {
            return Optional.of(Outcome.of(Verdict.CONFIRMED, "Monte Carlo", String.format(Locale.ROOT,
                    "%d parameter points x %d draws (seed %d); largest |z| = %.2f <= %.1f; %s", POINTS, draws, ctx.seed,
                    worstZ, ACCEPT_Z, interval)));
        }
        return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "Monte Carlo", String.format(Locale.ROOT,
                "largest |z| = %.2f: neither within %.1f nor clearly beyond %.1f", worstZ, ACCEPT_Z, REJECT_Z)));
    }

    /** Mean and standard error of lhs - rhs (or of the violation for inequalities) over n replicates. */
    private static Estimate estimate(NumericFunction l, NumericFunction r, PointSampler.Point p, RandomGenerator rng,
            int n, Relation rel) {
        double sum = 0;
        double sumSq = 0;
        double sl = 0;
        double sr = 0;
        double scale = 0;
        int ok = 0;
        double[] ds = new double[n];
        for (int i = 0; i < n; i++) {
            double lv = l.eval(p.values(), p.data(), rng);
            double rv = r.eval(p.values(), p.data(), rng);
            if (!Double.isFinite(lv) || !Double.isFinite(rv)) {
                continue;
            }
            double d = switch (rel) {
                case EQUAL -> lv - rv;
                case LESS_EQUAL, LESS -> lv - rv;
                case GREATER_EQUAL, GREATER -> rv - lv;
            };
            ds[ok] = d;
            ok++;
            sum += d;
            sumSq += d * d;
            sl += lv;
            sr += rv;
            scale = Math.max(scale, Math.max(Math.abs(lv), Math.abs(rv)));
        }
        if (ok < n / 2) {
            return null;
        }
        double mean = sum / ok;
        double var = Math.max(0, (sumSq - ok * mean * mean) / (ok - 1));
        // draws that differ from the most common value
        double[] sorted = java.util.Arrays.copyOf(ds, ok);
        java.util.Arrays.sort(sorted);
        int mode = 0;
        for (int i = 0, run = 0; i < ok; i++) {
            run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
            mode = Math.max(mode, run);
        }
        int different = ok - mode;
        double k = org.derivcheck.integrate.ParetoK.ofDeviations(ds, ok);
        return new Estimate(mean, Math.sqrt(var / ok), sl / ok, sr / ok, Math.max(scale, 1e-300), Double.isNaN(k) ? 0 : k,
                different, ok);
    }
}
