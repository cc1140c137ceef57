package org.derivcheck.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import org.derivcheck.cas.Cas;
import org.derivcheck.derivation.Derivation;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.derivation.DerivationFiles;
import org.derivcheck.derivation.DerivationReader;

/**
 * Checks many derivation files in parallel (one worker per core). Each file is isolated: a file that
 * cannot be read or crashes a checker gets its own INVALID or INCONCLUSIVE result and the others go on.
 * Results come back in the order of the files; {@code onResult} sees each as soon as it is ready.
 */
public final class BatchChecker {
    private final Cas cas;
    private final CheckOptions options;
    private final int threads;

    public BatchChecker(Cas cas, CheckOptions options, int threads) {
        this.cas = cas;
        this.options = options;
        this.threads = Math.max(1, threads);
    }

    /**
     * Expands directories into their .yaml/.yml files.
     *
     * @deprecated file walking belongs to {@code derivation}: use {@link DerivationFiles#expand(List)}
     */
    @Deprecated
    public static List<Path> expand(List<Path> paths) throws IOException {
        return DerivationFiles.expand(paths);
    }

    public List<DerivationResult> check(List<Path> files, Consumer<DerivationResult> onResult) {
        return check(files, (r, i) -> onResult.accept(r));
    }

    /**
     * As {@link #check(List, Consumer)}, and {@code onResult} also gets the index of the result's file in
     * {@code files} (a file given twice has two indices).
     */
    public List<DerivationResult> check(List<Path> files, ObjIntConsumer<DerivationResult> onResult) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "derivcheck-check");
            t.setDaemon(true);
            return t;
        });
        int n = files.size();
        // when each file must be done by: set when its check starts (its steps times the step limit, plus slack)
        AtomicLongArray deadlines = new AtomicLongArray(n);
        AtomicBoolean[] reported = new AtomicBoolean[n];
        try {
            List<Future<DerivationResult>> futures = new ArrayList<>(java.util.Collections.nCopies(n, null));
            for (int k : largestFirst(files)) {
                deadlines.set(k, Long.MAX_VALUE);
                reported[k] = new AtomicBoolean();
                futures.set(k, pool.submit(() -> {
                    DerivationResult r = checkOne(files.get(k), budget -> deadlines.set(k, System.nanoTime() + budget));
                    report(reported[k], r, onResult, k);
                    return r;
                }));
            }
            List<DerivationResult> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(await(futures.get(i), deadlines, i, files.get(i), reported[i], onResult));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The order the files start in: largest first (by bytes, a stand-in for the work in them), so that a big file
     * does not start last and leave the other workers idle while it runs (longest-processing-time-first
     * scheduling). The results keep the order the files were given in.
     */
    static List<Integer> largestFirst(List<Path> files) {
        long[] size = new long[files.size()];
        for (int i = 0; i < size.length; i++) {
            try {
                size[i] = Files.size(files.get(i));
            } catch (IOException | RuntimeException e) {
                size[i] = 0; // reported when its check reads it
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> a.equals(b) ? 0 : size[a] != size[b] ? Long.compare(size[b], size[a]) : Integer.compare(a, b));
        return order;
    }

    /** Waits for one file, at most until its deadline: a file past it is stopped and reported INCONCLUSIVE. */
    private static DerivationResult await(Future<DerivationResult> f, AtomicLongArray deadlines, int i, Path file,
            AtomicBoolean reported, ObjIntConsumer<DerivationResult> onResult) {
        while (true) {
            try {
                return f.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() - deadlines.get(i) > 0) {
                    f.cancel(true);
                    DerivationResult r = failed(file, Verdict.INCONCLUSIVE, file + ": the file's time limit was reached "
                            + "(its steps times the step limit); it was stopped and not decided");
                    report(reported, r, onResult, i);
                    return r;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                DerivationResult r = failed(file, Verdict.INCONCLUSIVE, "interrupted");
                report(reported, r, onResult, i);
                return r;
            } catch (Exception e) {
                DerivationResult r = failed(file, Verdict.INCONCLUSIVE, "internal error: " + e);
                report(reported, r, onResult, i);
                return r;
            }
        }
    }

    private static void report(AtomicBoolean reported, DerivationResult r, ObjIntConsumer<DerivationResult> onResult,
            int index) {
        if (reported.compareAndSet(false, true)) {
            synchronized (onResult) {
                onResult.accept(r, index);
            }
        }
    }

    public DerivationResult checkOne(Path f) {
        return checkOne(f, budget -> { });
    }

    private DerivationResult checkOne(Path f, java.util.function.LongConsumer budgetNanos) {
        Derivation d;
        try {
            if (!Files.isRegularFile(f)) {
                return failed(f, Verdict.INVALID, f + ": no such file");
            }
            d = DerivationReader.read(f);
        } catch (DerivationException e) {
            return failed(f, Verdict.INVALID, e.getMessage());
        } catch (StackOverflowError e) {
            return failed(f, Verdict.INVALID, f + ": the file is nested too deeply to read");
        }
        long relations = 0;
        for (var s : d.steps()) {
            for (var l : s.lines()) {
                relations += 1 + l.text().chars().filter(c -> c == '=' || c == '<' || c == '>').count();
            }
            relations += 2; // the tex: form's comparison, a maximization
        }
        budgetNanos.accept((relations * options.stepMillis() + 10_000L) * 1_000_000L);
        try {
            return new DerivationChecker(cas, options).check(d);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(f, Verdict.INCONCLUSIVE, f + ": internal error while checking: " + e);
        }
    }

    private static DerivationResult failed(Path f, Verdict v, String message) {
        String id = f.getFileName() == null ? f.toString() : f.getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
        return new DerivationResult(id, "", "", f, v, List.of(), Optional.of(message), 0);
    }
}
