package org.derivcheck.integrate;

/**
 * Adaptive double-exponential quadrature (Takahasi and Mori 1974): tanh-sinh on a finite segment,
 * exp-sinh on a half-line, both as trapezoidal sums in the transformed variable with the step halved
 * until two levels agree. The error estimate is the difference of the last two levels (conservative once
 * the rule converges, since each halving about doubles the correct digits). Endpoint singularities of
 * the integrand (t^(a-1) near 0) are harmless: nodes cluster double-exponentially at the ends and the
 * integrand receives the exact distance to each end.
 *
 * <p>Hipparchus 3.0 (on the class path through Symja) and Commons Math 3.6 offer fixed Gauss rules,
 * Romberg and an iterative Legendre-Gauss integrator, but no adaptive rule with an error estimate, no
 * infinite ranges and no handling of endpoint singularities, so this one is our own.
 */
public final class DoubleExponential {
    /** The integrand at x, with the exact distances dLo = x - lo and dHi = hi - x (infinite for an infinite end). */
    public interface Integrand {
        double at(double x, double dLo, double dHi);
    }

    /**
     * value: the integral; error: the estimated absolute error; l1: the integral of |f| (the scale the
     * error is relative to); converged: two levels agreed within the tolerance; tailOk: the terms at the
     * ends of the transformed range were negligible (false: the integral may diverge, or mass lies closer
     * to an end than double precision can resolve).
     */
    public record Result(double value, double error, double l1, boolean converged, boolean tailOk, int evaluations) {
        public boolean ok() {
            return converged && tailOk && Double.isFinite(value);
        }

        Result plus(Result o) {
            return new Result(value + o.value, error + o.error, l1 + o.l1, converged && o.converged, tailOk && o.tailOk,
                    evaluations + o.evaluations);
        }
    }

    private static final double HALF_PI = Math.PI / 2;
    private static final int MAX_LEVEL = 8;
    private static final double T_MAX = 6.5;

    private DoubleExponential() {
    }

    /** The integral of f over (lo, hi), split at c (lo &lt; c &lt; hi, or c at a finite end). */
    public static Result integrate(Integrand f, double lo, double hi, double c, double scale, double relTol) {
        if (!(lo < hi)) {
            return new Result(0, 0, 0, true, true, 0);
        }
        if (!(c > lo && c < hi)) {
            c = Double.isFinite(lo) && Double.isFinite(hi) ? lo + (hi - lo) / 2 : Double.isFinite(lo) ? lo + scale
                    : Double.isFinite(hi) ? hi - scale : 0;
        }
        Segment left = Double.isFinite(lo) ? new Finite(lo, c, true, false) : new HalfLine(c, -1, scale);
        Segment right = Double.isFinite(hi) ? new Finite(c, hi, false, true) : new HalfLine(c, 1, scale);
        return run(f, left, relTol, lo, hi).plus(run(f, right, relTol, lo, hi));
    }

    /**
     * The integral of f over (lo, hi), split at c and at each of the places strictly inside (at most 24, in the order
     * given): every piece is integrated by its own rule, so mass next to a place is resolved.
     */
    public static Result integrate(Integrand f, double lo, double hi, double c, double scale, double relTol,
            double[] places) {
        if (places == null || places.length == 0 || !(lo < hi)) {
            return integrate(f, lo, hi, c, scale, relTol);
        }
        java.util.List<Double> inside = new java.util.ArrayList<>();
        double mid = c > lo && c < hi ? c : Double.NaN;
        for (double p : places) {
            if (p > lo && p < hi && Double.isFinite(p)) {
                inside.add(p);
            }
        }
        java.util.TreeSet<Double> cuts = new java.util.TreeSet<>();
        if (!Double.isNaN(mid)) {
            cuts.add(mid);
        }
        for (double p : inside) {
            if (cuts.size() >= 25) {
                break;
            }
            Double near = cuts.floor(p);
            Double above = cuts.ceiling(p);
            double tol = 1e-9 * Math.max(1, Math.abs(p));
            if ((near == null || p - near > tol) && (above == null || above - p > tol)) {
                cuts.add(p);
            }
        }
        if (cuts.isEmpty()) {
            return integrate(f, lo, hi, c, scale, relTol);
        }
        java.util.List<Double> k = new java.util.ArrayList<>(cuts);
        java.util.function.DoublePredicate named = x -> Double.isNaN(mid) || x != mid;
        Segment first = Double.isFinite(lo) ? new Finite(lo, k.get(0), true, false, false, named.test(k.get(0)))
                : new HalfLine(k.get(0), -1, scale, named.test(k.get(0)));
        Result r = run(f, first, relTol, lo, hi);
        for (int i = 0; i + 1 < k.size(); i++) {
            r = r.plus(run(f, new Finite(k.get(i), k.get(i + 1), false, false, named.test(k.get(i)),
                    named.test(k.get(i + 1))), relTol, lo, hi));
        }
        double last = k.get(k.size() - 1);
        Segment end = Double.isFinite(hi) ? new Finite(last, hi, false, true, named.test(last), false)
                : new HalfLine(last, 1, scale, named.test(last));
        return r.plus(run(f, end, relTol, lo, hi));
    }

    /** A map t -> x with its derivative and the exact distances to the support's ends. */
    private interface Segment {
        /** Fills out[0] = x, out[1] = dx/dt; false when x is no longer inside in double precision. */
        boolean node(double t, double[] out, double lo, double hi);

        /**
         * Whether the end toward dir is a place the claim named (not an end of the support or the law's centre):
         * there the mass closer than double resolves is at most the integrand's value times an ulp, so the tail
         * check asks only 1e-6 of the integral.
         */
        default boolean named(int dir) {
            return false;
        }
    }

    private record Finite(double a, double b, boolean aIsLo, boolean bIsHi, boolean aNamed, boolean bNamed)
            implements Segment {
        Finite(double a, double b, boolean aIsLo, boolean bIsHi) {
            this(a, b, aIsLo, bIsHi, false, false);
        }

        @Override
        public boolean named(int dir) {
            return dir < 0 ? aNamed : bNamed;
        }

        @Override
        public boolean node(double t, double[] out, double lo, double hi) {
            double u = HALF_PI * Math.sinh(t);
            double w = b - a;
            double e = Math.exp(-2 * Math.abs(u));
            // distances to the ends without cancellation
            double near = w * e / (1 + e);
            double far = w / (1 + e);
            double dA = u < 0 ? near : far;
            double dB = u < 0 ? far : near;
            double x = u < 0 ? a + dA : b - dB;
            double ch = Math.cosh(u);
            out[0] = x;
            out[1] = w / 2 * HALF_PI * Math.cosh(t) / (ch * ch);
            out[2] = aIsLo ? dA : x - lo;
            out[3] = bIsHi ? dB : Double.isFinite(hi) ? hi - x : Double.POSITIVE_INFINITY;
            if (!aIsLo && !Double.isFinite(lo)) {
                out[2] = Double.POSITIVE_INFINITY;
            }
            // at an end of the support the node stands while its exact distance is positive, even where x itself
            // has rounded onto the end (1 - 1e-20 is 1.0 in double): densities read the distances, and a body that
            // needs x there gets the end (a log(1 - x) then becomes infinite: unresolved, never a value)
            boolean inA = x > a || aIsLo && x == a;
            boolean inB = x < b || bIsHi && x == b;
            return inA && inB && dA > 0 && dB > 0 && Double.isFinite(out[1]);
        }
    }

    private record HalfLine(double c, int dir, double s, boolean cNamed) implements Segment {
        HalfLine(double c, int dir, double s) {
            this(c, dir, s, false);
        }

        @Override
        public boolean named(int toward) {
            return toward < 0 && cNamed; // t -> -inf approaches c
        }

        @Override
        public boolean node(double t, double[] out, double lo, double hi) {
            double e = s * Math.exp(HALF_PI * Math.sinh(t));
            double x = c + dir * e;
            out[0] = x;
            out[1] = e * HALF_PI * Math.cosh(t);
            out[2] = Double.isFinite(lo) ? x - lo : Double.POSITIVE_INFINITY;
            out[3] = Double.isFinite(hi) ? hi - x : Double.POSITIVE_INFINITY;
            return Double.isFinite(x) && e > 0 && x != c && Double.isFinite(out[1]);
        }
    }

    private static Result run(Integrand f, Segment seg, double relTol, double lo, double hi) {
        double[] node = new double[4];
        double h = 1;
        double sum = 0;
        double abs = 0;
        int evals = 0;
        double prev = Double.NaN;
        double value = Double.NaN;
        double l1 = 0;
        double err = Double.POSITIVE_INFINITY;
        boolean converged = false;
        double[] reach = {1, 1};
        for (int level = 0; level <= MAX_LEVEL; level++) {
            int step = level == 0 ? 1 : 2;
            int start = level == 0 ? 0 : 1;
            for (int dir = -1; dir <= 1; dir += 2) {
                for (int k = start; ; k += step) {
                    if (k == 0 && dir == 1) {
                        continue;
                    }
                    double t = dir * k * h;
                    if (Math.abs(t) > T_MAX || !seg.node(t, node, lo, hi)) {
                        break;
                    }
                    double v = f.at(node[0], node[2], node[3]);
                    evals++;
                    double term = v * node[1];
                    if (!Double.isFinite(term) && (node[0] == lo || node[0] == hi)) {
                        break; // x rounded onto the end and the body needs x: the walk ends here, the tail check judges
                    }
                    if (!Double.isFinite(term)) {
                        return new Result(Double.NaN, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, evals);
                    }
                    sum += term;
                    abs += Math.abs(term);
                    // the walk outwards ends at a negligible term beyond the farthest node that carried mass (at any
                    // level): a peak next to a piece's end lies beyond nodes that are all 0
                    int side = dir < 0 ? 0 : 1;
                    if (Math.abs(term) > 1e-18 * abs) {
                        reach[side] = Math.max(reach[side], Math.abs(t));
                    } else if (Math.abs(t) > reach[side] && abs > 0) {
                        break;
                    }
                }
            }
            value = sum * h;
            l1 = abs * h;
            if (level > 0) {
                err = Math.abs(value - prev);
                // an integral whose whole mass is below the normal doubles is known only to its subnormal digits: it
                // has converged as far as double precision goes (an inner integral at a node 1e-312 from a cut of the
                // outer one; it counts for nothing in the outer sum)
                if (level >= 3 && (err <= relTol * l1 || l1 < Double.MIN_NORMAL && err < Double.MIN_NORMAL)) {
                    converged = true;
                    break;
                }
            }
            prev = value;
            h /= 2;
        }
        boolean tailOk = tailCheck(f, seg, lo, hi, relTol, l1);
        return new Result(value, err, l1, converged, tailOk, evals);
    }

    /** The last representable nodes at both ends must contribute nothing measurable. */
    private static boolean tailCheck(Integrand f, Segment seg, double lo, double hi, double relTol, double l1) {
        double[] node = new double[4];
        for (int dir = -1; dir <= 1; dir += 2) {
            double last = 0;
            for (double t = 0; t <= T_MAX; t += 0.125) {
                if (!seg.node(dir * t, node, lo, hi)) {
                    break;
                }
                double term = f.at(node[0], node[2], node[3]) * node[1];
                if (!Double.isFinite(term)) {
                    break;
                }
                last = term;
            }
            if (Math.abs(last) * 0.125 > (seg.named(dir) ? 1e-6 : relTol) * Math.max(l1, 1e-300)) {
                return false;
            }
        }
        return true;
    }
}
