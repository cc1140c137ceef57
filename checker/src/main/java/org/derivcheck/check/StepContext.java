package org.derivcheck.check;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Deadline;

/** What checkers share while deciding one step: the CAS, the point sampler, the options and the deadline. */
final class StepContext {
    final Cas cas;
    final PointSampler sampler;
    final CheckOptions options;
    final long seed;
    final Instances instances;
    /** Per entry: valid random points that agreed (read by the rule that a proof needs an admissible point). */
    private final java.util.Map<String, Integer> agreeing = new java.util.HashMap<>();
    private final long deadlineNanos;
    /** The inequality rule the step cites (a name of {@code Prover.RULES}), if any. */
    java.util.Optional<String> rule = java.util.Optional.empty();

    StepContext(Cas cas, PointSampler sampler, Instances instances, CheckOptions options, long seed) {
        this.cas = cas;
        this.sampler = sampler;
        this.instances = instances;
        this.options = options;
        this.seed = seed;
        this.deadlineNanos = System.nanoTime() + options.stepMillis() * 1_000_000L;
    }

    /** Milliseconds left for this step; throws a timeout when none are left. */
    long remainingMillis() {
        long ms = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        if (ms <= 0) {
            throw new CasException(CasException.Kind.TIMEOUT, "the step's time limit of " + options.stepMillis()
                    + " ms was reached");
        }
        return ms;
    }

    /** This step's limit on the current thread, for the numeric evaluator's loops (see {@link Deadline}). */
    Deadline bind() {
        return Deadline.until(deadlineNanos, options.stepMillis());
    }

    void noteAgreeingPoints(String entry, int n) {
        agreeing.put(entry, n);
    }

    int agreeingPoints(String entry) {
        return agreeing.getOrDefault(entry, 0);
    }

    boolean timeLeft() {
        return System.nanoTime() < deadlineNanos;
    }

    /** A generator for one purpose, reproducible from the run's seed. */
    RandomGenerator rng(long salt) {
        return new Well19937c(seed * 0x9E3779B97F4A7C15L + salt);
    }
}
