package org.derivcheck.cas;

import org.hipparchus.random.RandomGenerator;
import org.matheclipse.core.interfaces.IExpr;

/** Random draws for Monte Carlo replicates. */
final class Samplers {
    private Samplers() {
    }

    /** Gamma(shape, rate 1) by Marsaglia and Tsang (2000); shape < 1 by the boost U^(1/shape). */
    static double gamma(RandomGenerator rng, double shape) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(rng, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = rng.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
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
