package org.derivcheck.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.Cas.RealDomain;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.NumericFunction;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.SymbolDecl;

/**
 * Real semantics before anything else: a claim is false where one side, <em>as written</em>, has no real value
 * (a logarithm of a negative number, an even root of one) and the other side has one. The sides' guards are
 * read from the written expressions ({@link RealDomain}), before the CAS's rewriting (which computes in the
 * complex numbers and turns {@code Sqrt(x)^2} into {@code x}), and tested at structured, random and wide-range
 * points and next to every sign change of a guarded sub-expression (so that {@code Log(20 - a)} is tried at
 * a &gt; 20 even when a is positive). Only a refutation is returned; otherwise the other checkers decide.
 */
final class RealDomainChecker implements Checker {
    /** Points of each kind. */
    static final int STRUCTURED = 40;
    static final int RANDOM = 120;
    static final int WIDE = 80;
    /** Values of one coordinate scanned for sign changes of a guarded argument. */
    static final int GRID_PER_DECADE = 4;

    @Override
    public Optional<Outcome> check(Claim c, StepContext ctx) {
        if (c.lhsWritten().isAbstract() || c.rhsWritten().isAbstract() || c.lhs().isAbstract() || c.rhs().isAbstract()
                || !c.lhs().isScalar() || !c.rhs().isScalar()) {
            return Optional.empty();
        }
        RealDomain dl;
        RealDomain dr;
        NumericFunction fl;
        NumericFunction fr;
        try {
            RealDomain[] d = ctx.domains(c);
            dl = d[0];
            dr = d[1];
            if (dl.isEmpty() && dr.isEmpty()) {
                return Optional.empty();
            }
            fl = Cas.compile(c.lhs());
            fr = Cas.compile(c.rhs());
            if (fl.random() || fr.random()) {
                return Optional.empty();
            }
        } catch (CasException e) {
            return Optional.empty();
        }
        RandomGenerator rng = ctx.rng(c.entry().hashCode() * 41L + 11);
        int[] tried = new int[1];
        List<PointSampler.Point> points = new ArrayList<>(ctx.sampler.special(rng, STRUCTURED));
        for (PointSampler.Point p : points) {
            Optional<Outcome> o = at(c, ctx, p, dl, dr, fl, fr, rng, tried, "structured");
            if (o.isPresent() || !ctx.timeLeft()) {
                return o;
            }
        }
        for (int i = 0; i < RANDOM + WIDE && ctx.timeLeft(); i++) {
            PointSampler.Point p = i < RANDOM ? ctx.sampler.next(rng) : ctx.sampler.nextWide(rng);
            if (p == null) {
                break;
            }
            Optional<Outcome> o = at(c, ctx, p, dl, dr, fl, fr, rng, tried, i < RANDOM ? "random" : "wide-range");
            if (o.isPresent()) {
                return o;
            }
        }
        List<NumericFunction> args = new ArrayList<>(dl.arguments());
        args.addAll(dr.arguments());
        PointSampler.Point base = points.isEmpty() ? ctx.sampler.next(rng) : points.get(0);
        if (base == null) {
            return Optional.empty();
        }
        for (PointSampler.Point p : signChanges(ctx.sampler, base, args, rng)) {
            if (!ctx.timeLeft()) {
                break;
            }
            if (!ctx.sampler.accepts(p, rng)) {
                continue;
            }
            Optional<Outcome> o = at(c, ctx, p, dl, dr, fl, fr, rng, tried, "next to a sign change of a sub-expression");
            if (o.isPresent()) {
                return o;
            }
        }
        return Optional.empty();
    }

    private static Optional<Outcome> at(Claim c, StepContext ctx, PointSampler.Point p, RealDomain dl, RealDomain dr,
            NumericFunction fl, NumericFunction fr, RandomGenerator rng, int[] tried, String kind) {
        tried[0]++;
        // double precision first (both sides undefined, or both defined, needs no more); then the violated side's
        // guard confirmed with apfloat
        Optional<String> vl = dl.violated(p.values(), p.data(), rng, false);
        Optional<String> vr = dr.violated(p.values(), p.data(), rng, false);
        if (vl.isPresent() == vr.isPresent()) {
            return Optional.empty();
        }
        vl = vl.isPresent() ? dl.violated(p.values(), p.data(), rng, true) : vl;
        vr = vr.isPresent() ? dr.violated(p.values(), p.data(), rng, true) : vr;
        if (vl.isPresent() == vr.isPresent()) {
            return Optional.empty();
        }
        double lv = fl.eval(p.values(), p.data(), rng);
        double rv = fr.eval(p.values(), p.data(), rng);
        double defined = vl.isPresent() ? rv : lv;
        if (!Double.isFinite(defined)) {
            return Optional.empty(); // the other side has no value either (a pole, an overflow): not decided here
        }
        String v = vl.isPresent() ? vl.get() : vr.get();
        String side = vl.isPresent() ? "left" : "right";
        String other = vl.isPresent() ? "right" : "left";
        Map<String, Double> point = ctx.sampler.describe(p);
        String detail = String.format(Locale.ROOT, "real semantics: the %s side as written has no real value at this "
                + "point (%s) while the %s side is %s; found at a %s point after %d points", side, v, other,
                String.format(Locale.ROOT, "%.6g", defined), kind, tried[0]);
        return Optional.of(new Outcome(Verdict.REFUTED, new Evidence("real domain", detail), Optional.of(
                new Counterexample(point, RealPoints.dataOf(ctx, p), c.entry(), vl.isPresent() ? Double.NaN : lv,
                        vr.isPresent() ? Double.NaN : rv, Optional.empty(), Optional.empty()))));
    }

    /**
     * Points next to where a guarded argument changes sign along one coordinate (the others as in {@code base}):
     * each coordinate is scanned over its domain across magnitudes, every sign change is located by bisection,
     * and the points just beside it, and between two of them, are returned.
     */
    static List<PointSampler.Point> signChanges(PointSampler sampler, PointSampler.Point base, List<NumericFunction> args,
            RandomGenerator rng) {
        Set<List<Double>> seen = new LinkedHashSet<>();
        List<PointSampler.Point> out = new ArrayList<>();
        List<SymbolDecl> scalars = sampler.scalars();
        for (NumericFunction g : args) {
            for (int k = 0; k < scalars.size() && out.size() < 400; k++) {
                SymbolDecl s = scalars.get(k);
                if (s.domain() == Domain.FINITE) {
                    continue;
                }
                double[] grid = grid(s);
                List<Double> roots = new ArrayList<>();
                double prevX = Double.NaN;
                double prevG = Double.NaN;
                for (double x : grid) {
                    double gx = value(g, base, k, x, rng);
                    if (Double.isFinite(gx) && Double.isFinite(prevG) && Math.signum(gx) != Math.signum(prevG)) {
                        roots.add(bisect(g, base, k, prevX, x, prevG, rng));
                    }
                    if (Double.isFinite(gx)) {
                        prevX = x;
                        prevG = gx;
                    }
                }
                List<Double> xs = new ArrayList<>();
                for (int i = 0; i < roots.size() && i < 12; i++) {
                    double r = roots.get(i);
                    double m = Math.max(1, Math.abs(r));
                    for (double d : new double[] {1e-3, 0.1, 0.5}) {
                        xs.add(r + d * m);
                        xs.add(r - d * m);
                    }
                    for (double d = Math.floor(r) - 1; d <= Math.ceil(r) + 1; d++) {
                        xs.add(d);
                    }
                    if (i + 1 < roots.size()) {
                        xs.add((r + roots.get(i + 1)) / 2);
                    }
                }
                for (double x : xs) {
                    double r3 = PointSampler.round3(x);
                    for (double y : new double[] {r3, x}) {
                        if (!PointSampler.inDomain(s, y)) {
                            continue;
                        }
                        double[] v = base.values().clone();
                        v[k] = y;
                        List<Double> key = new ArrayList<>();
                        for (double z : v) {
                            key.add(z);
                        }
                        if (seen.add(key)) {
                            out.add(new PointSampler.Point(v, base.data()));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double value(NumericFunction g, PointSampler.Point base, int k, double x, RandomGenerator rng) {
        double[] v = base.values().clone();
        v[k] = x;
        return g.eval(v, base.data(), rng);
    }

    private static double bisect(NumericFunction g, PointSampler.Point base, int k, double a, double b, double ga,
            RandomGenerator rng) {
        for (int i = 0; i < 80 && a != b; i++) {
            double m = a + (b - a) / 2;
            if (m == a || m == b) {
                break;
            }
            double gm = value(g, base, k, m, rng);
            if (!Double.isFinite(gm) || gm == 0) {
                return m;
            }
            if (Math.signum(gm) == Math.signum(ga)) {
                a = m;
                ga = gm;
            } else {
                b = m;
            }
        }
        return a + (b - a) / 2;
    }

    /** One coordinate's values across its domain, ascending: magnitudes 1e-8 to 1e8 and the ends. */
    static double[] grid(SymbolDecl s) {
        List<Double> v = new ArrayList<>();
        int n = 16 * GRID_PER_DECADE;
        switch (s.domain()) {
            case REAL -> {
                for (int j = n; j >= -n; j--) {
                    v.add(-Math.pow(10, (double) j / GRID_PER_DECADE));
                }
                v.add(0.0);
                for (int j = -n; j <= n; j++) {
                    v.add(Math.pow(10, (double) j / GRID_PER_DECADE));
                }
            }
            case POSITIVE, NONNEGATIVE -> {
                if (s.domain() == Domain.NONNEGATIVE) {
                    v.add(0.0);
                }
                for (int j = -n; j <= n; j++) {
                    v.add(Math.pow(10, (double) j / GRID_PER_DECADE));
                }
            }
            case NEGATIVE -> {
                for (int j = n; j >= -n; j--) {
                    v.add(-Math.pow(10, (double) j / GRID_PER_DECADE));
                }
            }
            case PROBABILITY, INTERVAL -> {
                double lo = s.domain() == Domain.PROBABILITY ? 0 : s.min();
                double w = s.domain() == Domain.PROBABILITY ? 1 : s.max() - s.min();
                for (int j = 8 * GRID_PER_DECADE; j >= 1; j--) {
                    v.add(lo + w * Math.pow(10, -(double) j / GRID_PER_DECADE));
                }
                for (int j = 1; j < 20; j++) {
                    v.add(lo + w * j / 20.0);
                }
                for (int j = 1; j <= 8 * GRID_PER_DECADE; j++) {
                    v.add(lo + w * (1 - Math.pow(10, -(double) j / GRID_PER_DECADE)));
                }
            }
            case INTEGER -> {
                double lo = Math.max(s.min(), -1e15);
                double hi = Math.min(s.max(), 1e15);
                if (hi - lo <= 400) {
                    for (double x = lo; x <= hi; x++) {
                        v.add(x);
                    }
                } else {
                    java.util.TreeSet<Double> t = new java.util.TreeSet<>();
                    for (int j = 0; j <= 15 * GRID_PER_DECADE; j++) {
                        double m = Math.rint(Math.pow(10, (double) j / GRID_PER_DECADE));
                        for (double x : new double[] {m, -m, lo + m - 1, hi - m + 1}) {
                            if (x >= lo && x <= hi) {
                                t.add(x);
                            }
                        }
                    }
                    t.add(0.0);
                    v.addAll(t.subSet(lo, true, hi, true));
                }
            }
            case FINITE -> {
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).filter(x -> PointSampler.inDomain(s, x)).toArray();
    }
}
