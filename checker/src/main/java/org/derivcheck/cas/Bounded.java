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
 * abandoned, so a hanging input costs its limit and nothing more. {@link Cas} runs every operation so; symbol
 * tables evaluate the definitions they are given so (definitions are untrusted input too).
 */
final class Bounded {
    private static final long STACK_BYTES = 64L << 20;

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
        Future<T> f = workers.submit(() -> {
            // a worker that ran an abandoned computation comes back interrupted and with its engine's stop
            // flag set: both would end the next computation at once
            Thread.interrupted();
            EvalEngine e = SymjaRuntime.engine();
            e.setStopRequested(false);
            engine.set(e);
            e.setTimeConstrainedMillis(millis);
            try {
                return task.call();
            } finally {
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
            f.cancel(true);
            throw new CasException(CasException.Kind.TIMEOUT, "the CAS did not finish within " + millis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
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
}
