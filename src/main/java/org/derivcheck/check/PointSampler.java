package org.derivcheck.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.derivcheck.cas.NumericFunction;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.SymbolDecl;

/**
 * Draws random points from the declared domains, rounded to three significant digits so that a
 * counterexample reads well, and keeps only points where every assumption holds.
 */
final class PointSampler {
    /** Length of the data arrays of indexed symbols. */
    static final int DATA_LENGTH = 12;
    private final List<SymbolDecl> scalars = new ArrayList<>();
    private final List<SymbolDecl> data = new ArrayList<>();
    private final List<Assumption> assumptions;

    /** An assumption 'lhs relation rhs' compiled to numbers. */
    record Assumption(NumericFunction lhs, String relation, NumericFunction rhs, String text) {
        boolean holds(Point p, RandomGenerator rng) {
            double l = lhs.eval(p.values(), p.data(), rng);
            double r = rhs.eval(p.values(), p.data(), rng);
            return switch (relation) {
                case "<" -> l < r;
                case "<=" -> l <= r;
                case ">" -> l > r;
                case ">=" -> l >= r;
                default -> Math.abs(l - r) <= 1e-12 * Math.max(1, Math.abs(l));
            };
        }
    }

    /** One point: scalar values in declaration order and data arrays. */
    record Point(double[] values, double[][] data) {
    }

    PointSampler(List<SymbolDecl> symbols, List<Assumption> assumptions) {
        for (SymbolDecl s : symbols) {
            (s.indexed() ? data : scalars).add(s);
        }
        this.assumptions = List.copyOf(assumptions);
    }

    /** The next point satisfying the assumptions, or null after many rejections. */
    Point next(RandomGenerator rng) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            double[] v = new double[scalars.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = draw(scalars.get(i), rng);
            }
            double[][] d = new double[data.size()][DATA_LENGTH];
            for (int i = 0; i < d.length; i++) {
                for (int j = 0; j < DATA_LENGTH; j++) {
                    d[i][j] = draw(data.get(i), rng);
                }
            }
            Point p = new Point(v, d);
            boolean ok = true;
            for (Assumption a : assumptions) {
                if (!a.holds(p, rng)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return p;
            }
        }
        return null;
    }

    static double draw(SymbolDecl s, RandomGenerator rng) {
        double x = switch (s.domain()) {
            case REAL -> rng.nextDouble() < 0.7 ? -3 + 6 * rng.nextDouble()
                    : (rng.nextBoolean() ? 1 : -1) * Math.exp(-2 + 4 * rng.nextDouble());
            case POSITIVE, NONNEGATIVE -> Math.exp(-2.3 + 4.6 * rng.nextDouble());
            case NEGATIVE -> -Math.exp(-2.3 + 4.6 * rng.nextDouble());
            case PROBABILITY -> 0.02 + 0.96 * rng.nextDouble();
            case INTEGER -> s.min() + rng.nextInt((int) (s.max() - s.min()) + 1);
            case INTERVAL -> s.min() + (s.max() - s.min()) * (0.01 + 0.98 * rng.nextDouble());
            case FINITE -> 0; // set by each finite instance
        };
        if (s.domain() == Domain.INTEGER || s.domain() == Domain.FINITE) {
            return x;
        }
        double r = round3(x);
        if (s.domain() == Domain.INTERVAL && (r <= s.min() || r >= s.max())) {
            return x;
        }
        return r == 0 ? x : r;
    }

    /** Three significant digits. */
    static double round3(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(x))));
        return Math.round(x * scale) / scale;
    }

    Map<String, Double> describe(Point p) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < scalars.size(); i++) {
            if (scalars.get(i).domain() != Domain.FINITE) {
                m.put(scalars.get(i).name(), p.values()[i]);
            }
        }
        return m;
    }

    Map<String, double[]> describeData(Point p, int length) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).domain() == Domain.FINITE) {
                continue;
            }
            m.put(data.get(i).name(), java.util.Arrays.copyOf(p.data()[i], length));
        }
        return m;
    }

    List<Assumption> assumptions() {
        return assumptions;
    }

    List<SymbolDecl> dataSymbols() {
        return data;
    }

    List<SymbolDecl> scalars() {
        return scalars;
    }

    boolean hasData() {
        return data.stream().anyMatch(d -> d.domain() != Domain.FINITE);
    }

    /** Indices (into the values array) and names of the free finite variables. */
    List<SymbolDecl> finiteScalars() {
        return scalars.stream().filter(s -> s.domain() == Domain.FINITE).toList();
    }

    int indexOf(String name) {
        for (int i = 0; i < scalars.size(); i++) {
            if (scalars.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
