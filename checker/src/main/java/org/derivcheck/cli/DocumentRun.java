package org.derivcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.document.Context;
import org.derivcheck.document.ContextReader;
import org.derivcheck.document.Document;
import org.derivcheck.document.DocumentChecker;
import org.derivcheck.document.DocumentReader;
import org.derivcheck.document.DocumentResult;
import org.derivcheck.report.DocumentReport;
import org.derivcheck.report.HtmlReport;
import org.derivcheck.report.JUnitReport;

/**
 * {@code derivcheck check FILE.md|FILE.tex|FILE.txt|-}: a student's document checked equation by equation, with
 * its embedded context (front matter, {@code % derivcheck:} comments) and the side file of {@code --context}
 * laid over it; {@code --watch} keeps one warm process and re-checks on every save.
 */
final class DocumentRun {
    private final CheckOptions options;
    private final int threads;
    private final Optional<Path> contextFile;
    private final boolean verbose;
    private final InputStream stdin;

    DocumentRun(CheckOptions options, int threads, Optional<Path> contextFile, boolean verbose, InputStream stdin) {
        this.options = options;
        this.threads = threads;
        this.contextFile = contextFile;
        this.verbose = verbose;
        this.stdin = stdin;
    }

    /** Reads and checks every document once; a document that cannot be read is INVALID with its reason. */
    List<DocumentResult> checkAll(DocumentChecker checker, List<Path> paths) {
        List<DocumentResult> out = new ArrayList<>();
        for (Path p : paths) {
            out.add(checkOne(checker, p));
        }
        return out;
    }

    DocumentResult checkOne(DocumentChecker checker, Path p) {
        boolean stdinDoc = p.toString().equals("-");
        Path name = stdinDoc ? Path.of("<stdin>") : p;
        try {
            String text = stdinDoc ? DocumentReader.readStream(name, stdin) : DocumentReader.readFile(p);
            Document doc = DocumentReader.parse(name, DocumentReader.markupOf(name.toString()), text);
            Context context = Context.empty(name);
            if (doc.context().isPresent()) {
                Document.Embedded e = doc.context().get();
                context = ContextReader.parse(name, e.yaml(), e::documentLine);
            }
            if (contextFile.isPresent()) {
                Context side = ContextReader.read(contextFile.get());
                context = merge(context, side);
            }
            return checker.check(doc, context);
        } catch (DerivationException e) {
            return new DocumentResult(name, List.of(), List.of(e.getMessage()), 0);
        }
    }

    private static Context merge(Context embedded, Context side) {
        Context c = embedded.overlay(side);
        List<Context.Section> sections = new ArrayList<>(embedded.sections());
        sections.addAll(side.sections());
        return c.withSections(side.file(), sections);
    }

    /** Writes the results in the format asked for; returns the exit code. */
    int report(List<DocumentResult> results, CheckCommand.Format format, PrintWriter sink) {
        switch (format) {
            case json -> sink.println(DocumentReport.json(results));
            case junit -> sink.print(JUnitReport.render("derivcheck check", results.stream().map(DocumentResult::asDerivation)
                    .toList()));
            case html -> sink.print(HtmlReport.render("derivcheck: " + results.stream().map(r -> r.file().toString())
                    .reduce((a, b) -> a + ", " + b).orElse(""), results.stream().map(DocumentResult::asDerivation).toList()));
            default -> {
                for (DocumentResult r : results) {
                    DocumentReport.text(r, verbose, sink);
                }
                sink.println("Summary: " + DocumentReport.counts(results).line());
            }
        }
        sink.flush();
        return DocumentReport.counts(results).exitCode();
    }

    /** Checks once and reports. */
    int once(List<Path> paths, CheckCommand.Format format, PrintWriter sink) {
        try (Cas cas = Cas.start(); DocumentChecker checker = new DocumentChecker(cas, options, threads)) {
            cas.warmUp();
            return report(checkAll(checker, paths), format, sink);
        }
    }

    /**
     * Re-checks whenever a document or the context file changes (polled every 20 ms), printing the whole report
     * again: on a terminal the screen is cleared first, so the output refreshes in place. Only equations whose text
     * or names changed are checked again. Stops after {@code maxRounds} refreshes (0: never).
     */
    int watch(List<Path> paths, CheckCommand.Format format, PrintWriter sink, boolean terminal, int maxRounds)
            throws IOException {
        if (paths.stream().anyMatch(p -> p.toString().equals("-"))) {
            throw new IllegalArgumentException("--watch needs files, not standard input");
        }
        List<Path> watched = new ArrayList<>(paths);
        contextFile.ifPresent(watched::add);
        try (Cas cas = Cas.start(); DocumentChecker checker = new DocumentChecker(cas, options, threads)) {
            cas.warmUp();
            String last = "";
            String seen = "";
            int exit = 0;
            for (int round = 0; maxRounds == 0 || round <= maxRounds; ) {
                String stamp = stamp(watched);
                if (!stamp.equals(last) && (last.isEmpty() || stamp.equals(seen))) {
                    // changed, and the same on two polls 20 ms apart: a save that is still being written waits
                    last = stamp;
                    long t0 = System.nanoTime();
                    List<DocumentResult> results = checkAll(checker, paths);
                    long ms = (System.nanoTime() - t0) / 1_000_000L;
                    if (terminal) {
                        sink.print("\033[H\033[2J");
                    }
                    exit = report(results, format, sink);
                    sink.printf("watch: checked in %d ms (%d re-checked, the rest unchanged); refresh %d at %d; "
                            + "waiting for a save (Ctrl-C stops)%n", ms, checker.lastChecked(), round, System.currentTimeMillis());
                    sink.flush();
                    round++;
                }
                seen = stamp;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return exit;
        }
    }

    private static String stamp(List<Path> files) {
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            try {
                sb.append(Files.getLastModifiedTime(f).toMillis()).append(':').append(Files.size(f)).append(';');
                byte[] b = Files.size(f) <= DocumentReader.MAX_BYTES ? Files.readAllBytes(f) : new byte[0];
                sb.append(java.util.Arrays.hashCode(b)).append(';');
            } catch (IOException e) {
                sb.append("missing;");
            }
        }
        return sb.toString();
    }

    static PrintWriter writer(Path out) throws IOException {
        return new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
    }
}
