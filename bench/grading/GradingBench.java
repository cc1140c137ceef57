import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.grade.GradeBatch;
import org.derivcheck.grade.Grader;
import org.derivcheck.grade.Rubric;
import org.derivcheck.grade.RubricReader;
import org.derivcheck.grade.Submission;
import org.derivcheck.grade.SubmissionGrade;
import org.derivcheck.grade.SubmissionReader;

/**
 * Grading throughput, warm: grades the same batch ROUNDS times in one JVM (the first rounds warm up Symja,
 * the JIT and the caches) and reports the last round. Run by bench/grading/run.sh:
 * java -cp checker/target/derivcheck.jar:checker/target/lib/* bench/grading/GradingBench.java RUBRIC DIR THREADS ROUNDS
 */
public class GradingBench {
    public static void main(String[] args) throws Exception {
        Path rubricFile = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Rubric rubric = RubricReader.read(rubricFile);
        List<Submission> subs = SubmissionReader.readAll(dir);
        try (Cas cas = Cas.start(); Grader grader = new Grader(rubric, cas, CheckOptions.defaults().withStepMillis(10_000))) {
            cas.warmUp();
            if (!grader.verifyRubric().isEmpty()) {
                throw new IllegalStateException("rubric: " + grader.verifyRubric());
            }
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int r = 1; r <= rounds; r++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                List<SubmissionGrade> grades = GradeBatch.run(grader, subs, threads, g -> { });
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - c0) / 1e9;
                long steps = grades.stream().mapToLong(g -> g.steps().size()).sum();
                long comparisons = grades.stream().flatMap(g -> g.chains().stream()).mapToLong(c -> c.comparisons().size()).sum();
                double total = grades.stream().mapToDouble(SubmissionGrade::total).sum();
                System.out.printf("round %d: %d submissions, %d steps (+ %d target comparisons) in %.2f s: %.1f steps/s, "
                        + "%.2f submissions/s, threads %d, total score %.0f; process CPU %.1f s = %.1f steps per CPU-second "
                        + "(machine load average %.1f)%n", r, grades.size(), steps, comparisons, s, steps / s,
                        grades.size() / s, threads, total, cpu, steps / cpu, os.getSystemLoadAverage());
            }
        }
    }
}
