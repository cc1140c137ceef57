package org.derivcheck.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.SymbolDecl;

/**
 * The search for a violation or an equality of an inequality: minimizes the margin (rhs - lhs for
 * {@code <}, {@code <=}; lhs - rhs for {@code >}, {@code >=}) over the scalar symbols by Nelder-Mead from
 * several starts, each coordinate mapped to its domain (exp for positive symbols, a logistic map for
 * probabilities and intervals, integers rounded), and then snaps the best points to nearby simple values
 * (integers, half-integers, 1 to 3 significant digits, all coordinates equal), where an equality can be
 * exact. Returns the points to test; the caller decides what they show.
 */
final class MarginSearch {
    /** Margin evaluations per start. */
    static final int EVALS = 160;
    private final List<SymbolDecl> scalars;
    private final java.util.Set<String> free;

    /** A search over the scalars the claim depends on ({@code free}: their names; the others stay fixed). */
    MarginSearch(List<SymbolDecl> scalars, java.util.Set<String> free) {
        this.scalars = scalars;
        this.free = free;
    }

    /** Points to test: the minimizer of each start, and its snapped neighbours. NaN margins count as +inf. */
    List<double[]> search(List<double[]> starts, ToDoubleFunction<double[]> margin) {
        Set<List<Double>> seen = new LinkedHashSet<>();
        List<double[]> out = new ArrayList<>();
        int[] free = freeCoordinates();
        if (free.length == 0) {
            return out;
        }
        for (double[] start : starts) {
            double[] best = minimize(start, free, margin);
            add(out, seen, best);
            for (double[] s : snaps(best, free)) {
                add(out, seen, s);
            }
        }
        return out;
    }

    private static void add(List<double[]> out, Set<List<Double>> seen, double[] p) {
        List<Double> key = new ArrayList<>();
        for (double x : p) {
            key.add(x);
        }
        if (seen.add(key)) {
            out.add(p);
        }
    }

    private int[] freeCoordinates() {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < scalars.size(); i++) {
            if (scalars.get(i).domain() != Domain.FINITE && free.contains(scalars.get(i).name())) {
                idx.add(i);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Nelder-Mead in the unconstrained coordinates t (x = map(t)). */
    private double[] minimize(double[] start, int[] free, ToDoubleFunction<double[]> margin) {
        int n = free.length;
        double[][] simplex = new double[n + 1][n];
        double[] fx = new double[n + 1];
        for (int k = 0; k < n; k++) {
            simplex[0][k] = toT(scalars.get(free[k]), start[free[k]]);
        }
        for (int j = 1; j <= n; j++) {
            simplex[j] = simplex[0].clone();
            simplex[j][j - 1] += Math.max(0.5, 0.25 * Math.abs(simplex[0][j - 1]));
        }
        for (int j = 0; j <= n; j++) {
            fx[j] = value(simplex[j], start, free, margin);
        }
        int evals = n + 1;
        while (evals < EVALS) {
            // order: best first
            Integer[] order = new Integer[n + 1];
            for (int j = 0; j <= n; j++) {
                order[j] = j;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(fx[a], fx[b]));
            double[][] s2 = new double[n + 1][];
            double[] f2 = new double[n + 1];
            for (int j = 0; j <= n; j++) {
                s2[j] = simplex[order[j]];
                f2[j] = fx[order[j]];
            }
            System.arraycopy(s2, 0, simplex, 0, n + 1);
            System.arraycopy(f2, 0, fx, 0, n + 1);
            if (fx[0] < 0 && fx[0] < -1e-6 * Math.abs(fx[n])) {
                break; // a clear violation: the caller checks it
            }
            double[] c = new double[n];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[k] += simplex[j][k] / n;
                }
            }
            double[] r = affine(c, simplex[n], -1);
            double fr = value(r, start, free, margin);
            evals++;
            if (fr < fx[0]) {
                double[] e = affine(c, simplex[n], -2);
                double fe = value(e, start, free, margin);
                evals++;
                if (fe < fr) {
                    simplex[n] = e;
                    fx[n] = fe;
                } else {
                    simplex[n] = r;
                    fx[n] = fr;
                }
            } else if (fr < fx[n - 1]) {
                simplex[n] = r;
                fx[n] = fr;
            } else {
                double[] k = affine(c, simplex[n], 0.5);
                double fk = value(k, start, free, margin);
                evals++;
                if (fk < fx[n]) {
                    simplex[n] = k;
                    fx[n] = fk;
                } else {
                    for (int j = 1; j <= n; j++) {
                        simplex[j] = affine(simplex[0], simplex[j], 0.5);
                        fx[j] = value(simplex[j], start, free, margin);
                        evals++;
                    }
                }
            }
        }
        int best = 0;
        for (int j = 1; j <= n; j++) {
            if (fx[j] < fx[best]) {
                best = j;
            }
        }
        return point(simplex[best], start, free);
    }

    /** c + a (p - c). */
    private static double[] affine(double[] c, double[] p, double a) {
        double[] out = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            out[k] = c[k] + a * (p[k] - c[k]);
        }
        return out;
    }

    private double value(double[] t, double[] start, int[] free, ToDoubleFunction<double[]> margin) {
        double v = margin.applyAsDouble(point(t, start, free));
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    private double[] point(double[] t, double[] start, int[] free) {
        double[] x = start.clone();
        for (int k = 0; k < free.length; k++) {
            x[free[k]] = fromT(scalars.get(free[k]), t[k]);
        }
        return x;
    }

    private static double logistic(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    static double toT(SymbolDecl s, double x) {
        return switch (s.domain()) {
            case POSITIVE, NONNEGATIVE -> Math.log(Math.max(x, 1e-300));
            case NEGATIVE -> Math.log(Math.max(-x, 1e-300));
            case PROBABILITY -> Math.log(x / (1 - x));
            case INTERVAL -> {
                double u = (x - s.min()) / (s.max() - s.min());
                yield Math.log(u / (1 - u));
            }
            default -> x;
        };
    }

    static double fromT(SymbolDecl s, double t) {
        // wide enough for the places a claim's constants name (Log(a) < 50 fails at a = e^50, (x - 10^12)^2 > 0 at
        // x = 10^12); a margin that overflows there counts as +inf
        double c = Math.max(-700, Math.min(700, t));
        return switch (s.domain()) {
            case REAL -> Math.max(-1e300, Math.min(1e300, t));
            case POSITIVE, NONNEGATIVE -> Math.exp(c);
            case NEGATIVE -> -Math.exp(c);
            case PROBABILITY -> Math.min(1 - 1e-12, Math.max(1e-300, logistic(c)));
            case INTERVAL -> {
                double x = s.min() + (s.max() - s.min()) * logistic(c);
                yield x <= s.min() || x >= s.max() ? s.min() + (s.max() - s.min()) * 0.5 : x;
            }
            case INTEGER -> Math.max(s.min(), Math.min(s.max(), Math.rint(t)));
            case FINITE -> 0;
        };
    }

    /** Simple values near a point: each rule applied to all free coordinates, and to each one alone. */
    private List<double[]> snaps(double[] p, int[] free) {
        List<double[]> out = new ArrayList<>();
        for (int rule = 0; rule < 6; rule++) {
            double[] all = p.clone();
            for (int k : free) {
                all[k] = snap(p[k], rule);
            }
            out.add(valid(all, free) ? all : null);
            for (int k : free) {
                double[] one = p.clone();
                one[k] = snap(p[k], rule);
                out.add(valid(one, free) ? one : null);
            }
        }
        // all free coordinates equal to the first one's simple value (a = b = c)
        for (int rule = 0; rule < 4 && free.length > 1; rule++) {
            double[] eq = p.clone();
            for (int k : free) {
                eq[k] = snap(p[free[0]], rule);
            }
            out.add(valid(eq, free) ? eq : null);
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    private boolean valid(double[] x, int[] free) {
        for (int k : free) {
            if (!PointSampler.inDomain(scalars.get(k), x[k])) {
                return false;
            }
        }
        return true;
    }

    /** 0: nearest integer, 1: nearest half-integer, 2-4: 1 to 3 significant digits, 5: nearest tenth. */
    static double snap(double x, int rule) {
        return switch (rule) {
            case 0 -> Math.rint(x);
            case 1 -> Math.rint(2 * x) / 2;
            case 2, 3, 4 -> {
                if (x == 0 || !Double.isFinite(x)) {
                    yield x;
                }
                double scale = Math.pow(10, (rule - 2) - Math.floor(Math.log10(Math.abs(x))));
                yield Math.rint(x * scale) / scale;
            }
            default -> Math.rint(10 * x) / 10;
        };
    }
}
