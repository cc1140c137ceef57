package org.derivcheck.cas;

import java.util.List;
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
}
