package org.derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.derivcheck.cas.Cas;
import org.derivcheck.derivation.DerivationReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
    private static Cas cas;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        cas = Cas.start();
        cas.warmUp();
    }

    @AfterAll
    static void stop() {
        cas.close();
    }

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
        DerivationResult r = new DerivationChecker(cas, CheckOptions.defaults().withStepMillis(limit)).check(d);
        Thread.sleep(1_000); // Bounded's grace (0.5 s) and the forced stop
        Map<Long, Long> before = cpu(mx);
        Thread.sleep(1_500);
        long busy = 0;
        StringBuilder who = new StringBuilder();
        for (var e : cpu(mx).entrySet()) {
            long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (used > 0) {
                busy += used;
                ThreadInfo ti = mx.getThreadInfo(e.getKey(), 12);
                if (ti != null) {
                    who.append("\n").append(ti.getThreadName()).append(' ').append(used / 1_000_000).append(" ms");
                    for (StackTraceElement st : ti.getStackTrace()) {
                        who.append("\n   ").append(st);
                    }
                }
            }
        }
        System.out.println("abandoned work: " + p[1] + " -> " + r.steps().get(0).verdict() + "; CPU afterwards "
                + busy / 1_000_000 + " ms");
        // a computation still running uses about 1500 ms here; 150 ms allows for the JIT and the GC
        assertTrue(busy < 150_000_000L, p[1] + ": threads still busy after the verdict:" + who);
    }

    /** CPU time of every derivcheck thread but this one. */
    private static Map<Long, Long> cpu(ThreadMXBean mx) {
        Map<Long, Long> m = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            ThreadInfo info = mx.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith("derivcheck") && id != Thread.currentThread().getId()) {
                long t = mx.getThreadCpuTime(id);
                if (t >= 0) {
                    m.put(id, t);
                }
            }
        }
        return m;
    }
}
