package org.derivcheck.integrate;

import java.util.function.DoubleUnaryOperator;

/** E[body(x)] under a one-dimensional law, deterministically: a series for a discrete law, double-exponential quadrature otherwise. */
public final class Expectations {
    /**
     * Places where the integrals evaluated on this thread are split ({@link #splitAt}): a narrow peak or a kink away
     * from the law's centre (e^(-10^6 (t - 3)^2) under N(0, 1)) falls between all the nodes of one rule, which then
     * returns 0 with an error estimate of 0; nodes cluster double-exponentially at the ends of every piece.
     */
    private static final ThreadLocal<double[]> SPLITS = new ThreadLocal<>();
    /** Set while a body is probed for integrals of its own. */
    private static final ThreadLocal<boolean[]> PROBE = new ThreadLocal<>();

    private Expectations() {
    }

    /**
     * Runs r with the one-dimensional integrals on this thread split at the given places (those inside the support);
     * of a nested integral only the outermost.
     */
    public static <T> T splitAt(double[] places, java.util.function.Supplier<T> r) {
        double[] saved = SPLITS.get();
        SPLITS.set(places);
        try {
            return r.get();
        } finally {
            SPLITS.set(saved);
        }
    }

    public static DoubleExponential.Result of(Laws.Law law, DoubleUnaryOperator body, double relTol) {
        return of(law, body, relTol, new double[0]);
    }

    /** The same, the quadrature split also at the cuts (points where the body has a kink: its own, so nested ones too). */
    public static DoubleExponential.Result of(Laws.Law law, DoubleUnaryOperator body, double relTol, double[] cuts) {
        boolean[] probe = PROBE.get();
        if (probe != null) {
            probe[0] = true;
        }
        if (law.discrete()) {
            return Series.sum(law, body, relTol);
        }
        double[] places = SPLITS.get();
        if (places == null) {
            return DoubleExponential.integrate((x, dLo, dHi) -> {
                double w = law.pdf().at(x, dLo, dHi);
                return w == 0 ? 0 : w * body.applyAsDouble(x);
            }, law.lo(), law.hi(), law.center(), law.scale(), relTol, cuts);
        }
        // only an integral that is not nested is split: the pieces would multiply the inner integrals' cost (a body
        // evaluated once at the centre shows whether it holds an integral of its own)
        SPLITS.remove();
        boolean[] inner = {false};
        boolean[] saved = PROBE.get();
        PROBE.set(inner);
        try {
            body.applyAsDouble(law.center());
        } catch (RuntimeException e) {
            inner[0] = true; // decided by the unsplit rule below, which meets the same failure
        } finally {
            PROBE.set(saved);
        }
        double[] use = inner[0] ? null : places;
        try {
            return DoubleExponential.integrate((x, dLo, dHi) -> {
                double w = law.pdf().at(x, dLo, dHi);
                return w == 0 ? 0 : w * body.applyAsDouble(x);
            }, law.lo(), law.hi(), law.center(), law.scale(), relTol, both(cuts, use));
        } finally {
            SPLITS.set(places);
        }
    }

    /** The kinks of the body and the places of the claim together (either may be absent). */
    private static double[] both(double[] cuts, double[] places) {
        if (places == null || places.length == 0) {
            return cuts;
        }
        if (cuts.length == 0) {
            return places;
        }
        double[] all = java.util.Arrays.copyOf(cuts, cuts.length + places.length);
        System.arraycopy(places, 0, all, cuts.length, places.length);
        return all;
    }
}
