package org.derivcheck.testing;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** CPU time of derivcheck's own threads, for the tests that no abandoned computation keeps running. */
public final class ThreadCpu {
    private ThreadCpu() {
    }

    /** CPU time (ns) of every thread whose name starts with "derivcheck", but the calling one, by thread id. */
    public static Map<Long, Long> ofDerivcheckThreads(ThreadMXBean mx) {
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

    /**
     * The CPU time (ns) each derivcheck thread used since {@code before} (a thread not in it: since it started), for
     * the threads that used some, leaving out those in {@code ignored}.
     */
    public static Map<Long, Long> usedSince(ThreadMXBean mx, Map<Long, Long> before, Set<Long> ignored) {
        Map<Long, Long> used = new HashMap<>();
        for (var e : ofDerivcheckThreads(mx).entrySet()) {
            if (ignored.contains(e.getKey())) {
                continue;
            }
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d > 0) {
                used.put(e.getKey(), d);
            }
        }
        return used;
    }
}
