package org.derivcheck.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.check.Verdict;
import org.derivcheck.testing.ThreadCpu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, class 12: the batch waits for each submission only up to its time limit, a submission stopped
 * there really stops (its worker burns no CPU into the next submissions), a worker that ignores the stop is
 * replaced, and a chain whose evaluation would run for hours is stopped at its step limit with the threads
 * it used idle afterwards.
 */
class GradeBatchLimitsTest {
    static final String RUBRIC = """
            id: limits
            title: limits
            symbols:
              x: real
              N: {domain: integer, min: 900000, max: 1000000}
            define:
              U: x + x
            results:
              - id: double
                title: U
                target: U = 2*x
                points: 1
            """;

    @TempDir
    Path dir;

    private Rubric rubric() throws Exception {
        Path f = dir.resolve("rubric.yaml");
        Files.writeString(f, RUBRIC);
        return RubricReader.read(f);
    }

    private static Submission named(String id) {
        return new Submission(id, List.of(Path.of(id + ".tex")), List.of(), List.of(), List.of(), List.of(), Optional.empty());
    }

    private static SubmissionGrade graded(Submission s) {
        return new SubmissionGrade(s.id(), s.files(), List.of(), List.of(new ResultScore("double", "U", 1, 1,
                ResultScore.Status.FULL, "ok", false)), Optional.empty(), 1);
    }

    @Test
    void aSubmissionPastItsLimitIsStoppedAndTheNextOneIsGraded() throws Exception {
        AtomicLong spins = new AtomicLong();
        long t0 = System.nanoTime();
        List<SubmissionGrade> out = GradeBatch.run(s -> {
            if (s.id().equals("slow")) {
                while (!Thread.currentThread().isInterrupted()) {
                    spins.incrementAndGet(); // a cooperative checker: stops on the interrupt, like Deadline.check()
                }
            }
            return graded(s);
        }, rubric(), List.of(named("slow"), named("next")), 1, g -> { }, s -> 300);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(2, out.size());
        assertTrue(out.get(0).error().orElse("").contains("time limit"), out.get(0).error().toString());
        assertTrue(out.get(0).needsReview());
        assertEquals(0, out.get(0).total());
        assertEquals(1, out.get(1).total(), "the next submission is graded");
        // 0.3 s limit, 20 ms polling; 2 s for a loaded machine
        assertTrue(seconds < 2.3, "the batch waited " + seconds + " s");
        long a = spins.get();
        Thread.sleep(300);
        assertEquals(a, spins.get(), "the stopped submission's worker kept running");
    }

    @Test
    void aWorkerThatIgnoresTheStopIsReplaced() throws Exception {
        long t0 = System.nanoTime();
        List<SubmissionGrade> out = GradeBatch.run(s -> {
            if (s.id().equals("stuck")) {
                long end = System.nanoTime() + 8_000_000_000L;
                while (System.nanoTime() < end) {
                    try {
                        Thread.sleep(50); // ignores interrupts (no CPU burnt while waiting)
                    } catch (InterruptedException e) {
                        // swallowed: a worker that does not stop
                    }
                }
            }
            return graded(s);
        }, rubric(), List.of(named("stuck"), named("a"), named("b")), 1, g -> { }, s -> 300);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(out.get(0).error().orElse("").contains("time limit"));
        assertEquals(1, out.get(1).total());
        assertEquals(1, out.get(2).total());
        // 0.3 s limit + 2 s before the worker is replaced; well before the stuck worker's own 8 s
        assertTrue(seconds < 6, "the batch waited " + seconds + " s for a stuck worker");
    }

    @Test
    void aHugeNestedSumStopsAtTheStepLimitAndLeavesNoThreadBusy() throws Exception {
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Files.writeString(subs.resolve("a-hog.tex"), "\\begin{align*}\n\\sum_{n=1}^{N} \\sum_{m=1}^{N} \\sin(x n m) &= 1\n"
                + "\\end{align*}\n\\begin{align*}\nU &= x + x \\\\ &= 2x\n\\end{align*}\n");
        Files.writeString(subs.resolve("b-next.tex"), "\\begin{align*}\nU &= x + x \\\\ &= 2x\n\\end{align*}\n");
        Rubric rubric = rubric();
        long stepMillis = 1_000;
        List<SubmissionGrade> out;
        // threads left by earlier tests in this JVM are not this grading's: only threads started from here count
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        java.util.Set<Long> earlier = new java.util.HashSet<>();
        for (long id : mx.getAllThreadIds()) {
            earlier.add(id);
        }
        long t0 = System.nanoTime();
        try (Cas cas = Cas.start(); Grader g = new Grader(rubric, cas, CheckOptions.defaults().withStepMillis(stepMillis))) {
            assertEquals(List.of(), g.verifyRubric());
            out = GradeBatch.run(g, SubmissionReader.readAll(subs), 1, x -> { });
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        SubmissionGrade hog = out.get(0);
        assertEquals(Verdict.INCONCLUSIVE, hog.chains().get(0).steps().get(0).verdict(), hog.chains().toString());
        assertEquals(1, hog.total(), "the hog's second chain is still graded");
        assertEquals(1, out.get(1).total());
        // 10^12 terms would take hours; 1 s per step, a handful of steps, CAS start-ups, a loaded machine
        assertTrue(seconds < 60, "grading took " + seconds + " s");
        // nothing of the stopped evaluation keeps running: the derivcheck threads use (almost) no CPU afterwards
        Map<Long, Long> before = ThreadCpu.ofDerivcheckThreads(mx);
        Thread.sleep(1_500);
        long busy = 0;
        StringBuilder who = new StringBuilder();
        for (Map.Entry<Long, Long> e : ThreadCpu.usedSince(mx, before, earlier).entrySet()) {
            long d = e.getValue();
            busy += d;
            who.append(mx.getThreadInfo(e.getKey()) == null ? e.getKey() : mx.getThreadInfo(e.getKey()).getThreadName())
                    .append(' ').append(d / 1_000_000).append(" ms; ");
        }
        // a thread still summing would use about 1.5 s of CPU here; 0.2 s allows for a worker winding down
        assertTrue(busy < 200_000_000L, "threads still busy after grading: " + who);
    }

    @Test
    void aSubmissionsOwnLimitStopsItsLaterChainsAndKeepsWhatWasChecked() throws Exception {
        // issue 11, class 12: without a limit of its own a submission may take the sum of its chains' limits (here
        // six hogs of up to 1 + 5 s each, and their comparisons); with one, the chains left when it is reached are
        // INCONCLUSIVE (time), the chain checked before it still earns its point, and the next student is graded
        Path subs = Files.createDirectories(dir.resolve("subs"));
        String hog = "\\begin{align*}\n\\sum_{n=1}^{N} \\sum_{m=1}^{N} \\sin(x n m) &= 1\n\\end{align*}\n";
        Files.writeString(subs.resolve("a-hogs.tex"), "\\begin{align*}\nU &= x + x \\\\ &= 2x\n\\end{align*}\n"
                + hog.repeat(6));
        Files.writeString(subs.resolve("b-next.tex"), "\\begin{align*}\nU &= x + x \\\\ &= 2x\n\\end{align*}\n");
        Path f = dir.resolve("rubric.yaml");
        Files.writeString(f, RUBRIC + "limits:\n  step_seconds: 1\n  submission_seconds: 3\n");
        Rubric rubric = RubricReader.read(f);
        assertEquals(3.0, rubric.submissionSeconds());
        List<SubmissionGrade> out;
        long t0 = System.nanoTime();
        try (Cas cas = Cas.start(); Grader g = new Grader(rubric, cas, CheckOptions.defaults().withStepMillis(1_000))) {
            assertEquals(List.of(), g.verifyRubric());
            out = GradeBatch.run(g, SubmissionReader.readAll(subs), 1, x -> { });
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        SubmissionGrade hogs = out.get(0);
        assertEquals(java.util.Optional.empty(), hogs.error(), "graded, not stopped by the batch");
        assertEquals(1, hogs.total(), "the chain checked before the limit keeps its point: " + hogs.scores());
        assertEquals(7, hogs.chains().size(), hogs.chains().toString());
        for (int i = 1; i < 7; i++) {
            var step = hogs.chains().get(i).steps().get(0);
            assertEquals(Verdict.INCONCLUSIVE, step.verdict(), step.toString());
        }
        assertTrue(hogs.chains().get(6).steps().get(0).message().contains("submission's time limit was reached before"),
                hogs.chains().get(6).steps().get(0).message());
        assertTrue(hogs.scores().get(0).message().contains("time limit of 3 s was reached"), hogs.scores().get(0).message());
        assertEquals(1, out.get(1).total(), "the next submission is graded");
        // 3 s for the hogs' submission (not 6 x 6 s), the next one, CAS start-ups, a loaded machine
        assertTrue(seconds < 30, "grading took " + seconds + " s");
        assertTrue(hogs.millis() < 8_000, "the hogs' submission took " + hogs.millis() + " ms");
    }

    @Test
    void theRubricsSubmissionLimitIsBounded() throws Exception {
        Path f = dir.resolve("rubric.yaml");
        Files.writeString(f, RUBRIC + "limits:\n  submission_seconds: 0\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.derivcheck.derivation.DerivationException.class,
                () -> RubricReader.read(f));
        assertTrue(e.getMessage().contains("submission_seconds must be in (0, 3600]"), e.getMessage());
        Files.writeString(f, RUBRIC);
        assertEquals(Rubric.DEFAULT_SUBMISSION_SECONDS, RubricReader.read(f).submissionSeconds());
    }
}
