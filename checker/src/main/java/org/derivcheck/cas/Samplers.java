package org.derivcheck.cas;

import org.hipparchus.random.RandomGenerator;
import org.matheclipse.core.interfaces.IExpr;

/** Random draws for Monte Carlo replicates. */
final class Samplers {
    private Samplers() {
    }

    /** Gamma(shape, rate 1): {@link org.derivcheck.integrate.Laws#gammaDraw}. */
    static double gamma(RandomGenerator rng, double shape) {
        return org.derivcheck.integrate.Laws.gammaDraw(rng, shape);
    }

    /** Parameters inside the family's domain. */
    static boolean valid(IExpr family, double[] p) {
        if (family == Ops.NORMAL) {
            return p[1] > 0 && Double.isFinite(p[0]) && Double.isFinite(p[1]);
        } else if (family == Ops.GAMMA) {
            return p[0] > 0 && p[1] > 0 && Double.isFinite(p[0]) && Double.isFinite(p[1]);
        } else if (family == Ops.EXPONENTIAL) {
            return p[0] > 0 && Double.isFinite(p[0]);
        } else if (family == Ops.BERNOULLI) {
            return p[0] >= 0 && p[0] <= 1;
        } else if (family == Ops.UNIFORM) {
            return p[0] < p[1] && Double.isFinite(p[0]) && Double.isFinite(p[1]);
        } else if (family == Ops.NORMAL_GAMMA) {
            return Double.isFinite(p[0]) && p[1] > 0 && p[2] > 0 && p[3] > 0;
        }
        return false;
    }
}
