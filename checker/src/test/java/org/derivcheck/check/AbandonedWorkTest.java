package org.derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.derivcheck.derivation.DerivationReader;
import org.derivcheck.testing.CasPerClass;
import org.derivcheck.testing.ThreadCpu;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, class 12, the leak: after a step's verdict, nothing of its abandoned computations keeps running.
 * Each claim makes the CAS start a computation that does not look at Symja's stop flag (apfloat's
 * high-precision functions at a huge argument; JAS's polynomial factoring) and is abandoned at the step's
 * limit. One to two and a half seconds after the verdict, the derivcheck threads together must use almost no
 * CPU: a computation still running would use about 1.5 s of it there.
 */
class AbandonedWorkTest {
    @RegisterExtension
    static final CasPerClass CAS = CasPerClass.warmedUp();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "20000|x: real|Tanh(x)^2 < 1",
        "20000|x: real|Sigmoid(x) < 1",
    })
    void noThreadIsBusyAfterTheVerdict(String spec) throws Exception {
        String[] q = spec.split("\\|");
        long limit = Long.parseLong(q[0]);
        String[] p = {q[1], q[2]};
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, "title: abandoned work\nsymbols:\n  " + p[0] + "\nsteps:\n  - claim: '" + p[1] + "'\n");
        var d = DerivationReader.read(f);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        DerivationResult r = new DerivationChecker(CAS.get(), CheckOptions.defaults().withStepMillis(limit)).check(d);
        Thread.sleep(1_000); // Bounded's grace (0.5 s) and the forced stop
        Map<Long, Long> before = ThreadCpu.ofDerivcheckThreads(mx);
        Thread.sleep(1_500);
        long busy = 0;
        StringBuilder who = new StringBuilder();
        for (var e : ThreadCpu.usedSince(mx, before, Set.of()).entrySet()) {
            long used = e.getValue();
            busy += used;
            ThreadInfo ti = mx.getThreadInfo(e.getKey(), 12);
            if (ti != null) {
                who.append("\n").append(ti.getThreadName()).append(' ').append(used / 1_000_000).append(" ms");
                for (StackTraceElement st : ti.getStackTrace()) {
                    who.append("\n   ").append(st);
                }
            }
        }
        System.out.println("abandoned work: " + p[1] + " -> " + r.steps().get(0).verdict() + "; CPU afterwards "
                + busy / 1_000_000 + " ms");
        // a computation still running uses about 1500 ms here; 150 ms allows for the JIT and the GC
        assertTrue(busy < 150_000_000L, p[1] + ": threads still busy after the verdict:" + who);
    }

    /**
     * A 30-digit Erf at a huge argument (apfloat's hypergeometric series) on the checking thread itself ran
     * for over 13 minutes past a 20 s step limit: apfloat now stops at the step's limit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Erf(x) < 1", "Erf(x)^2 < 1 + Exp(-x^2)"})
    void aPreciseEvaluationStopsAtTheStepLimit(String claim) throws Exception {
        Path f = dir.resolve("erf.yaml");
        Files.writeString(f, "title: erf\nsymbols:\n  x: real\nsteps:\n  - claim: '" + claim + "'\n");
        long limit = 20_000;
        long t0 = System.nanoTime();
        DerivationResult r = new DerivationChecker(CAS.get(), CheckOptions.defaults().withStepMillis(limit))
                .check(DerivationReader.read(f));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("precise evaluation: " + claim + " -> " + r.steps().get(0).verdict() + " in " + ms + " ms");
        assertTrue(r.steps().get(0).verdict() != Verdict.REFUTED, r.steps().get(0).message());
        // the bound: within the limit + 2 s
        assertTrue(ms < limit + 2_000, claim + " took " + ms + " ms");
    }
}
