package org.derivcheck.check;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;

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
        this(cas, sampler, instances, options, seed, System.nanoTime() + options.stepMillis() * 1_000_000L);
    }

    private StepContext(Cas cas, PointSampler sampler, Instances instances, CheckOptions options, long seed,
            long deadlineNanos) {
        this.cas = cas;
        this.sampler = sampler;
        this.instances = instances;
        this.options = options;
        this.seed = seed;
        this.deadlineNanos = deadlineNanos;
    }

    /** A context for another claim within this step (an instance at a concrete K): same deadline, nothing cached. */
    StepContext fresh(long salt, long millis) {
        StepContext c = new StepContext(cas, sampler, instances, options, seed * 31 + salt,
                Math.min(deadlineNanos, System.nanoTime() + millis * 1_000_000L));
        c.rule = rule;
        return c;
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

    /** This step's limit on the current thread, for the numeric evaluator's loops (see {@link Cas#limitThread}). */
    Cas.ThreadLimit bind() {
        return Cas.limitThread(deadlineNanos, options.stepMillis());
    }

    /** Per entry: where the written sides have real values (read once, see {@link org.derivcheck.cas.Cas.RealDomain}). */
    private final java.util.Map<String, org.derivcheck.cas.Cas.RealDomain[]> domains = new java.util.HashMap<>();

    /** The real domains of a claim's written sides, {lhs, rhs}; read by the CAS on first use. */
    org.derivcheck.cas.Cas.RealDomain[] domains(Claim c) {
        org.derivcheck.cas.Cas.RealDomain[] d = domains.get(c.entry());
        if (d == null) {
            long ms = Math.min(10_000, remainingMillis());
            d = new org.derivcheck.cas.Cas.RealDomain[] {cas.realDomain(c.lhsWritten(), ms), cas.realDomain(c.rhsWritten(), ms)};
            domains.put(c.entry(), d);
        }
        return d;
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

    /** Whether more than {@code reserveMillis} of the step's time is left. */
    boolean timeLeft(long reserveMillis) {
        return System.nanoTime() < deadlineNanos - reserveMillis * 1_000_000L;
    }

    /** A generator for one purpose, reproducible from the run's seed. */
    RandomGenerator rng(long salt) {
        return new Well19937c(seed * 0x9E3779B97F4A7C15L + salt);
    }
}
