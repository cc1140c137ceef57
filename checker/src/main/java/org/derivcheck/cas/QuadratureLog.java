package org.derivcheck.cas;

import org.derivcheck.integrate.DoubleExponential;

/**
 * What the deterministic evaluation of expectations did at one point: the summed error estimates of the
 * outermost integrals, the largest error of a nested one, the largest integral of |f p| (the scale the
 * errors are relative to), and how many integrals could not be resolved (no convergence, or terms at the
 * ends of the range that were not negligible: a divergent integral, or mass closer to an end than double
 * precision resolves).
 */
public final class QuadratureLog {
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
