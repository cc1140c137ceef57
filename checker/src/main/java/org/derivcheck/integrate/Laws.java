package org.derivcheck.integrate;

import java.util.Optional;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The one-dimensional families as numbers: support, density (or mass function) and a centre and scale
 * that place the quadrature's nodes where the mass is. Parameters follow derivations/README.md.
 */
public final class Laws {
    /** Density at x, given the exact distances to the support's ends (dLo = x - lo, dHi = hi - x). */
    public interface Pdf {
        double at(double x, double dLo, double dHi);
    }

    /** A law on (lo, hi); a discrete one lives on the whole numbers lo, lo + 1, ... up to hi. */
    public record Law(String name, double lo, double hi, double center, double scale, boolean discrete, Pdf pdf,
            double[] params) {
        Law(String name, double lo, double hi, double center, double scale, boolean discrete, Pdf pdf) {
            this(name, lo, hi, center, scale, discrete, pdf, new double[0]);
        }

        /** One draw (for Monte Carlo). */
        public double sample(RandomGenerator rng) {
            return Laws.sample(name, params, rng);
        }
    }

    /** True when the family has a law here. */
    public static boolean knows(String family) {
        return switch (family) {
            case "Normal", "Gamma", "Exponential", "Uniform", "Beta", "LogNormal", "InverseGamma", "StudentT", "Laplace",
                    "Bernoulli", "Poisson", "Binomial", "Geometric" -> true;
            default -> false;
        };
    }

    static double sample(String family, double[] p, RandomGenerator rng) {
        return switch (family) {
            case "Normal" -> p[0] + Math.sqrt(p[1]) * rng.nextGaussian();
            case "Gamma" -> gammaDraw(rng, p[0]) / p[1];
            case "Exponential" -> -Math.log1p(-rng.nextDouble()) / p[0];
            case "Uniform" -> p[0] + (p[1] - p[0]) * rng.nextDouble();
            case "Beta" -> {
                double x = gammaDraw(rng, p[0]);
                double y = gammaDraw(rng, p[1]);
                yield x / (x + y);
            }
            case "LogNormal" -> Math.exp(p[0] + Math.sqrt(p[1]) * rng.nextGaussian());
            case "InverseGamma" -> p[1] / gammaDraw(rng, p[0]);
            case "StudentT" -> p[1] + Math.sqrt(p[2]) * rng.nextGaussian() / Math.sqrt(2 * gammaDraw(rng, p[0] / 2) / p[0]);
            case "Laplace" -> {
                double u = rng.nextDouble() - 0.5;
                yield p[0] - p[1] * Math.signum(u) * Math.log1p(-2 * Math.abs(u));
            }
            case "Bernoulli" -> rng.nextDouble() < p[0] ? 1 : 0;
            // Hipparchus's Poisson sampler and Binomial inversion are Commons Math 3.6.1's: the same draws, bit for bit
            case "Poisson" -> RandomDataGenerator.of(rng).nextPoisson(p[0]);
            case "Binomial" -> RandomDataGenerator.of(rng).nextDeviate(new BinomialDistribution((int) p[0], p[1]));
            case "Geometric" -> p[0] >= 1 ? 0 : Math.floor(Math.log1p(-rng.nextDouble()) / Math.log1p(-p[0]));
            default -> Double.NaN;
        };
    }

    /** Gamma(shape, rate 1) by Marsaglia and Tsang (2000); shape < 1 by the boost U^(1/shape). */
    static double gammaDraw(RandomGenerator rng, double shape) {
        if (shape < 1) {
            return gammaDraw(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
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

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private Laws() {
    }

    private static boolean finite(double... p) {
        for (double v : p) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The law of a family at numeric parameters, or empty when the family is unknown or a parameter is out of its domain. */
    public static Optional<Law> of(String family, double[] p) {
        if (!finite(p)) {
            return Optional.empty();
        }
        double[] copy = p.clone();
        return lawOf(family, copy).map(l -> new Law(family, l.lo(), l.hi(), l.center(), l.scale(), l.discrete(), l.pdf(), copy));
    }

    private static Optional<Law> lawOf(String family, double[] p) {
        return Optional.ofNullable(switch (family) {
            case "Normal" -> p[1] > 0 ? normal(p[0], p[1]) : null;
            case "Gamma" -> p[0] > 0 && p[1] > 0 ? gamma(p[0], p[1]) : null;
            case "Exponential" -> p[0] > 0 ? gamma(1, p[0]) : null;
            case "Uniform" -> p[0] < p[1] ? new Law(family, p[0], p[1], (p[0] + p[1]) / 2, (p[1] - p[0]) / 2, false,
                    (x, a, b) -> 1 / (p[1] - p[0])) : null;
            case "Beta" -> p[0] > 0 && p[1] > 0 ? beta(p[0], p[1]) : null;
            case "LogNormal" -> p[1] > 0 ? logNormal(p[0], p[1]) : null;
            case "InverseGamma" -> p[0] > 0 && p[1] > 0 ? inverseGamma(p[0], p[1]) : null;
            case "StudentT" -> p[0] > 0 && p[2] > 0 ? studentT(p[0], p[1], p[2]) : null;
            case "Laplace" -> p[1] > 0 ? new Law(family, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, p[0], p[1],
                    false, (x, a, b) -> Math.exp(-Math.abs(x - p[0]) / p[1]) / (2 * p[1])) : null;
            case "Bernoulli" -> p[0] >= 0 && p[0] <= 1 ? new Law(family, 0, 1, p[0], 1, true,
                    (k, a, b) -> k == 0 ? 1 - p[0] : k == 1 ? p[0] : 0) : null;
            case "Poisson" -> p[0] > 0 ? new Law(family, 0, Double.POSITIVE_INFINITY, p[0], Math.sqrt(p[0]), true,
                    (k, a, b) -> Math.exp(k * Math.log(p[0]) - p[0] - Gamma.logGamma(k + 1))) : null;
            case "Binomial" -> p[0] >= 0 && p[0] == Math.rint(p[0]) && p[0] <= 1e6 && p[1] >= 0 && p[1] <= 1
                    ? binomial((int) p[0], p[1]) : null;
            case "Geometric" -> p[0] > 0 && p[0] <= 1 ? new Law(family, 0, Double.POSITIVE_INFINITY, (1 - p[0]) / p[0],
                    Math.sqrt(1 - p[0]) / p[0], true, (k, a, b) -> p[0] == 1 ? (k == 0 ? 1 : 0)
                            : Math.exp(k * Math.log1p(-p[0])) * p[0]) : null;
            default -> null;
        });
    }

    private static Law normal(double m, double v) {
        double sd = Math.sqrt(v);
        double norm = -LOG_SQRT_2PI - Math.log(sd);
        return new Law("Normal", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, m, sd, false, (x, a, b) -> {
            double z = (x - m) / sd;
            return Math.exp(norm - z * z / 2);
        });
    }

    private static Law gamma(double a, double b) {
        double norm = a * Math.log(b) - Gamma.logGamma(a);
        return new Law("Gamma", 0, Double.POSITIVE_INFINITY, a / b, Math.sqrt(a) / b, false,
                (x, d, u) -> Math.exp(norm + (a - 1) * Math.log(d) - b * d));
    }

    private static Law beta(double a, double b) {
        double norm = -Beta.logBeta(a, b);
        return new Law("Beta", 0, 1, a / (a + b), 0.5, false,
                (x, d, u) -> Math.exp(norm + (a - 1) * Math.log(d) + (b - 1) * Math.log(u)));
    }

    private static Law logNormal(double mu, double s2) {
        double sd = Math.sqrt(s2);
        double c = Math.exp(mu);
        return new Law("LogNormal", 0, Double.POSITIVE_INFINITY, c, c * Math.max(sd, 0.05), false, (x, d, u) -> {
            double z = (Math.log(d) - mu) / sd;
            return Math.exp(-LOG_SQRT_2PI - Math.log(sd) - Math.log(d) - z * z / 2);
        });
    }

    private static Law inverseGamma(double a, double b) {
        double norm = a * Math.log(b) - Gamma.logGamma(a);
        double mode = b / (a + 1);
        return new Law("InverseGamma", 0, Double.POSITIVE_INFINITY, mode, mode * Math.max(1, 1 / Math.sqrt(a)), false,
                (x, d, u) -> Math.exp(norm - (a + 1) * Math.log(d) - b / d));
    }

    private static Law studentT(double nu, double mu, double s2) {
        double s = Math.sqrt(s2);
        double norm = Gamma.logGamma((nu + 1) / 2) - Gamma.logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI) - Math.log(s);
        return new Law("StudentT", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, mu, s, false, (x, a, b) -> {
            double z = (x - mu) / s;
            return Math.exp(norm - (nu + 1) / 2 * Math.log1p(z * z / nu));
        });
    }

    private static Law binomial(int n, double p) {
        return new Law("Binomial", 0, n, n * p, Math.sqrt(n * p * (1 - p)), true, (k, a, b) -> {
            if (p == 0) {
                return k == 0 ? 1 : 0;
            }
            if (p == 1) {
                return k == n ? 1 : 0;
            }
            return Math.exp(Gamma.logGamma(n + 1) - Gamma.logGamma(k + 1) - Gamma.logGamma(n - k + 1) + k * Math.log(p)
                    + (n - k) * Math.log1p(-p));
        });
    }
}
