package org.derivcheck.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Grades submissions in parallel (one worker per core), each under a time limit of its own
 * ({@link Grader#limitMillis}): the batch waits for a submission only that long after it started, then
 * interrupts its worker (the chain threads it waits on are cancelled with it, and every CAS call and numeric
 * loop stops on the interrupt), grades it 0 with the reason and marks it for review. A worker that does not
 * stop within {@link #STUCK_MILLIS} is replaced by a new one, so the other submissions are graded anyway. A
 * submission that crashes a checker is graded 0 with the reason the same way; the others go on.
 * {@code onResult} sees each grade as soon as it is ready; the list comes back in the order of the submissions.
 */
public final class GradeBatch {
    /** How long a worker interrupted at its submission's limit may take to stop before another replaces it. */
    static final long STUCK_MILLIS = 2_000;

    private GradeBatch() {
    }

    public static List<SubmissionGrade> run(Grader grader, List<Submission> submissions, int threads,
            Consumer<SubmissionGrade> onResult) {
        return run(grader::grade, grader.rubric(), submissions, threads, onResult, grader::limitMillis);
    }

    /** One submission's task: when it started, whether its grade was delivered, whether its worker still runs. */
    private static final class Task {
        final Submission submission;
        final AtomicBoolean delivered = new AtomicBoolean();
        volatile long started;
        volatile boolean running;
        volatile SubmissionGrade grade;
        java.util.concurrent.Future<?> future;
        long cancelledAt;
        boolean replaced;

        Task(Submission s) {
            this.submission = s;
        }
    }

    static List<SubmissionGrade> run(Function<Submission, SubmissionGrade> grade, Rubric rubric, List<Submission> submissions,
            int threads, Consumer<SubmissionGrade> onResult, ToLongFunction<Submission> limitMillis) {
        int n = Math.max(1, threads);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(null, r, "derivcheck-grade", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        List<Task> tasks = new ArrayList<>();
        try {
            for (Submission s : submissions) {
                Task t = new Task(s);
                tasks.add(t);
                t.future = pool.submit(() -> {
                    t.running = true;
                    t.started = System.nanoTime();
                    try {
                        SubmissionGrade g;
                        try {
                            g = grade.apply(s);
                        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                            g = failed(rubric, s, "internal error while grading: " + e);
                        }
                        deliver(t, g, onResult);
                    } finally {
                        t.running = false;
                    }
                });
            }
            int left = tasks.size();
            while (left > 0) {
                left = 0;
                long now = System.nanoTime();
                for (Task t : tasks) {
                    if (t.grade != null && !t.running) {
                        continue;
                    }
                    if (t.grade == null) {
                        left++;
                        long limit = limitMillis.applyAsLong(t.submission);
                        if (t.started != 0 && now - t.started > limit * 1_000_000L) {
                            // the time-out is delivered before the worker is interrupted: a worker that returns a
                            // grade as soon as it sees the interrupt must not win over its own time-out
                            deliver(t, failed(rubric, t.submission, "the submission's time limit of " + (limit + 999) / 1000
                                    + " s was reached: its grading was stopped"), onResult);
                            t.future.cancel(true);
                            t.cancelledAt = now;
                        }
                    } else if (t.cancelledAt != 0 && !t.replaced && now - t.cancelledAt > STUCK_MILLIS * 1_000_000L) {
                        // interrupted but still running: let another worker take the queue
                        t.replaced = true;
                        pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                        pool.setCorePoolSize(pool.getCorePoolSize() + 1);
                    }
                }
                if (left > 0) {
                    Thread.sleep(20);
                }
            }
            List<SubmissionGrade> out = new ArrayList<>();
            for (Task t : tasks) {
                out.add(t.grade);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            List<SubmissionGrade> out = new ArrayList<>();
            for (Task t : tasks) {
                out.add(t.grade != null ? t.grade : failed(rubric, t.submission, "grading was interrupted"));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first grade of a task is kept and shown; a late one (after its time limit) is dropped. */
    private static void deliver(Task t, SubmissionGrade g, Consumer<SubmissionGrade> onResult) {
        if (t.delivered.compareAndSet(false, true)) {
            t.grade = g;
            synchronized (onResult) {
                onResult.accept(g);
            }
        }
    }

    private static SubmissionGrade failed(Rubric rubric, Submission s, String why) {
        List<ResultScore> scores = new ArrayList<>();
        for (RubricResult r : rubric.results()) {
            scores.add(new ResultScore(r.id(), r.title(), 0, r.points(), ResultScore.Status.NONE, why, true));
        }
        return new SubmissionGrade(s.id(), s.files(), List.of(), scores, Optional.of(why), 0);
    }
}
