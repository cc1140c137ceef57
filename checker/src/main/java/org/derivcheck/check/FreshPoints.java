package org.derivcheck.check;

import java.util.Optional;
import org.derivcheck.cas.CasException;
import org.hipparchus.random.RandomGenerator;

/** The last check of a claim that random points confirmed: fresh points beyond double precision. */
final class FreshPoints {
    private FreshPoints() {
    }

    /**
     * Agreement within a double tolerance hides differences below it: when random points are all the evidence,
     * a few fresh points are re-checked beyond double precision (exactly, or at 40/80 digits, or with the digits the
     * claim's smallest constant needs: {@link TinyConstants}). Returns the refutation, the confirmation with what was
     * re-checked added to its evidence, or undecided when the claim names a constant below every precision carried.
     */
    static Outcome recheck(Claim c, StepContext ctx, Outcome confirmed) {
        Optional<PreciseCheck> precise = PreciseCheck.of(c.lhs(), c.rhs(), c.relation());
        if (precise.isEmpty() || c.lhs().isAbstract() || c.rhs().isAbstract()) {
            return confirmed;
        }
        CompiledSides f;
        try {
            f = CompiledSides.of(c.lhs(), c.rhs());
        } catch (CasException e) {
            return confirmed;
        }
        int digits = precise.get().exact() ? 0 : TinyConstants.pointDigits(c);
        if (digits < 0) {
            return Outcome.of(Verdict.INCONCLUSIVE, "random points", TinyConstants.beyond(c, TinyConstants.MAX_POINT_DIGITS));
        }
        RandomGenerator rng = ctx.rng(c.entry().hashCode() * 37L + 3);
        Optional<Outcome> product = productNumerator(c, ctx, f, rng);
        if (product.isPresent()) {
            return product.get();
        }
        int done = 0;
        for (int i = 0; i < 3 * RandomPointChecker.RECHECKED && done < RandomPointChecker.RECHECKED && ctx.timeLeft(); i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                break;
            }
            double lv = f.lhs().eval(p.values(), p.data(), rng);
            double rv = f.rhs().eval(p.values(), p.data(), rng);
            if (!Double.isFinite(lv) || !Double.isFinite(rv)) {
                continue;
            }
            double scale = f.scale(p, lv, rv, rng);
            PreciseCheck.At at = digits == 0 ? precise.get().at(p, scale) : TinyConstants.at(precise.get(), p, digits, scale);
            if (at.state() == PreciseCheck.State.FAILS) {
                return new Outcome(Verdict.REFUTED, new Evidence("random points", "the sides agree in double precision but "
                        + "differ beyond it (" + at.how() + ")"), Optional.of(RandomPointChecker.preciseCounterexample(c, ctx, p, at)));
            }
            if (at.state() != PreciseCheck.State.UNDEFINED) {
                done++;
            }
        }
        if (done == 0) {
            return confirmed;
        }
        String how = precise.get().exact() ? "in exact rational arithmetic" : "at " + (digits == 0 ? PreciseCheck.DIGITS
                : digits) + " digits";
        return new Outcome(confirmed.verdict(), new Evidence(confirmed.evidence().method(), confirmed.evidence().detail()
                + "; " + done + " fresh points re-checked " + how), confirmed.counterexample());
    }

    /** A claim's constant this large may make a difference e^-c, below every precision carried. */
    static final double LARGE = 100;
    /** The CAS's time for writing the difference as one fraction. */
    static final long FRACTION_MILLIS = 1_000;

    /**
     * An equality whose constants are large (Tanh(a + 10^4) = 1: the sides differ by 2 e^(-2a - 2 10^4), 10^-8686,
     * which no precision shows at a point): the difference written by the CAS as one fraction, when its numerator
     * is a product without sums, is evaluated by sign and magnitude at a point where both sides are defined;
     * nonzero there refutes.
     */
    private static Optional<Outcome> productNumerator(Claim c, StepContext ctx, CompiledSides f, RandomGenerator rng) {
        if (c.relation() != org.derivcheck.notation.Relation.EQUAL
                || ClaimScales.magnitudes(c.lhs(), c.rhs()).stream().noneMatch(m -> m >= LARGE)) {
            return Optional.empty();
        }
        Optional<org.derivcheck.cas.Expr> n;
        try {
            n = ctx.cas.productNumerator(c.lhs(), c.rhs(), Math.min(FRACTION_MILLIS, ctx.remainingMillis() / 4));
        } catch (CasException e) {
            return Optional.empty();
        }
        Optional<org.derivcheck.cas.NumericFunction.Precise.Magnitude> mag = n.flatMap(
                org.derivcheck.cas.NumericFunction.Precise::magnitude);
        if (mag.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < 10 && ctx.timeLeft(); i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                break;
            }
            double lv = f.lhs().eval(p.values(), p.data(), rng);
            double rv = f.rhs().eval(p.values(), p.data(), rng);
            if (!Double.isFinite(lv) || !Double.isFinite(rv)) {
                continue;
            }
            Optional<org.derivcheck.cas.NumericFunction.Precise.Value> v = mag.get().eval(p.values(), p.data(),
                    PreciseCheck.DIGITS);
            if (v.isPresent() && v.get().signum() != 0) {
                return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("random points", "the sides agree to every "
                        + "digit carried, but the CAS writes lhs - rhs as one fraction whose numerator " + n.get() + " is a "
                        + "product without sums (no cancellation), and it is " + v.get() + " at this point: the sides differ "
                        + "there by less than any precision shows"), Optional.of(new Counterexample(ctx.sampler.describe(p),
                        java.util.Map.of(), c.entry(), lv, rv, Optional.empty(), Optional.empty()))));
            }
            return Optional.empty(); // the numerator is 0 or unknown at a valid point: nothing shown
        }
        return Optional.empty();
    }
}
