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
 *
 * <p>apfloat never looks at a thread's interrupt, so an abandoned high-precision evaluation (a timed-out
 * {@code N(Tanh(x), 30)} at a huge x, a long power) kept a core busy for minutes after its verdict. Its
 * builder factory is therefore {@link Stoppable}: every apfloat operation asks it for a builder (storage,
 * addition, convolution), and on an interrupted thread it throws a {@link CasException} of kind TIMEOUT, so
 * the computation ends at its next arithmetic operation.
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
        if (ctx.getNumberOfProcessors() != 1 || ctx.getSharedMemoryTreshold() != Long.MAX_VALUE
                || !(ctx.getBuilderFactory() instanceof Stoppable)) {
            synchronized (ApfloatSetup.class) {
                ctx.setNumberOfProcessors(1);
                ctx.setSharedMemoryTreshold(Long.MAX_VALUE);
                if (!(ctx.getBuilderFactory() instanceof Stoppable)) {
                    ctx.setBuilderFactory(new Stoppable());
                }
            }
        }
    }

    /** apfloat's builders for radix-10 longs (its default), refused to an interrupted thread. */
    static final class Stoppable extends org.apfloat.internal.LongBuilderFactory {
        private static void stopIfInterrupted() {
            if (Thread.currentThread().isInterrupted()) {
                throw new CasException(CasException.Kind.TIMEOUT, "the evaluation was stopped (time limit)");
            }
        }

        @Override
        public org.apfloat.spi.ApfloatBuilder getApfloatBuilder() {
            stopIfInterrupted();
            return super.getApfloatBuilder();
        }

        @Override
        public org.apfloat.spi.DataStorageBuilder getDataStorageBuilder() {
            stopIfInterrupted();
            return super.getDataStorageBuilder();
        }

        @Override
        public <T> org.apfloat.spi.AdditionBuilder<T> getAdditionBuilder(Class<T> elementType) {
            stopIfInterrupted();
            return super.getAdditionBuilder(elementType);
        }

        @Override
        public org.apfloat.spi.ConvolutionBuilder getConvolutionBuilder() {
            stopIfInterrupted();
            return super.getConvolutionBuilder();
        }
    }
}
