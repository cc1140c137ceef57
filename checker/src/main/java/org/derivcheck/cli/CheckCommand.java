package org.derivcheck.cli;

import org.derivcheck.command.Progress;
import org.derivcheck.derivation.DerivationFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.BatchChecker;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.derivation.DerivationReader;
import org.derivcheck.document.DocumentReader;
import org.derivcheck.report.HtmlReport;
import org.derivcheck.report.JUnitReport;
import org.derivcheck.report.JsonReport;
import org.derivcheck.report.Summary;
import org.derivcheck.report.TextReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code derivcheck check [PATH...]}: checks derivation files and prints a report. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks every step of the derivation files (YAML) given, or found under the folders given.",
                "Each step gets a verdict: PROVED (symbolic), CONFIRMED (numeric evidence), REFUTED (counterexample "
                        + "and diagnosis), INCONCLUSIVE (undecided, with the reason) or INVALID (bad input, with file and line)."},
        footer = {"", "Exit codes: 0 every step PROVED or CONFIRMED; 1 a step REFUTED or INCONCLUSIVE; "
                + "2 bad input (INVALID) or usage.", "",
                "Examples:", "  derivcheck check derivations/", "  derivcheck check --format json --out report.json tests/",
                "  derivcheck check --format html --out report.html derivations/"})
public final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Derivation files or folders (searched for *.yaml, *.yml), or documents: .md, .txt (Markdown), "
            + ".tex, or - for standard input.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    @Option(names = "--seed", defaultValue = "20251125", description = "Seed of random points and Monte Carlo draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-limit", defaultValue = "20", paramLabel = "SECONDS",
            description = "Time limit of one step, all methods together (default: ${DEFAULT-VALUE} s).")
    double timeLimit;

    @Option(names = "--threads", defaultValue = "0", description = "Derivations checked in parallel (default: one per core).")
    int threads;

    @Option(names = {"-v", "--verbose"}, description = "Show the evidence of every method for every step, and each step as derivcheck read it (definitions expanded).")
    boolean verbose;

    @Option(names = "--context", paramLabel = "FILE.yaml", description = "Names for a document's equations (symbols, "
            + "densities, functions, define, assume, notation, ...), laid over its front matter or %% derivcheck: comments.")
    Path context;

    @Option(names = "--watch", description = "Documents only: stay running and re-check on every save, only the equations "
            + "that changed.")
    boolean watch;

    @Option(names = "--watch-rounds", hidden = true, defaultValue = "0")
    int watchRounds;

    private int documents(List<Path> docs) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : docs) {
            if (!DocumentReader.isDocument(p) || Files.isDirectory(p)) {
                err.println("derivcheck: " + p + ": --context and --watch are for documents (.md, .txt, .tex or - for "
                        + "standard input); check derivation files (.yaml) in a run of their own");
                return 2;
            }
        }
        if (context != null && !Files.isRegularFile(context)) {
            err.println("derivcheck: --context " + context + ": no such file");
            return 2;
        }
        CheckOptions options = CheckOptions.defaults().withSeed(seed).withStepMillis((long) (timeLimit * 1000));
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        DocumentRun run = new DocumentRun(options, n, java.util.Optional.ofNullable(context), verbose, System.in);
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter sink = out == null ? console : DocumentRun.writer(out);
        try {
            if (watch) {
                return run.watch(docs, format, sink, out == null && System.console() != null, watchRounds);
            }
            return run.once(docs, format, sink);
        } catch (IllegalArgumentException e) {
            err.println("derivcheck: " + e.getMessage());
            return 2;
        } finally {
            if (out != null) {
                sink.close();
                console.println("Report written to " + out);
                console.flush();
            }
        }
    }

    /** Report formats. */
    public enum Format { text, json, junit, html }

    @Override
    public Integer call() throws IOException {
        if (timeLimit <= 0 || timeLimit > 3600) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-limit must be between 0 and 3600 seconds");
        }
        boolean documents = paths.stream().anyMatch(p -> DocumentReader.isDocument(p) && !Files.isDirectory(p));
        if (documents || watch || context != null) {
            return documents(paths);
        }
        List<Path> files;
        try {
            files = DerivationFiles.expand(paths);
        } catch (IOException e) {
            spec.commandLine().getErr().println("derivcheck: cannot read " + e.getMessage());
            return 2;
        }
        List<Path> rubrics = files.stream().filter(f -> !paths.contains(f) && DerivationReader.isRubric(f)).toList();
        if (!rubrics.isEmpty()) {
            files = files.stream().filter(f -> !rubrics.contains(f)).toList();
            spec.commandLine().getErr().println("derivcheck: skipped " + rubrics.size() + " grading rubric(s) found in "
                    + "the folders (grade with 'derivcheck grade --rubric'): " + rubrics);
        }
        if (files.isEmpty()) {
            spec.commandLine().getErr().println("derivcheck: no derivation files (*.yaml, *.yml) under " + paths);
            return 2;
        }
        CheckOptions options = CheckOptions.defaults().withSeed(seed).withStepMillis((long) (timeLimit * 1000));
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter sink = out == null ? console
                : new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
        TextReport text = new TextReport(verbose);
        OrderedPrinter<DerivationResult> printer = new OrderedPrinter<>(files.size(),
                format == Format.text ? r -> text.derivation(r, sink) : r -> { });
        Progress progress = Progress.command("checking", files.size());
        List<DerivationResult> results;
        try (Cas cas = Cas.start()) {
            cas.warmUp();
            BatchChecker batch = new BatchChecker(cas, options, n);
            List<Path> order = List.copyOf(files);
            results = batch.check(order, (r, i) -> {
                printer.accept(i, r);
                progress.step();
            });
        } finally {
            progress.close();
        }
        Summary summary = Summary.of(results);
        if (format == Format.json) {
            sink.println(JsonReport.render(results));
        } else if (format == Format.junit) {
            sink.print(JUnitReport.render("derivcheck check", results));
        } else if (format == Format.html) {
            sink.print(HtmlReport.render("derivcheck report", results, verbose));
        } else {
            sink.println("Summary: " + summary.line());
        }
        sink.flush();
        if (out != null) {
            sink.close();
            console.println("Summary: " + summary.line());
            console.println("Report written to " + out);
            console.flush();
        }
        return summary.exitCode();
    }
}
