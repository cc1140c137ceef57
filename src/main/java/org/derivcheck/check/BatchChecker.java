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
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import java.util.stream.Stream;
import org.derivcheck.cas.Cas;
import org.derivcheck.derivation.Derivation;
import org.derivcheck.derivation.DerivationException;
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

    /** Expands directories into their .yaml/.yml files (sorted, recursively); files are kept as given. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                            .sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
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
        try {
            List<Future<DerivationResult>> futures = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                int index = i;
                futures.add(pool.submit(() -> {
                    DerivationResult r = checkOne(f);
                    synchronized (onResult) {
                        onResult.accept(r, index);
                    }
                    return r;
                }));
            }
            List<DerivationResult> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (Exception e) {
                    out.add(failed(files.get(i), Verdict.INCONCLUSIVE, "internal error: " + e));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    public DerivationResult checkOne(Path f) {
        Derivation d;
        try {
            if (!Files.isRegularFile(f)) {
                return failed(f, Verdict.INVALID, f + ": no such file");
            }
            d = DerivationReader.read(f);
        } catch (DerivationException e) {
            return failed(f, Verdict.INVALID, e.getMessage());
        }
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
