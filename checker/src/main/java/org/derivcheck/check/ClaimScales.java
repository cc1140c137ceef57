package org.derivcheck.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.Expr;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.SymbolDecl;
import org.derivcheck.math.Tree;

/**
 * Points at the magnitudes a claim names: a claim's own constants say where its behaviour may change
 * ({@code Max(x, 10^9)}, {@code (x - 10^12)^2 > 0}, {@code Log(a) < 50} at a = e^50, {@code x^2 < 10^30} at
 * x = 10^15), and those places can lie far outside the magnitudes that random and wide-range draws reach
 * (about 1e-8 to 1e8). For each constant c of the sides (|c| not 0 or 1), the bases |c|, sqrt|c|, 1/|c|, e^|c| and
 * e^-|c| (where finite) are taken, each at itself, twice, half and one either side, with both signs; only values
 * outside [1e-2, 1e2] are kept (the core draws cover those). Each value is tried with every free symbol at it
 * and with each free symbol alone at it, adjusted to the symbol's domain; free indexed data have every entry at the
 * value when all the symbols are.
 */
final class ClaimScales {
    /** Values and points at most, per claim. */
    static final int MAX_VALUES = 48;
    static final int MAX_POINTS = 72;
    private static final int MAX_CONSTANTS = 16;

    private ClaimScales() {
    }

    /** The candidate values of a claim's sides (empty when they name no constant outside the core magnitudes). */
    static List<Double> values(Expr... sides) {
        List<Tree> trees = new ArrayList<>();
        for (Expr e : sides) {
            e.tree().ifPresent(trees::add);
        }
        return valuesOf(trees);
    }

    /** The candidate values of sides given as trees. */
    static List<Double> valuesOf(List<Tree> sides) {
        Set<Double> mags = new LinkedHashSet<>();
        for (Tree t : sides) {
            constants(t, mags);
        }
        Set<Double> out = new LinkedHashSet<>();
        for (double m : mags) {
            // (and 1/|c|: x/10^10 reaches 1 at x = 10^10, where the CAS keeps the constant as 10^-10)
            List<Double> bases = new ArrayList<>(List.of(m, Math.sqrt(m), 1 / m));
            if (m <= 700) {
                bases.add(Math.exp(m));
                bases.add(Math.exp(-m));
            }
            for (double b : bases) {
                for (double v : new double[] {b, 2 * b, b / 2, b + 1, b - 1}) {
                    double a = Math.abs(v);
                    if (Double.isFinite(v) && v != 0 && (a > 1e2 || a < 1e-2) && a < 1e300 && a > 1e-300) {
                        out.add(v);
                        out.add(-v);
                    }
                }
            }
            if (out.size() >= 2 * MAX_VALUES) {
                break;
            }
        }
        return out.stream().limit(MAX_VALUES).toList();
    }

    /** The magnitudes of a claim's own constants (|c| not 0 or 1), at most 16. */
    static Set<Double> magnitudes(Expr... sides) {
        Set<Double> mags = new LinkedHashSet<>();
        for (Expr e : sides) {
            e.tree().ifPresent(t -> constants(t, mags));
        }
        return mags;
    }

    /**
     * |log |c|| of each constant of a claim beyond 10^2 or below 10^-2, also beyond double's range (10^-500 gives
     * 500 log 10), at most 16.
     */
    static Set<Double> logMagnitudes(Expr... sides) {
        Set<Double> out = new LinkedHashSet<>();
        for (Expr e : sides) {
            e.tree().ifPresent(t -> logConstants(t, out));
        }
        return out;
    }

    /**
     * The decimal digits below 1 that the claim's smallest constant reaches (10^-300 gives 300), 0 when none is below
     * 10^-6, at most 2000.
     */
    static int tinyDigits(Expr... sides) {
        double least = 0;
        for (Expr e : sides) {
            Set<Double> logs = new LinkedHashSet<>();
            e.tree().ifPresent(t -> signedLogs(t, logs));
            for (double l : logs) {
                least = Math.min(least, l);
            }
        }
        double digits = -least / Math.log(10);
        return digits < 6 ? 0 : (int) Math.min(2000, Math.ceil(digits));
    }

    /**
     * The decimal digits below 1 that the claim's smallest constant reaches, uncapped: a constant sub-tree built from
     * numbers, E and Pi by +, *, powers and Exp (Exp(-10^5) gives 43430, 10^-100 gives 100), 0 when none is below 1.
     * Sides that agree to fewer digits than this say nothing about a term of that size.
     */
    static double smallestConstantDigits(Expr... sides) {
        List<Tree> trees = new ArrayList<>();
        for (Expr e : sides) {
            e.tree().ifPresent(trees::add);
        }
        return smallestConstantDigitsOf(trees);
    }

    /** The same for sides given as trees. */
    static double smallestConstantDigitsOf(List<Tree> sides) {
        double least = 0;
        for (Tree t : sides) {
            least = Math.min(least, leastLog(t));
        }
        return -least / Math.log(10);
    }

    /** The least natural log of the magnitude of a nonzero constant sub-tree (0 when none is below 1). */
    private static double leastLog(Tree t) {
        double v = logOfConstant(t);
        double least = Double.isFinite(v) ? Math.min(0, v) : 0;
        if (t instanceof Tree.Num n && n.den().compareTo(java.math.BigInteger.ONE) > 0) {
            // a fraction near 1 such as (10^40 + 1)/10^40 needs its own digits to be told from 1
            least = Math.min(least, -Math.max(log(n.num().abs().max(java.math.BigInteger.ONE)), log(n.den())));
        }
        if (t instanceof Tree.Call c) { // (also the exponent of Exp(-10^-35), a constant near 1)
            for (Tree a : c.args()) {
                least = Math.min(least, leastLog(a));
            }
        }
        return least;
    }

    /** log |value| of a constant sub-tree of numbers, E and Pi (+, *, powers with a constant exponent, Exp), else NaN. */
    private static double logOfConstant(Tree t) {
        if (t instanceof Tree.Sym s) {
            return s.name().equals("E") ? 1 : s.name().equals("Pi") ? Math.log(Math.PI) : Double.NaN;
        }
        if (t instanceof Tree.Call c && !c.args().isEmpty()) {
            switch (c.head()) {
                case "Times": {
                    double s = 0;
                    for (Tree a : c.args()) {
                        double l = logOfConstant(a);
                        if (Double.isNaN(l)) {
                            return Double.NaN;
                        }
                        s += l;
                    }
                    return s;
                }
                case "Power": {
                    double e = value(c.args().get(1));
                    double b = c.args().size() == 2 ? logOfConstant(c.args().get(0)) : Double.NaN;
                    return Double.isNaN(e) || Double.isNaN(b) ? Double.NaN : e * b;
                }
                case "Exp": {
                    return c.args().size() == 1 ? value(c.args().get(0)) : Double.NaN;
                }
                default:
                    break;
            }
        }
        double v = value(t);
        return Double.isNaN(v) ? logConstant(t) : Math.log(Math.abs(v));
    }

    /** The value of a constant sub-tree of numbers, E and Pi, else NaN. */
    private static double value(Tree t) {
        if (t instanceof Tree.Sym s) {
            return s.name().equals("E") ? Math.E : s.name().equals("Pi") ? Math.PI : Double.NaN;
        }
        if (t instanceof Tree.Num) {
            return constant(t);
        }
        if (!(t instanceof Tree.Call c) || c.args().isEmpty()) {
            return Double.NaN;
        }
        double[] a = new double[c.args().size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = value(c.args().get(i));
            if (Double.isNaN(a[i])) {
                return Double.NaN;
            }
        }
        return switch (c.head()) {
            case "Plus" -> java.util.Arrays.stream(a).sum();
            case "Times" -> java.util.Arrays.stream(a).reduce(1, (x, y) -> x * y);
            case "Power" -> a.length == 2 ? Math.pow(a[0], a[1]) : Double.NaN;
            case "Exp" -> a.length == 1 ? Math.exp(a[0]) : Double.NaN;
            default -> Double.NaN;
        };
    }

    private static void signedLogs(Tree t, Set<Double> out) {
        double v = logConstant(t);
        if (!Double.isNaN(v)) {
            if (Double.isFinite(v)) {
                out.add(v);
            }
        } else if (t instanceof Tree.Call c) {
            for (Tree a : c.args()) {
                signedLogs(a, out);
            }
        }
    }

    private static void logConstants(Tree t, Set<Double> out) {
        if (out.size() >= MAX_CONSTANTS) {
            return;
        }
        double v = Math.abs(logConstant(t));
        if (!Double.isNaN(v)) {
            if (v > Math.log(1e2) && Double.isFinite(v)) {
                out.add(v);
            }
        } else if (t instanceof Tree.Call c) {
            for (Tree a : c.args()) {
                logConstants(a, out);
            }
        }
    }

    /** log |value| of a constant sub-tree (numbers, products, powers with a constant exponent, sums), else NaN. */
    static double logConstant(Tree t) {
        if (t instanceof Tree.Num n) {
            return n.num().signum() == 0 ? Double.NEGATIVE_INFINITY : log(n.num().abs()) - log(n.den());
        }
        if (!(t instanceof Tree.Call c) || c.args().isEmpty()) {
            return Double.NaN;
        }
        switch (c.head()) {
            case "Times": {
                double s = 0;
                for (Tree a : c.args()) {
                    double l = logConstant(a);
                    if (Double.isNaN(l)) {
                        return Double.NaN;
                    }
                    s += l;
                }
                return s;
            }
            case "Power": {
                double e = constant(c.args().get(1));
                double b = c.args().size() == 2 ? logConstant(c.args().get(0)) : Double.NaN;
                return Double.isNaN(e) || Double.isNaN(b) ? Double.NaN : e * b;
            }
            case "Plus": {
                double v = constant(t);
                return Double.isNaN(v) ? Double.NaN : Math.log(Math.abs(v));
            }
            default:
                return Double.NaN;
        }
    }

    private static double log(java.math.BigInteger n) {
        int shift = Math.max(0, n.bitLength() - 60);
        return Math.log(n.shiftRight(shift).doubleValue()) + shift * Math.log(2);
    }

    private static void constants(Tree t, Set<Double> out) {
        if (out.size() >= MAX_CONSTANTS) {
            return;
        }
        double v = Math.abs(constant(t));
        if (!Double.isNaN(v)) {
            if (v != 0 && v != 1 && Double.isFinite(v)) {
                out.add(v);
            }
        } else if (t instanceof Tree.Call c) {
            for (Tree a : c.args()) {
                constants(a, out);
            }
        }
    }

    /** The value of a sub-tree built from numbers by +, * and powers (10^12 is kept as written), else NaN. */
    static double constant(Tree t) {
        if (t instanceof Tree.Num n) {
            return new BigDecimal(n.num()).divide(new BigDecimal(n.den()), MathContext.DECIMAL64).doubleValue();
        }
        if (!(t instanceof Tree.Call c) || c.args().isEmpty()) {
            return Double.NaN;
        }
        double[] a = new double[c.args().size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = constant(c.args().get(i));
            if (Double.isNaN(a[i])) {
                return Double.NaN;
            }
        }
        return switch (c.head()) {
            case "Plus" -> java.util.Arrays.stream(a).sum();
            case "Times" -> java.util.Arrays.stream(a).reduce(1, (x, y) -> x * y);
            case "Power" -> a.length == 2 ? Math.pow(a[0], a[1]) : Double.NaN;
            default -> Double.NaN;
        };
    }

    /**
     * Points with the free scalars at the candidate values: all of them at one value, then each alone (the
     * others as in a core draw); only points in the domains that satisfy the assumptions.
     */
    static List<PointSampler.Point> points(PointSampler sampler, Set<String> free, List<Double> values,
            RandomGenerator rng) {
        List<PointSampler.Point> out = new ArrayList<>();
        if (values.isEmpty()) {
            return out;
        }
        List<SymbolDecl> scalars = sampler.scalars();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < scalars.size(); i++) {
            if (scalars.get(i).domain() != Domain.FINITE && free.contains(scalars.get(i).name())) {
                idx.add(i);
            }
        }
        // indexed data: every entry at the value with the scalars (Sum((x(i) - 10^8)^2, {i, 1, n}) > 0 fails where all
        // the data are 10^8)
        List<SymbolDecl> data = sampler.dataSymbols();
        List<Integer> didx = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).domain() != Domain.FINITE && free.contains(data.get(i).name())) {
                didx.add(i);
            }
        }
        if (idx.isEmpty() && didx.isEmpty()) {
            return out;
        }
        Set<List<Double>> seen = new java.util.HashSet<>();
        for (int mode = -1; mode < (idx.size() > 1 ? idx.size() : 0); mode++) {
            for (double v : values) {
                if (out.size() >= MAX_POINTS) {
                    return out;
                }
                PointSampler.Point base = sampler.next(rng);
                if (base == null) {
                    return out;
                }
                double[] x = base.values().clone();
                double[][] dv = base.data().clone();
                boolean any = false;
                for (int k : mode < 0 ? didx : List.<Integer>of()) {
                    double y = adjust(data.get(k), v);
                    if (!Double.isNaN(y) && dv[k] != null) {
                        dv[k] = dv[k].clone();
                        java.util.Arrays.fill(dv[k], y);
                        any = true;
                    }
                }
                for (int k = 0; k < idx.size(); k++) {
                    if (mode >= 0 && k != mode) {
                        continue;
                    }
                    double y = adjust(scalars.get(idx.get(k)), v);
                    if (!Double.isNaN(y)) {
                        x[idx.get(k)] = y;
                        any = true;
                    }
                }
                List<Double> key = new ArrayList<>();
                for (double z : x) {
                    key.add(z);
                }
                key.add(mode < 0 && !didx.isEmpty() ? v : 0); // the data's value makes the point new too
                PointSampler.Point p = new PointSampler.Point(x, dv);
                if (any && seen.add(key) && sampler.accepts(p, rng)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** A value moved into a symbol's domain, or NaN where it has no counterpart there. */
    static double adjust(SymbolDecl s, double v) {
        double y = switch (s.domain()) {
            case REAL -> v;
            case POSITIVE, NONNEGATIVE -> Math.abs(v);
            case NEGATIVE -> -Math.abs(v);
            case PROBABILITY -> Math.abs(v) >= 1 ? Double.NaN : v > 0 ? v : 1 + v; // -v: next to 1
            case INTEGER -> Math.rint(v);
            case INTERVAL -> v;
            case FINITE -> Double.NaN;
        };
        return PointSampler.inDomain(s, y) ? y : Double.NaN;
    }
}
