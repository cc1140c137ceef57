package org.derivcheck.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.NumericFunction;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.SymbolDecl;

/**
 * Draws points from the declared domains and keeps only those where every assumption holds: random
 * points rounded to three significant digits (so that a counterexample reads well), structured points
 * (0, +-1, small integers, half-integers, the ends of intervals and integer ranges, all symbols equal)
 * and wide-range points (magnitudes log-uniform over 16 decades, probabilities within 1e-8 of 0 and 1,
 * intervals next to their ends, integers across their whole range). Data arrays are as long as the
 * largest integer bound (at least 12, at most {@link #MAX_DATA_LENGTH}).
 */
final class PointSampler {
    /** The shortest data arrays of indexed symbols. */
    static final int DATA_LENGTH = 12;
    /** The longest data arrays drawn: a sum over x(1..N) with a larger N evaluates to NaN beyond it. */
    static final int MAX_DATA_LENGTH = 2048;
    private final int dataLength;
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
        int len = DATA_LENGTH;
        for (SymbolDecl s : symbols) {
            if (s.domain() == Domain.INTEGER && !s.indexed() && Double.isFinite(s.max())) {
                len = (int) Math.max(len, Math.min(MAX_DATA_LENGTH, s.max()));
            }
        }
        this.dataLength = len;
    }

    /** The declaration of a scalar symbol. */
    java.util.Optional<SymbolDecl> declaration(String name) {
        return scalars.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    int dataLength() {
        return dataLength;
    }

    /** Whether every assumption holds at a point. */
    boolean accepts(Point p, RandomGenerator rng) {
        for (Assumption a : assumptions) {
            if (!a.holds(p, rng)) {
                return false;
            }
        }
        return true;
    }

    /** The next point satisfying the assumptions, or null after many rejections. */
    Point next(RandomGenerator rng) {
        return drawPoint(rng, false);
    }

    /** The next wide-range point satisfying the assumptions, or null after many rejections. */
    Point nextWide(RandomGenerator rng) {
        return drawPoint(rng, true);
    }

    private Point drawPoint(RandomGenerator rng, boolean wide) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            double[] v = new double[scalars.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = wide ? drawWide(scalars.get(i), rng) : draw(scalars.get(i), rng);
            }
            double[][] d = new double[data.size()][dataLength];
            for (int i = 0; i < d.length; i++) {
                for (int j = 0; j < dataLength; j++) {
                    d[i][j] = wide && j % 3 == 0 ? drawWide(data.get(i), rng) : draw(data.get(i), rng);
                }
            }
            Point p = new Point(v, d);
            if (accepts(p, rng)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Structured points that satisfy the assumptions: each scalar takes one of its domain's special values
     * (cycling through them, so every value appears), all scalars of one domain take the same value, and
     * the data arrays are constant (0, 1, -1, 1/2) or random.
     */
    List<Point> special(RandomGenerator rng, int count) {
        List<Point> out = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (SymbolDecl s : scalars) {
            values.add(specialValues(s));
        }
        for (int k = 0; k < count * 4 && out.size() < count; k++) {
            double[] v = new double[scalars.size()];
            for (int i = 0; i < v.length; i++) {
                double[] sv = values.get(i);
                // first all symbols take their k-th value (equal values where the domains agree), then mixed
                v[i] = sv.length == 0 ? draw(scalars.get(i), rng)
                        : k < count / 2 ? sv[k % sv.length] : sv[rng.nextInt(sv.length)];
            }
            double[][] d = new double[data.size()][dataLength];
            for (int i = 0; i < d.length; i++) {
                double c = switch (k % 5) {
                    case 0 -> 1;
                    case 1 -> 0;
                    case 2 -> -1;
                    case 3 -> 0.5;
                    default -> Double.NaN;
                };
                for (int j = 0; j < dataLength; j++) {
                    double x = Double.isNaN(c) ? draw(data.get(i), rng) : c;
                    d[i][j] = inDomain(data.get(i), x) ? x : draw(data.get(i), rng);
                }
            }
            Point p = new Point(v, d);
            if (accepts(p, rng)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The special values of a domain, in the order they are tried. */
    static double[] specialValues(SymbolDecl s) {
        double[] v = switch (s.domain()) {
            case REAL -> new double[] {0, 1, -1, 2, -2, 0.5, -0.5, 3, -3, 1.5, -1.5, 10, -10, 0.1, 100, -100, 1e4, -1e4};
            case POSITIVE -> new double[] {1, 2, 0.5, 3, 1.5, 10, 0.1, 100, 0.01, 1e4, 1e-4, 1e6, 1e-6};
            case NONNEGATIVE -> new double[] {0, 1, 2, 0.5, 3, 10, 0.1, 100, 1e-4, 1e6};
            case NEGATIVE -> new double[] {-1, -2, -0.5, -3, -10, -0.1, -100, -1e-4, -1e6};
            case PROBABILITY -> new double[] {0.5, 0.1, 0.9, 0.25, 0.75, 1e-3, 0.999, 1e-6, 1 - 1e-6};
            case INTEGER -> integerSpecials(s);
            case INTERVAL -> intervalSpecials(s);
            case FINITE -> new double[0];
        };
        return java.util.Arrays.stream(v).filter(x -> inDomain(s, x)).toArray();
    }

    private static double[] integerSpecials(SymbolDecl s) {
        java.util.TreeSet<Double> v = new java.util.TreeSet<>();
        for (double x : new double[] {s.min(), s.min() + 1, s.min() + 2, s.max(), s.max() - 1, 0, 1, 2, 3, -1, -2,
                Math.rint((s.min() + s.max()) / 2)}) {
            if (x >= s.min() && x <= s.max()) {
                v.add(x);
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] intervalSpecials(SymbolDecl s) {
        double w = s.max() - s.min();
        java.util.List<Double> v = new ArrayList<>(List.of(s.min() + w * 1e-6, s.max() - w * 1e-6, s.min() + w / 2,
                s.min() + w * 1e-3, s.max() - w * 1e-3));
        for (double x : new double[] {0, 1, -1, 0.5, -0.5, 2}) {
            if (x > s.min() && x < s.max()) {
                v.add(x);
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static boolean inDomain(SymbolDecl s, double x) {
        return switch (s.domain()) {
            case REAL -> Double.isFinite(x);
            case POSITIVE -> x > 0;
            case NONNEGATIVE -> x >= 0;
            case NEGATIVE -> x < 0;
            case PROBABILITY -> x > 0 && x < 1;
            case INTEGER -> x == Math.rint(x) && x >= s.min() && x <= s.max();
            case INTERVAL -> x > s.min() && x < s.max();
            case FINITE -> true;
        };
    }

    /** A draw across magnitudes and next to the boundaries of the domain. */
    static double drawWide(SymbolDecl s, RandomGenerator rng) {
        double mag = Math.exp(Math.log(10) * (-8 + 16 * rng.nextDouble()));
        double x = switch (s.domain()) {
            case REAL -> (rng.nextBoolean() ? 1 : -1) * mag;
            case POSITIVE -> mag;
            case NONNEGATIVE -> rng.nextInt(8) == 0 ? 0 : mag;
            case NEGATIVE -> -mag;
            case PROBABILITY -> {
                double t = Math.exp(Math.log(10) * (-8 + 7.7 * rng.nextDouble()));
                yield rng.nextBoolean() ? t : 1 - t;
            }
            case INTEGER -> {
                double span = s.max() - s.min();
                double off = rng.nextInt(4) == 0 ? rng.nextInt(3) : Math.floor(Math.exp(Math.log(span + 1) * rng.nextDouble())) - 1;
                yield Math.max(s.min(), Math.min(s.max(), rng.nextBoolean() ? s.min() + off : s.max() - off));
            }
            case INTERVAL -> {
                double t = (s.max() - s.min()) * Math.exp(Math.log(10) * (-7 + 6.7 * rng.nextDouble()));
                yield rng.nextBoolean() ? s.min() + t : s.max() - t;
            }
            case FINITE -> 0;
        };
        if (s.domain() == Domain.INTEGER || s.domain() == Domain.FINITE) {
            return x;
        }
        double r = round3(x);
        return inDomain(s, r) && r != 0 ? r : x;
    }

    static double draw(SymbolDecl s, RandomGenerator rng) {
        double x = switch (s.domain()) {
            case REAL -> rng.nextDouble() < 0.7 ? -3 + 6 * rng.nextDouble()
                    : (rng.nextBoolean() ? 1 : -1) * Math.exp(-2 + 4 * rng.nextDouble());
            case POSITIVE, NONNEGATIVE -> Math.exp(-2.3 + 4.6 * rng.nextDouble());
            case NEGATIVE -> -Math.exp(-2.3 + 4.6 * rng.nextDouble());
            case PROBABILITY -> 0.02 + 0.96 * rng.nextDouble();
            case INTEGER -> s.max() - s.min() <= 64 || rng.nextBoolean() ? s.min() + rng.nextInt((int) Math.min(
                    Integer.MAX_VALUE - 1, s.max() - s.min()) + 1) : drawWide(s, rng);
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
