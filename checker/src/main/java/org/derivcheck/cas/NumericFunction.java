package org.derivcheck.cas;

import java.util.List;
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
}
