package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatContext;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/** apfloat must never take its shared NTT lock (see {@link ApfloatSetup}). */
class ApfloatSetupTest {
    @Test
    void symjaAndThePreciseEvaluatorLeaveApfloatConfiguredForAbandonedComputations() throws Exception {
        // Symja's start-up sets apfloat properties of its own; the settings must hold after it
        SymjaRuntime.warmUp();
        Class.forName(PreciseFunction.class.getName(), true, PreciseFunction.class.getClassLoader());
        ApfloatContext ctx = ApfloatContext.getGlobalContext();
        assertEquals(1, ctx.getNumberOfProcessors());
        assertEquals(Long.MAX_VALUE, ctx.getSharedMemoryTreshold());
    }

    @Test
    void concurrentLongMultiplicationsWithCachedConstantsAllFinish() throws Exception {
        ApfloatSetup.apply();
        // pi and logarithms at thousands of digits on several threads at once: the pattern (a monitor
        // around a cached constant, long NTT multiplications inside) that deadlocked with the lock taken.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Apfloat>> out = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long digits = 3000 + 500L * i;
                out.add(pool.submit(() -> ApfloatMath.log(new Apfloat(7, digits))
                        .multiply(ApfloatMath.pi(digits)).add(ApfloatMath.sqrt(new Apfloat(2, digits)))));
            }
            for (Future<Apfloat> f : out) {
                // log(7)*pi + sqrt(2) = 7.5274...; a bound of 120 s is generous for a few ms of work each
                assertTrue(Math.abs(f.get(120, TimeUnit.SECONDS).doubleValue() - (Math.log(7) * Math.PI + Math.sqrt(2)))
                        < 1e-12);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
