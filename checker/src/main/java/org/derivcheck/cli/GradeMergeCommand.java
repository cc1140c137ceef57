package org.derivcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.grade.GradeMerge;
import org.derivcheck.grade.Rubric;
import org.derivcheck.grade.RubricReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code derivcheck grade merge --rubric R --out DIR SHARD_DIR...}: one class's outputs from its shards. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Combines the output folders of 'grade --shard 0/N' ... 'grade --shard N-1/N' into one folder, "
                + "as an unsharded run writes it: one score table (scores.csv, scores.json, index.html), one checks.json "
                + "and junit.xml, and every student's feedback page and Gradescope results file, in the class's order. "
                + "Every shard must be there exactly once, graded with the same rubric.",
        footer = {"", "Exit codes: 0 merged; 2 a shard is missing, repeated or of another rubric, or the options are wrong.", "",
            "Example:", "  derivcheck grade merge --rubric rubric.yaml --out out/all out/0 out/1 out/2"})
public final class GradeMergeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rubric", required = true, paramLabel = "RUBRIC.yaml", description = "The rubric the shards used.")
    Path rubricFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the merged files are written.")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "The --out folder of every shard.")
    List<Path> shards = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        Rubric rubric;
        try {
            rubric = RubricReader.read(rubricFile);
        } catch (DerivationException e) {
            err.println("derivcheck: " + e.getMessage());
            return 2;
        }
        for (Path s : shards) {
            if (s.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                err.println("derivcheck: --out must be a folder of its own, not one of the shards (" + s + ")");
                return 2;
            }
            if (!Files.isDirectory(s)) {
                err.println("derivcheck: " + s + " is not a folder");
                return 2;
            }
        }
        int n;
        try {
            n = GradeMerge.merge(rubric, shards, out);
        } catch (IllegalArgumentException | DerivationException e) {
            err.println("derivcheck: " + e.getMessage());
            return 2;
        }
        var console = spec.commandLine().getOut();
        console.println("Merged " + shards.size() + " shards, " + n + " submissions, into " + out
                + " (index.html, scores.csv, scores.json, checks.json, junit.xml, feedback/, gradescope/).");
        console.flush();
        return 0;
    }
}
