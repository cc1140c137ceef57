package org.derivcheck.cas;

import org.derivcheck.cas.NumericFunction.QuadratureLog;
import org.derivcheck.integrate.DoubleExponential;
import org.derivcheck.integrate.Expectations;
import org.derivcheck.integrate.Laws;

/**
 * Expectations over a declared family ({@link CustomFamily}), deterministically: E[f] = integral of f
 * exp(ld) / integral of exp(ld) over the support, each integral by double-exponential quadrature (or, for
 * a discrete support, a sum: exact when finite, a series with the geometric tail bound of
 * {@link org.derivcheck.integrate.Series} when not), split at the mode found among candidate points, with
 * exp(ld) taken relative to its value there. The quotient's error estimate combines both integrals' and
 * goes to the frame's log; an unresolved integral makes the value unresolved.
 */
final class CustomLaws {
    private CustomLaws() {
    }

    static NumericCompiler.Node node(String name, NumericCompiler.Node ld, NumericCompiler.Node lo, NumericCompiler.Node hi,
            boolean discrete, int slot, NumericCompiler.Node body) {
        return f -> {
            double a = lo == null ? Double.NEGATIVE_INFINITY : lo.eval(f);
            double b = hi == null ? Double.POSITIVE_INFINITY : hi.eval(f);
            if (discrete) {
                a = Math.ceil(a);
                b = Math.floor(b);
            }
            if (Double.isNaN(a) || Double.isNaN(b) || (discrete ? a > b : !(a < b)) || a == Double.POSITIVE_INFINITY
                    || b == Double.NEGATIVE_INFINITY) {
                return Double.NaN;
            }
            double[] cs = centre(f, ld, slot, a, b, discrete);
            double c = cs[0];
            double scale = cs[1];
            double shift = cs[2];
            if (!Double.isFinite(shift)) {
                return Double.NaN;
            }
            Laws.Law law = new Laws.Law(name, a, b, c, scale, discrete, (x, dLo, dHi) -> {
                f.slots[slot] = x;
                double v = ld.eval(f);
                return v == Double.NEGATIVE_INFINITY ? 0 : Math.exp(v - shift);
            }, new double[0]);
            QuadratureLog log = f.log;
            log.depth++;
            DoubleExponential.Result z;
            DoubleExponential.Result e;
            try {
                z = Expectations.of(law, x -> 1, Deterministic.TOLERANCE);
                e = Expectations.of(law, x -> {
                    f.slots[slot] = x;
                    return body.eval(f);
                }, Deterministic.TOLERANCE);
            } finally {
                log.depth--;
            }
            double value = e.value() / z.value();
            double err = e.error() / z.value() + Math.abs(e.value()) * z.error() / (z.value() * z.value());
            boolean ok = z.ok() && e.ok() && z.value() > 0;
            log.record(new DoubleExponential.Result(value, err, e.l1() / z.value(), ok, ok, z.evaluations() + e.evaluations()));
            return value;
        };
    }

    /** {centre, scale, ld at the centre}: the best of a spread of candidate points over the support. */
    private static double[] centre(NumericCompiler.Frame f, NumericCompiler.Node ld, int slot, double a, double b,
            boolean discrete) {
        double[] steps = {1e-3, 1e-2, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 100, 300, 1e3, 1e4, 1e5, 1e6};
        java.util.List<Double> xs = new java.util.ArrayList<>();
        if (Double.isFinite(a) && Double.isFinite(b)) {
            for (int i = 1; i < 40; i++) {
                xs.add(a + (b - a) * i / 40.0);
            }
            xs.add(a + (b - a) * 1e-3);
            xs.add(b - (b - a) * 1e-3);
            if (discrete) {
                xs.add(a);
                xs.add(b);
            }
        } else if (Double.isFinite(a)) {
            if (discrete) {
                xs.add(a);
            }
            for (double s : steps) {
                xs.add(a + s);
            }
        } else if (Double.isFinite(b)) {
            if (discrete) {
                xs.add(b);
            }
            for (double s : steps) {
                xs.add(b - s);
            }
        } else {
            xs.add(0.0);
            for (double s : steps) {
                xs.add(s);
                xs.add(-s);
            }
        }
        double best = Double.NEGATIVE_INFINITY;
        double c = Double.NaN;
        double[] vals = new double[xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            double x = discrete ? Math.rint(xs.get(i)) : xs.get(i);
            xs.set(i, x);
            if (x < a || x > b) {
                vals[i] = Double.NaN;
                continue;
            }
            f.slots[slot] = x;
            vals[i] = ld.eval(f);
            if (vals[i] > best) {
                best = vals[i];
                c = x;
            }
        }
        double scale = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xs.size(); i++) {
            if (vals[i] < best - 1 || Double.isNaN(vals[i]) || vals[i] == Double.NEGATIVE_INFINITY) {
                double d = Math.abs(xs.get(i) - c);
                if (d > 0) {
                    scale = Math.min(scale, d / 2);
                }
            }
        }
        if (!Double.isFinite(scale)) {
            scale = Double.isFinite(a) && Double.isFinite(b) ? (b - a) / 2 : 1;
        }
        return new double[] {c, Math.max(scale, discrete ? 1 : 1e-12), best};
    }
}
