package org.derivcheck.vae;

/**
 * Derives independent seeds from the run's seed, one per purpose (stream) and index (epoch, replicate), so
 * that every epoch starts from a state known from the checkpoint alone: a resumed run re-seeds exactly as
 * the uninterrupted one did.
 */
final class Seeds {
    static final long SHUFFLE = 2;
    static final long TRAIN = 3;
    static final long EVAL = 4;
    static final long PROBE = 5;
    static final long BINARIZE = 6;
    static final long SAMPLES = 7;
    static final long INIT = 8;

    private Seeds() {
    }

    /** A 64-bit seed for (seed, stream, index): SplitMix64's finalizer over a linear combination. */
    static long of(long seed, long stream, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A non-negative int seed for the engine's generator ({@code Engine.setRandomSeed} takes an int). */
    static int engine(long seed, long stream, long index) {
        return (int) (of(seed, stream, index) >>> 33);
    }
}
