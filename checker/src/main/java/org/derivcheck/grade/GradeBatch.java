package org.derivcheck.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Grades submissions in parallel (one worker per core). A submission that crashes a checker is graded 0
 * with the reason and marked for review; the others go on. {@code onResult} sees each grade as soon as it
 * is ready; the list comes back in the order of the submissions.
 */
public final class GradeBatch {
    private GradeBatch() {
    }

    public static List<SubmissionGrade> run(Grader grader, List<Submission> submissions, int threads,
            Consumer<SubmissionGrade> onResult) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(null, r, "derivcheck-grade", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SubmissionGrade>> futures = new ArrayList<>();
            for (Submission s : submissions) {
                futures.add(pool.submit(() -> {
                    SubmissionGrade g;
                    try {
                        g = grader.grade(s);
                    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                        g = failed(grader, s, "internal error while grading: " + e);
                    }
                    synchronized (onResult) {
                        onResult.accept(g);
                    }
                    return g;
                }));
            }
            List<SubmissionGrade> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (Exception e) {
                    out.add(failed(grader, submissions.get(i), "internal error: " + e));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static SubmissionGrade failed(Grader grader, Submission s, String why) {
        List<ResultScore> scores = new ArrayList<>();
        for (RubricResult r : grader.rubric().results()) {
            scores.add(new ResultScore(r.id(), r.title(), 0, r.points(), ResultScore.Status.NONE, why, true));
        }
        return new SubmissionGrade(s.id(), s.files(), List.of(), scores, Optional.of(why), 0);
    }
}
