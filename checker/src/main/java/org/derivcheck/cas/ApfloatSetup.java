package org.derivcheck.cas;

import org.apfloat.ApfloatContext;

/**
 * apfloat (Symja's and {@link PreciseFunction}'s arbitrary precision) configured once for a process that
 * abandons computations at their time limit. By default apfloat multiplies long numbers with a parallel
 * NTT convolution that takes a process-wide "shared memory" lock, waiting for it by busy-spinning, while
 * other apfloat code holds plain monitors (the cached constants behind {@code ApfloatMath.pi} and the
 * radix logarithms). Two checking threads can then wait for each other for ever; an abandoned (timed-out)
 * one never stops and burns a core until the process exits (seen in a jstack of a 76-minute run: a dozen
 * {@code derivcheck-cas} threads spinning in {@code ParallelRunner.wait} under
 * {@code ParallelThreeNTTConvolutionStrategy.lock}). So: one processor (no parallel tasks) and a shared
 * memory threshold no number reaches (the lock is never taken). derivcheck's own numbers stay far below
 * the sizes where the parallel algorithm would pay off.
 */
final class ApfloatSetup {
    private ApfloatSetup() {
    }

    /**
     * Applies the settings to apfloat's global context when they are not in place. Symja's expression
     * factory {@code F} sets its own apfloat properties when it loads (the shared memory threshold among
     * them), so this runs again after every engine is made and before every precise evaluation: two reads
     * of the context when nothing changed.
     */
    static void apply() {
        ApfloatContext ctx = ApfloatContext.getGlobalContext();
        if (ctx.getNumberOfProcessors() != 1 || ctx.getSharedMemoryTreshold() != Long.MAX_VALUE) {
            synchronized (ApfloatSetup.class) {
                ctx.setNumberOfProcessors(1);
                ctx.setSharedMemoryTreshold(Long.MAX_VALUE);
            }
        }
    }
}
