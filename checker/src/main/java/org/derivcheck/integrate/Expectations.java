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
     * Runs r with the one-dimensional integrals on this thread split at the given places (those inside the support):
     * an integral that is neither nested nor holds integrals at all of them, the others only where their integrand
     * shows a narrow feature ({@link #features}).
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
        // an integral that is not nested is split at every place; one that holds integrals of its own, or lies inside
        // another, only at the places where its integrand shows a feature narrower than the rule resolves (all pieces
        // everywhere would multiply the inner integrals' cost: a body evaluated once at the centre shows whether it
        // holds an integral of its own)
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
        boolean nested = inner[0] || DEPTH.get()[0] > 0;
        DEPTH.get()[0]++;
        SPLITS.set(places);
        try {
            DoubleExponential.Integrand g = (x, dLo, dHi) -> {
                double w = law.pdf().at(x, dLo, dHi);
                return w == 0 ? 0 : w * body.applyAsDouble(x);
            };
            double[] use = nested ? features(g, law, places) : places;
            return DoubleExponential.integrate(g, law.lo(), law.hi(), law.center(), law.scale(), relTol, both(cuts, use));
        } finally {
            DEPTH.get()[0]--;
        }
    }

    /** How many integrals enclose the one being evaluated on this thread. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /** Steps (in the law's scale) at which second differences show a feature narrower than the quadrature's nodes. */
    private static final double[] STEPS = {1e-1, 1e-2, 1e-3, 1e-4};

    /**
     * The places (inside the support) where the integrand has a narrow peak or a kink: its second difference does
     * not shrink as the step does (a smooth integrand's shrinks a hundredfold per tenfold step, a kink's tenfold,
     * a peak narrower than the step's stays). One evaluation a place where the integrand is 0, nine elsewhere.
     */
    static double[] features(DoubleExponential.Integrand g, Laws.Law law, double[] places) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (double p : places) {
            if (!(p > law.lo() && p < law.hi()) || !Double.isFinite(p)) {
                continue;
            }
            try {
                double c = at(g, law, p);
                if (c == 0) {
                    continue; // no peak or pole centred here (a kink of the body is among its own cuts)
                }
                double prev = Double.NaN;
                boolean feature = false;
                for (double h0 : STEPS) {
                    double h = h0 * law.scale();
                    if (!(p - h > law.lo() && p + h < law.hi())) {
                        continue;
                    }
                    double l = at(g, law, p - h);
                    double r = at(g, law, p + h);
                    double sd = Math.abs(l + r - 2 * c);
                    double size = Math.max(Math.abs(c), Math.max(Math.abs(l), Math.abs(r)));
                    if (!Double.isFinite(sd)) {
                        feature = true; // a singularity next to the place
                        break;
                    }
                    // (centred here: a peak a step away, where a neighbour is far above the value here, is not)
                    if (!Double.isNaN(prev) && sd > 0.05 * prev && sd > 1e-12 * size && Math.abs(c) >= 0.25 * size) {
                        feature = true;
                        break;
                    }
                    prev = sd;
                }
                if (feature) {
                    out.add(p);
                }
            } catch (RuntimeException e) {
                out.add(p); // the integrand fails at the place: its pieces meet the failure on their own
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double at(DoubleExponential.Integrand g, Laws.Law law, double x) {
        double dLo = Double.isFinite(law.lo()) ? x - law.lo() : Double.POSITIVE_INFINITY;
        double dHi = Double.isFinite(law.hi()) ? law.hi() - x : Double.POSITIVE_INFINITY;
        return g.at(x, dLo, dHi);
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
