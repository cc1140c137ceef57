package org.derivcheck.cas;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

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

    double eval(double[] values, double[][] data, RandomGenerator rng);
}
