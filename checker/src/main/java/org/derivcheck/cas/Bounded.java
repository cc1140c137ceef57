package org.derivcheck.cas;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.exception.LimitException;

/**
 * One Symja computation on a worker thread under a wall-clock limit: past its limit it is asked to stop and
 * abandoned, so a hanging input costs its limit and nothing more. Asking is not always enough: Symja checks
 * its stop flag between evaluation steps, apfloat only through {@link ApfloatSetup.Stoppable}, and JAS (the
 * polynomial algebra behind Factor, Together, Cancel) never. A worker still in its abandoned computation
 * {@link #GRACE_MILLIS} after the limit is therefore stopped by force ({@link Thread#stop()}), and the engine
 * it was using is thrown away so that no later computation sees its half-updated state. {@link Cas} runs every operation so; symbol
 * tables evaluate the definitions they are given so (definitions are untrusted input too).
 */
final class Bounded {
    private static final long STACK_BYTES = 64L << 20;
    /** How long an abandoned computation may take to stop on its own before it is stopped by force. */
    static final long GRACE_MILLIS = 500;

    /** Stops the abandoned computations that did not stop when asked. */
    private static final class Reaper {
        static final java.util.concurrent.ScheduledExecutorService POOL =
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "derivcheck-reaper");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** One run of a task. */
    private static final class Running {
        volatile Thread worker;
        volatile boolean abandoned;
        volatile boolean stopped;
    }

    /** The run each worker is in now; a worker is stopped by force only while it is still in the abandoned run. */
    private static final java.util.concurrent.ConcurrentHashMap<Thread, Running> CURRENT =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Bounded() {
    }

    /** A pool of daemon workers with the stack Symja's recursion needs. */
    static ExecutorService workers(String name) {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(null, r, name, STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
    }

    /** The workers that evaluate definitions while scopes are built (they hold no state between tasks). */
    private static final class Definitions {
        static final ExecutorService POOL = workers("derivcheck-definition");
    }

    /** Runs {@code task} on a definition worker under the limit (see {@link #run(ExecutorService, Callable, long)}). */
    static <T> T definition(Callable<T> task, long millis) {
        return run(Definitions.POOL, task, millis);
    }

    /**
     * Runs {@code task} on one of {@code workers} with its engine's time limit set, and waits at most {@code millis}.
     *
     * @throws CasException a timeout, a size limit, running out of stack or memory, or another failure, in words
     */
    static <T> T run(ExecutorService workers, Callable<T> task, long millis) {
        AtomicReference<EvalEngine> engine = new AtomicReference<>();
        Running running = new Running();
        Future<T> f = workers.submit(() -> {
            // a worker that ran an abandoned computation comes back interrupted and with its engine's stop
            // flag set: both would end the next computation at once
            Thread.interrupted();
            EvalEngine e = SymjaRuntime.engine();
            e.setStopRequested(false);
            engine.set(e);
            e.setTimeConstrainedMillis(millis);
            running.worker = Thread.currentThread();
            CURRENT.put(running.worker, running);
            try {
                if (running.abandoned) {
                    throw new CasException(CasException.Kind.TIMEOUT, "abandoned before it started");
                }
                return task.call();
            } catch (ThreadDeath d) {
                throw new CasException(CasException.Kind.TIMEOUT, "stopped by force after its time limit");
            } finally {
                synchronized (running) {
                    CURRENT.remove(running.worker, running);
                }
                if (running.stopped) {
                    SymjaRuntime.discardEngine(); // stopped anywhere in Symja: never reuse its engine
                }
                e.setTimeConstrainedMillis(-1);
            }
        });
        try {
            return f.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            EvalEngine en = engine.get();
            if (en != null) {
                en.stopRequest();
            }
            abandon(f, running);
            throw new CasException(CasException.Kind.TIMEOUT, "the CAS did not finish within " + millis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            EvalEngine en = engine.get();
            if (en != null) {
                en.stopRequest();
            }
            abandon(f, running);
            throw new CasException(CasException.Kind.TIMEOUT, "interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof CasException ce) {
                throw ce;
            }
            if (c instanceof LimitException) {
                throw new CasException(CasException.Kind.LIMIT, "the CAS hit a size limit: " + c.getMessage());
            }
            if (c instanceof org.matheclipse.core.eval.exception.TimeoutException) {
                throw new CasException(CasException.Kind.TIMEOUT, "the CAS did not finish within " + millis + " ms");
            }
            if (c instanceof StackOverflowError || c instanceof OutOfMemoryError) {
                throw new CasException(CasException.Kind.LIMIT, "the CAS ran out of " + (c instanceof StackOverflowError
                        ? "stack" : "memory") + " on this expression");
            }
            throw new CasException(CasException.Kind.ERROR, "the CAS failed: " + c);
        }
    }

    /** Cancels (interrupts) the run, and stops its worker by force when it is still in it after the grace. */
    private static void abandon(Future<?> f, Running running) {
        running.abandoned = true;
        f.cancel(true);
        Reaper.POOL.schedule(() -> reap(running, 3), GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void reap(Running running, int triesLeft) {
        synchronized (running) {
            Thread t = running.worker;
            if (t == null || CURRENT.get(t) != running) {
                return; // it stopped by itself
            }
            running.stopped = true;
            t.stop(); // Java 17: delivers ThreadDeath, caught in run() above
        }
        if (triesLeft > 1) { // a library that catches Throwable may swallow one
            Reaper.POOL.schedule(() -> reap(running, triesLeft - 1), GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
