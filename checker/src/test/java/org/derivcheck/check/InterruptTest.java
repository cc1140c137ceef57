package org.derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.derivcheck.cas.Cas;
import org.derivcheck.derivation.DerivationReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check cancelled from outside (as grade cancels a chain past its limit: Future.cancel(true), an interrupt)
 * stops its numeric evaluation instead of burning CPU into the next student's time.
 */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptedCheckStopsItsNumericLoops() throws Exception {
        Path f = dir.resolve("slow.yaml");
        Files.writeString(f, """
                title: two nested sums of 10^12 terms per point
                symbols:
                  x: real
                  N: {domain: integer, min: 900000, max: 1000000}
                steps:
                  - claim: Sum(Sum(Sin(x*n*m), {m, 1, N}), {n, 1, N}) = 1
                  - claim: Sum(Sum(Cos(x*n*m), {m, 1, N}), {n, 1, N}) = 1
                """);
        var d = DerivationReader.read(f);
        AtomicReference<DerivationResult> result = new AtomicReference<>();
        try (Cas cas = Cas.start()) {
            cas.warmUp();
            // a step limit of 10 minutes: only the interrupt can stop this check in time
            CheckOptions options = CheckOptions.defaults().withStepMillis(600_000);
            Thread t = new Thread(() -> result.set(new DerivationChecker(cas, options).check(d)), "derivcheck-chain-test");
            t.setDaemon(true);
            t.start();
            Thread.sleep(2_000);
            t.interrupt();
            // the loops check the interrupt every 1024 terms; 20 s is generous for a shared, loaded machine
            t.join(20_000);
            assertFalse(t.isAlive(), "the interrupted check is still running");
        }
        assertEquals(2, result.get().steps().size(), "both steps get a verdict");
        for (StepResult s : result.get().steps()) {
            assertEquals(Verdict.INCONCLUSIVE, s.verdict(), s.message());
            assertTrue(s.message().contains("stopped") || s.message().contains("interrupted")
                    || s.message().contains("time limit"), s.message());
        }
    }
}
