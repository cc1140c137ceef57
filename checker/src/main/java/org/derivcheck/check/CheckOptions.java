package org.derivcheck.check;

/**
 * Settings of a check run.
 *
 * @param seed       seed of every random choice (points, Monte Carlo draws)
 * @param stepMillis time limit of one step, all methods together
 * @param points     random points tried per relation
 * @param draws      Monte Carlo draws per parameter point
 */
public record CheckOptions(long seed, long stepMillis, int points, int draws) {
    public static CheckOptions defaults() {
        return new CheckOptions(20251125L, 20_000, 200, 20_000);
    }

    public CheckOptions withSeed(long s) {
        return new CheckOptions(s, stepMillis, points, draws);
    }

    public CheckOptions withStepMillis(long ms) {
        return new CheckOptions(seed, ms, points, draws);
    }
}
