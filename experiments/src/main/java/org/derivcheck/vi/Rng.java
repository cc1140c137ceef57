package org.derivcheck.vi;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The experiments' seeded random numbers, from Apache Commons RNG: xoshiro256++ (Blackman and Vigna 2019,
 * {@code RandomSource.XO_SHI_RO_256_PP}) for the bits, Commons RNG's Ziggurat
 * ({@code ZigguratSampler.NormalizedGaussian}, McFarland's 2016 variant of Marsaglia and Tsang 2000) for normals,
 * and its Marsaglia-Tsang sampler ({@code AhrensDieterMarsagliaTsangGammaSampler}; Ahrens-Dieter for shapes
 * below 1) for gammas. One instance per thread.
 *
 * <p>A {@code long} seed is expanded to the 256-bit state by Commons RNG's seed conversion (SplitMix64), so any
 * seed (0 included) gives a well-mixed state and the same seed always gives the same stream.
 */
public final class Rng {
    private static final RandomSource SOURCE = RandomSource.XO_SHI_RO_256_PP;
    private final UniformRandomProvider bits;
    private final ContinuousSampler normal;

    private Rng(UniformRandomProvider bits) {
        this.bits = bits;
        this.normal = ZigguratSampler.NormalizedGaussian.of(bits);
    }

    /** A generator with the given raw xoshiro256++ state (not all zero); for checks against reference outputs. */
    static Rng ofState(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException("the xoshiro256++ state must not be all zero");
        }
        return new Rng(SOURCE.create(new long[] {s0, s1, s2, s3}));
    }

    /** A generator whose stream is a function of {@code seed} alone. */
    public static Rng of(long seed) {
        return new Rng(SOURCE.create(seed));
    }

    /** A new generator seeded from this one's next output: independent streams for replicates. */
    public Rng split() {
        return of(nextLong());
    }

    /** 64 uniformly random bits (xoshiro256++). */
    public long nextLong() {
        return bits.nextLong();
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextDouble() {
        return bits.nextDouble();
    }

    /** Uniform on the open interval (0, 1): never 0, so its logarithm is finite. */
    public double nextOpenDouble() {
        return ((bits.nextLong() >>> 12) + 0.5) * 0x1.0p-52;
    }

    /** Standard normal (Commons RNG's Ziggurat). */
    public double nextGaussian() {
        return normal.sample();
    }

    /** One Gamma(shape, rate 1) draw; for many draws of one shape use {@link #gamma(double)}. */
    public double nextGamma(double shape) {
        return gamma(shape).sample();
    }

    /** A sampler of Gamma(shape, rate 1) that draws from this generator's stream. */
    public ContinuousSampler gamma(double shape) {
        return AhrensDieterMarsagliaTsangGammaSampler.of(bits, shape, 1.0);
    }

    /** Standard Gumbel (location 0, scale 1) by the inverse CDF: -log(-log U), U never 0 or 1. */
    public double nextGumbel() {
        return -Math.log(-Math.log(nextOpenDouble()));
    }
}
