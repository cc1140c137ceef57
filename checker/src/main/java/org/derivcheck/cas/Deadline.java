package org.derivcheck.cas;

/**
 * The time limit of the step being checked on this thread. The compiled numeric evaluator checks it inside
 * its loops (sums, products, finite sums, draws), so a numeric evaluation stops at the step's limit like a
 * CAS call does; an interrupted thread (a grading chain past its limit) stops the same way. Set from outside
 * the package by {@link Cas#limitThread}.
 */
final class Deadline implements Cas.ThreadLimit {
    private static final ThreadLocal<long[]> CURRENT = ThreadLocal.withInitial(() -> new long[] {Long.MAX_VALUE, 0});
    private final long[] state;
    private final long saved;
    private final long savedMillis;

    private Deadline(long[] state, long deadlineNanos, long millis) {
        this.state = state;
        this.saved = state[0];
        this.savedMillis = state[1];
        state[0] = deadlineNanos;
        state[1] = millis;
    }

    /**
     * Sets this thread's limit until {@link #close()}; {@code millis} is the limit as the user gave it (for the
     * message). A nested scope may only shorten the limit.
     */
    static Deadline until(long deadlineNanos, long millis) {
        long[] s = CURRENT.get();
        return new Deadline(s, Math.min(s[0], deadlineNanos), millis);
    }

    /** Throws a {@link CasException} of kind TIMEOUT when the limit has passed or the thread was interrupted. */
    static void check() {
        long[] s = CURRENT.get();
        if (Thread.currentThread().isInterrupted()) {
            throw new CasException(CasException.Kind.TIMEOUT, "the evaluation was stopped (time limit)");
        }
        if (s[0] != Long.MAX_VALUE && System.nanoTime() - s[0] > 0) {
            throw new CasException(CasException.Kind.TIMEOUT, "a numeric evaluation ran past the step's time limit of "
                    + s[1] + " ms");
        }
    }

    @Override
    public void close() {
        state[0] = saved;
        state[1] = savedMillis;
    }
}
