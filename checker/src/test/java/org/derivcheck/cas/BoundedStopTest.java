package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, class 12: a computation abandoned at its limit that ignores both Symja's stop flag and the
 * interrupt (as JAS's polynomial algebra does) is stopped by force after the grace, and its worker serves the
 * next computation with a fresh engine.
 */
class BoundedStopTest {
    @Test
    void aComputationThatIgnoresTheInterruptIsStoppedAfterTheGrace() throws Exception {
        ExecutorService workers = Bounded.workers("derivcheck-test-bounded");
        try {
            AtomicLong spins = new AtomicLong();
            CasException e = assertThrows(CasException.class, () -> Bounded.run(workers, () -> {
                long x = 0;
                while (x >= 0) { // never looks at the interrupt
                    x++;
                    if ((x & 0xFFFF) == 0) {
                        spins.incrementAndGet();
                    }
                }
                return x;
            }, 300));
            assertEquals(CasException.Kind.TIMEOUT, e.kind());
            // grace 0.5 s, then Thread.stop; 2 s more for a loaded machine
            Thread.sleep(Bounded.GRACE_MILLIS + 2_000);
            long a = spins.get();
            Thread.sleep(500);
            assertEquals(a, spins.get(), "the abandoned computation is still running");
            // the pool still works, with an engine of its own
            assertEquals(4, (int) Bounded.run(workers, () -> 2 + 2, 5_000));
            assertTrue(Bounded.run(workers, () -> SymjaRuntime.engine() != null, 5_000));
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void anApfloatComputationStopsAtTheInterrupt() throws Exception {
        ApfloatSetup.apply();
        Thread t = new Thread(() -> {
            org.apfloat.Apfloat x = new org.apfloat.Apfloat(2, 200_000);
            try {
                while (true) {
                    x = org.apfloat.ApfloatMath.sqrt(x.add(org.apfloat.Apfloat.ONE));
                }
            } catch (CasException stopped) {
                // the interrupt stops apfloat at its next operation
            }
        }, "derivcheck-test-apfloat");
        t.setDaemon(true);
        t.start();
        Thread.sleep(300);
        t.interrupt();
        t.join(5_000);
        assertTrue(!t.isAlive(), "apfloat ignored the interrupt");
    }
}
