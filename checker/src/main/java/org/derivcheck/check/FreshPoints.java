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
}
