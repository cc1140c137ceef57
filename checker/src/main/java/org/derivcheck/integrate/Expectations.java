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

    private Expectations() {
    }

    /** Runs r with every one-dimensional integral on this thread split at the given places (those inside the support). */
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

    /** The same, the quadrature split also at the cuts (points where the body has a kink or a jump). */
    public static DoubleExponential.Result of(Laws.Law law, DoubleUnaryOperator body, double relTol, double[] cuts) {
        if (law.discrete()) {
            return Series.sum(law, body, relTol);
        }
        // the claim's places split the outermost integral only: an integral nested inside it (its body) would be split
        // at each of its nodes again, about 25 times the evaluations per level (a two-variable expectation ran past
        // the step's time limit); the kinks of a body are its own and few
        double[] places = SPLITS.get();
        SPLITS.set(null);
        try {
            return DoubleExponential.integrate((x, dLo, dHi) -> {
                double w = law.pdf().at(x, dLo, dHi);
                return w == 0 ? 0 : w * body.applyAsDouble(x);
            }, law.lo(), law.hi(), law.center(), law.scale(), relTol, both(cuts, places));
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
