package org.derivcheck.vi;

import org.apache.commons.math3.special.Erf;

/**
 * A fast seeded random number generator: xoshiro256++ (Blackman and Vigna 2019) for the bits, a
 * 256-layer Ziggurat (Marsaglia and Tsang 2000) for normals, Marsaglia and Tsang's (2000) method for
 * gammas and the inverse CDF for Gumbels. One instance per thread; the hot paths allocate nothing.
 *
 * <p>The state is seeded from a {@code long} through SplitMix64, so any seed (0 included) gives a
 * well-mixed state, and the same seed always gives the same stream.
 */
public final class Rng {
    private static final int LAYERS = 256;
    /** Right edge of the base layer for 256 layers (Marsaglia and Tsang 2000, Table 1). */
    private static final double R = 3.6541528853610088;
    /** Layer x coordinates, decreasing: X[0] = V / f(R) (the base strip's width), X[1] = R, ..., X[256] = 0. */
    private static final double[] X = new double[LAYERS + 1];
    /** f(X[i]) = exp(-X[i]^2 / 2). */
    private static final double[] F = new double[LAYERS + 1];

    static {
        double f = Math.exp(-0.5 * R * R);
        // Area of each layer: the rectangle under the base strip plus the tail beyond R.
        double v = R * f + Math.sqrt(Math.PI / 2) * Erf.erfc(R / Math.sqrt(2));
        X[0] = v / f;
        X[1] = R;
        for (int i = 2; i < LAYERS; i++) {
            X[i] = Math.sqrt(-2 * Math.log(v / X[i - 1] + Math.exp(-0.5 * X[i - 1] * X[i - 1])));
        }
        X[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = Math.exp(-0.5 * X[i] * X[i]);
        }
    }

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    private Rng(long seed) {
        long z = seed;
        s0 = splitMix(z += 0x9E3779B97F4A7C15L);
        s1 = splitMix(z += 0x9E3779B97F4A7C15L);
        s2 = splitMix(z += 0x9E3779B97F4A7C15L);
        s3 = splitMix(z + 0x9E3779B97F4A7C15L);
    }

    /** A generator with the given raw xoshiro256++ state (not all zero); for checks against reference outputs. */
    static Rng ofState(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException("the xoshiro256++ state must not be all zero");
        }
        Rng r = new Rng(0);
        r.s0 = s0;
        r.s1 = s1;
        r.s2 = s2;
        r.s3 = s3;
        return r;
    }

    /** A generator whose stream is a function of {@code seed} alone. */
    public static Rng of(long seed) {
        return new Rng(seed);
    }

    /** A new generator seeded from this one's next output: independent streams for replicates. */
    public Rng split() {
        return new Rng(nextLong());
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64 uniformly random bits (xoshiro256++). */
    public long nextLong() {
        long result = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on the open interval (0, 1): never 0, so its logarithm is finite. */
    public double nextOpenDouble() {
        return ((nextLong() >>> 12) + 0.5) * 0x1.0p-52;
    }

    /** Standard normal by the Ziggurat: about 99% of draws cost one 64-bit output and a multiply. */
    public double nextGaussian() {
        while (true) {
            long bits = nextLong();
            int i = (int) (bits & 0xFF);
            // Bits 11..63 give a uniform on [-1, 1); bits 0..7 chose the layer, so they are independent.
            double u = (bits >> 11) * 0x1.0p-52;
            double x = u * X[i];
            if (Math.abs(x) < X[i + 1]) {
                return x;
            }
            if (i == 0) {
                return tail(u < 0);
            }
            if (F[i + 1] + (F[i] - F[i + 1]) * nextDouble() < Math.exp(-0.5 * x * x)) {
                return x;
            }
        }
    }

    /** The normal's tail beyond R (Marsaglia 1964). */
    private double tail(boolean negative) {
        double x;
        double y;
        do {
            x = -Math.log(nextOpenDouble()) / R;
            y = -Math.log(nextOpenDouble());
        } while (y + y < x * x);
        return negative ? -(R + x) : R + x;
    }

    /**
     * Gamma(shape, rate 1) by Marsaglia and Tsang (2000); for shape &lt; 1 the boost
     * Gamma(shape + 1) * U^(1/shape).
     */
    public double nextGamma(double shape) {
        if (shape < 1) {
            return nextGamma(shape + 1) * Math.pow(nextOpenDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3.0;
        return nextGamma(d, 1 / Math.sqrt(9 * d));
    }

    /**
     * Gamma(d + 1/3, rate 1) with the constants {@code d = shape - 1/3 >= 2/3} and
     * {@code c = 1 / sqrt(9 d)} computed once by the caller: the hot-loop form of {@link #nextGamma(double)}.
     */
    public double nextGamma(double d, double c) {
        while (true) {
            double x = nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = nextOpenDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2) {
                return d * v;
            }
            if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** Standard Gumbel (location 0, scale 1): -log(-log U). */
    public double nextGumbel() {
        return -Math.log(-Math.log(nextOpenDouble()));
    }
}
