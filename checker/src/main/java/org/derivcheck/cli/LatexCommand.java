package org.derivcheck.cli;

import org.derivcheck.derivation.DerivationFiles;
import java.io.IOException;
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
import org.derivcheck.report.LatexReport;
import org.derivcheck.report.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code derivcheck latex PATH... -o FILE.tex}: the verified formulas as a LaTeX document. */
@Command(name = "latex", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks the derivation files and writes every PROVED or CONFIRMED step as a formula of a LaTeX "
                + "document (article, amsmath, amssymb), each with its source, verdict and method as a comment.",
        footer = {"", "Exit codes: 0 written; 2 bad input or usage.", "", "Example:",
                "  derivcheck latex derivations/ -o verified.tex"})
public final class LatexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Derivation files or folders (searched for *.yaml, *.yml).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.tex", description = "The document to write.")
    Path out;

    @Option(names = "--seed", defaultValue = "20251125", description = "Seed of random points and draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "Derivations checked in parallel (default: one per core).")
    int threads;

    @Override
    public Integer call() throws IOException {
        List<Path> files = DerivationFiles.expand(paths);
        if (files.isEmpty()) {
            spec.commandLine().getErr().println("derivcheck: no derivation files (*.yaml, *.yml) under " + paths);
            return 2;
        }
        List<DerivationResult> results;
        try (Cas cas = Cas.start()) {
            cas.warmUp();
            int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            results = new BatchChecker(cas, CheckOptions.defaults().withSeed(seed), n).check(files, r -> { });
        }
        Files.writeString(out, LatexReport.render(results), StandardCharsets.UTF_8);
        Summary s = Summary.of(results);
        long kept = results.stream().flatMap(r -> r.steps().stream()).filter(x -> x.verdict().holds()).count();
        spec.commandLine().getOut().println("Summary: " + s.line());
        spec.commandLine().getOut().println("Wrote " + kept + " verified formulas to " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
