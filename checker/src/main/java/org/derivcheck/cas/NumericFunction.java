package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.derivcheck.integrate.DoubleExponential;
import org.hipparchus.random.RandomGenerator;

/**
 * A scalar expression compiled for fast double evaluation. Scalars are given in the order of
 * {@link #scalars()}, indexed data in the order of {@link #data()}; an expectation left in the
 * expression is evaluated at one draw from its distribution per call (a Monte Carlo replicate).
 */
public interface NumericFunction {
    /** Declared scalar symbols, in the order of the values array. */
    List<String> scalars();

    /** Declared indexed data symbols, in the order of the data array. */
    List<String> data();

    /** True when the expression holds an expectation evaluated by sampling. */
    boolean random();

    default double eval(double[] values, double[][] data, RandomGenerator rng) {
        return eval(values, data, rng, null);
    }

    /** Evaluates with abstract densities instantiated by {@code model} (null when there are none). */
    double eval(double[] values, double[][] data, RandomGenerator rng, FiniteModel model);

    /** A value and what its deterministic expectations did (see {@link QuadratureLog}). */
    record Tracked(double value, QuadratureLog log) {
    }

    /** Evaluates an expression compiled with {@code Cas.compileDeterministic}, with its quadrature log. */
    default Tracked evalTracked(double[] values, double[][] data) {
        throw new UnsupportedOperationException("not compiled for deterministic expectations");
    }

    /** True when it uses numeric differentiation (finite differences), so agreement is to about 1e-7 only. */
    boolean approximate();

    /**
     * A scalar evaluated beyond double precision by a second evaluator, independent of the double compiler
     * ({@link PreciseFunction}): in exact rational arithmetic ({@link #exact}) or with apfloat numbers of a chosen
     * number of digits ({@link #apfloat}). Points are taken as the decimals they print as (2.57 is 257/100); a value
     * undefined at a point (log of a negative, a pole) is empty.
     */
    sealed interface Precise permits PreciseFunction {
        /** The expression in exact rational arithmetic, or empty when it is not a rational function of its symbols. */
        static Optional<Precise> exact(Expr scalar) {
            return PreciseFunction.exact(scalar).map(p -> p);
        }

        /** The expression with apfloat numbers, or empty when it uses a function this evaluator does not have. */
        static Optional<Precise> apfloat(Expr scalar) {
            return PreciseFunction.precise(scalar).map(p -> p);
        }

        /** The expression as sign and log-magnitude ({@link PreciseMagnitude}), or empty for a construct it does not take. */
        static Optional<Magnitude> magnitude(Expr scalar) {
            return PreciseMagnitude.of(scalar).map(m -> (values, data, digits) -> m.value(values, data, digits).map(v -> v));
        }

        /** True when the value depends on a declared symbol or datum (false: a constant claim). */
        boolean usesSymbols();

        boolean isExact();

        /**
         * The value at a point (scalars in the table's order, data as for the double compiler) with {@code digits}
         * significant digits (ignored when exact), or why there is none (see {@link Result}).
         */
        Result evaluate(double[] values, double[][] data, int digits);

        /** The value at a point; empty where the expression is undefined or not real, or the evaluation failed. */
        default Optional<Value> eval(double[] values, double[][] data, int digits) {
            return evaluate(values, data, digits).value();
        }

        /**
         * The value, or why there is none: {@code failed} when the evaluation stopped on an arithmetic exception (an
         * overflow of apfloat's exponent, a sum too long) rather than meeting a point outside a function's domain.
         */
        record Result(Optional<Value> value, boolean failed) {
        }

        /** A scalar evaluated as its sign and the log of its magnitude, for values beyond apfloat's range. */
        interface Magnitude {
            /**
             * The value at a point with about {@code digits} significant digits, known by sign and ln|x|
             * ({@link Value#isMagnitude()}); empty where it is undefined or cannot be known this way (terms that
             * cancel beyond the precision, a function of an argument too large to write out).
             */
            Optional<Value> eval(double[] values, double[][] data, int digits);
        }

        /**
         * A precise value ({@link PreciseValue}): exact (a rational) or with a stated number of significant digits, or
         * known only by its sign and log-magnitude; its {@code toString} is for people (p/q, or about 20 digits).
         */
        sealed interface Value permits PreciseValue {
            /** True when the value is known only by sign and magnitude (arithmetic on it is not available). */
            boolean isMagnitude();

            /** ln|x|. */
            org.apfloat.Apfloat ln();

            boolean exact();

            /** Significant digits (for an exact value, the digits it was asked for). */
            int digits();

            int signum();

            /** The difference, exact only when both values are; an ArithmeticException for a magnitude value. */
            Value subtract(Value o);

            /** log10 |x|, or negative infinity for 0: magnitudes far outside double's range stay comparable. */
            double log10Abs();

            /** The value as a double (infinite when it overflows double's range, 0 when it underflows). */
            double toDouble();
        }
    }

    /**
     * What the deterministic evaluation of expectations did at one point: the summed error estimates of the
     * outermost integrals, the largest error of a nested one, the largest integral of |f p| (the scale the
     * errors are relative to), and how many integrals could not be resolved (no convergence, or terms at the
     * ends of the range that were not negligible: a divergent integral, or mass closer to an end than double
     * precision resolves).
     */
    final class QuadratureLog {
        int depth;
        private double error;
        private double innerError;
        private double l1;
        private int unresolved;
        private int integrals;
        private long evaluations;

        void record(DoubleExponential.Result r) {
            integrals++;
            evaluations += r.evaluations();
            if (!r.ok()) {
                unresolved++;
            }
            if (depth == 0) {
                error += r.error();
            } else {
                innerError = Math.max(innerError, r.error());
            }
            if (Double.isFinite(r.l1())) {
                l1 = Math.max(l1, r.l1());
            }
        }

        void unresolved() {
            unresolved++;
        }

        /** An estimate of the absolute error of the value: outer errors plus the largest nested one. */
        public double error() {
            return error + innerError;
        }

        public double l1() {
            return l1;
        }

        public boolean resolved() {
            return unresolved == 0;
        }

        public int integrals() {
            return integrals;
        }

        public long evaluations() {
            return evaluations;
        }
    }

    /**
     * One exact finite instantiation of abstract densities: a support size per finite variable and a
     * table per density (positive, normalized over all its variables) or function (any reals). A density
     * with parameters phi is softmax(a + sum_j b_j phi_j) over its table, so it is differentiable in phi.
     * Every expectation, integral and sum over these variables becomes an exact finite sum.
     */
    final class FiniteModel {
        private final Map<String, Integer> sizes;
        private final Map<String, double[]> tables;
        private final Map<String, double[][]> logits;
        private final Map<String, Double> widths;
        private String perturbed;
        private int perturbedIndex = -1;
        private double delta;

        public FiniteModel(Map<String, Integer> sizes, Map<String, double[]> tables, Map<String, double[][]> logits) {
            this(sizes, tables, logits, Map.of());
        }

        /**
         * @param widths cell width h of each finite variable (default 1): a density's value is its cell mass
         *               divided by the product of its variables' widths, and every integral is a sum of
         *               value times width. With h < 1 a density exceeds 1 and an entropy can be negative, as for
         *               continuous variables, so claims true only of probability tables are caught.
         */
        public FiniteModel(Map<String, Integer> sizes, Map<String, double[]> tables, Map<String, double[][]> logits,
                Map<String, Double> widths) {
            this.sizes = new LinkedHashMap<>(sizes);
            this.tables = new LinkedHashMap<>(tables);
            this.logits = new LinkedHashMap<>(logits);
            this.widths = new LinkedHashMap<>(widths);
        }

        /** The cell width of a finite variable. */
        public double width(String variable) {
            return widths.getOrDefault(variable, 1.0);
        }

        private double cellVolume(Scope.Density d) {
            double v = 1;
            for (String x : d.variables()) {
                v *= width(x);
            }
            return v;
        }

        /** A copy in which one density's table is replaced. */
        public FiniteModel withTable(String name, double[] table) {
            Map<String, double[]> t = new LinkedHashMap<>(tables);
            t.put(name, table.clone());
            return new FiniteModel(sizes, t, logits, widths);
        }

        public int size(String variable) {
            Integer s = sizes.get(variable);
            if (s == null) {
                throw new IllegalArgumentException("no support size for finite variable " + variable);
            }
            return s;
        }

        /** The flattened table of a density without parameters (or function). */
        public double[] table(String name) {
            return tables.get(name);
        }

        /** The value at a flat index; parameterized densities use the parameter values given. */
        double value(Scope.Density d, int flat, double[] params) {
            return value(lookup(d), flat, params);
        }

        /**
         * A density's table (or logits) and cell volume, looked up once: the compiled numeric nodes keep the
         * lookup of the model they last saw, so that an exact finite sum does not hash the density's name
         * (and, for a parameterized density, recompute its softmax) at every cell.
         */
        Lookup lookup(Scope.Density d) {
            double[][] coef = logits.isEmpty() ? null : logits.get(d.name());
            double volume = d.normalized() && !widths.isEmpty() ? cellVolume(d) : 1;
            return new Lookup(this, d.name(), coef == null ? tables.get(d.name()) : null, coef, volume);
        }

        /** The value at a flat index through a lookup made by this model. */
        double value(Lookup l, int flat, double[] params) {
            double v;
            if (l.coef != null) {
                v = l.probabilities(params)[flat];
            } else {
                v = l.table[flat];
            }
            v /= l.volume;
            if (perturbed != null && flat == perturbedIndex && l.name.equals(perturbed)) {
                v += delta;
            }
            return v;
        }

        /** See {@link #lookup}. Immutable but for a one-entry cache of the last softmax (an immutable pair). */
        static final class Lookup {
            final FiniteModel model;
            final String name;
            final double[] table;
            final double[][] coef;
            final double volume;
            private Softmax last;

            private Lookup(FiniteModel model, String name, double[] table, double[][] coef, double volume) {
                this.model = model;
                this.name = name;
                this.table = table;
                this.coef = coef;
                this.volume = volume;
            }

            private record Softmax(double[] params, double[] probabilities) {
            }

            /** softmax(a + sum_j b_j params_j) over the whole table, reused while the parameters are the same. */
            double[] probabilities(double[] params) {
                Softmax s = last;
                if (s != null && java.util.Arrays.equals(s.params, params)) {
                    return s.probabilities;
                }
                int n = coef[0].length;
                double max = Double.NEGATIVE_INFINITY;
                double[] l = new double[n];
                for (int i = 0; i < n; i++) {
                    double v = coef[0][i];
                    for (int j = 0; j < params.length; j++) {
                        v += coef[j + 1][i] * params[j];
                    }
                    l[i] = v;
                    max = Math.max(max, v);
                }
                double z = 0;
                for (int i = 0; i < n; i++) {
                    z += Math.exp(l[i] - max);
                }
                double[] q = new double[n];
                for (int i = 0; i < n; i++) {
                    q[i] = Math.exp(l[i] - max) / z;
                }
                last = new Softmax(params.clone(), q);
                return q;
            }
        }

        void perturb(String name, int flat, double by) {
            perturbed = name;
            perturbedIndex = flat;
            delta = by;
        }

        void clearPerturbation() {
            perturbed = null;
            perturbedIndex = -1;
            delta = 0;
        }

        /** Total number of table entries: smaller instances make more readable counterexamples. */
        public int weight() {
            int w = 0;
            for (double[] t : tables.values()) {
                w += t.length;
            }
            for (double[][] c : logits.values()) {
                w += c[0].length;
            }
            return w;
        }

        /** The tables as a person reads them, e.g. "q(z): [0.2, 0.8]; p(x, z): [[0.1, 0.3], [0.4, 0.2]]". */
        public String describe(List<Scope.Density> densities) {
            List<String> parts = new ArrayList<>();
            for (Scope.Density d : densities) {
                double[] t = tables.get(d.name());
                String head = d.name() + "(" + String.join(", ", d.variables()) + ")";
                if (t == null) {
                    double[][] c = logits.get(d.name());
                    if (c != null) {
                        List<String> rows = new ArrayList<>();
                        for (double[] row : c) {
                            rows.add(vector(row));
                        }
                        parts.add(head + " = softmax(" + rows.get(0) + (rows.size() > 1 ? " + " + String.join(" + ",
                                rows.subList(1, rows.size()).stream().map(r -> r + "*" + "param").toList()) : "") + ")");
                    }
                    continue;
                }
                parts.add(head + " = " + (t.length <= 400 ? nested(t, d.variables()) : large(t, d.variables())));
            }
            List<String> ws = new ArrayList<>();
            for (var w : widths.entrySet()) {
                if (w.getValue() != 1.0) {
                    ws.add(w.getKey() + ": " + String.format(Locale.ROOT, "%.3g", w.getValue()));
                }
            }
            if (!ws.isEmpty()) {
                parts.add("cell widths " + String.join(", ", ws) + " (tables are cell masses; densities are mass/width)");
            }
            return String.join("; ", parts);
        }

        /** A table too large to print: its shape, its first entries and its range. */
        private String large(double[] t, List<String> vars) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double x : t) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            List<String> shape = new ArrayList<>();
            for (String v : vars) {
                shape.add(String.valueOf(size(v)));
            }
            return String.format(Locale.ROOT, "a table of %s cells (%d in all), entries from %.4g to %.4g, first %s",
                    String.join(" x ", shape), t.length, lo, hi, vector(java.util.Arrays.copyOf(t, 6)));
        }

        private String nested(double[] t, List<String> vars) {
            if (vars.size() <= 1) {
                return vector(t);
            }
            int inner = 1;
            for (String v : vars.subList(1, vars.size())) {
                inner *= size(v);
            }
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < size(vars.get(0)); i++) {
                double[] sub = java.util.Arrays.copyOfRange(t, i * inner, (i + 1) * inner);
                rows.add(nested(sub, vars.subList(1, vars.size())));
            }
            return "[" + String.join(", ", rows) + "]";
        }

        private static String vector(double[] v) {
            List<String> s = new ArrayList<>();
            for (double x : v) {
                s.add(String.format(Locale.ROOT, "%.4g", x));
            }
            return "[" + String.join(", ", s) + "]";
        }
    }
}
