package org.derivcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.grade.GradeBatch;
import org.derivcheck.grade.GradeOutput;
import org.derivcheck.grade.Grader;
import org.derivcheck.grade.ResultScore;
import org.derivcheck.grade.Rubric;
import org.derivcheck.grade.RubricReader;
import org.derivcheck.grade.Submission;
import org.derivcheck.grade.SubmissionGrade;
import org.derivcheck.grade.SubmissionReader;
import org.derivcheck.report.JUnitReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code derivcheck grade --rubric R --submissions DIR --out DIR}: grades a class. */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Grades every submission (.tex or .yaml file, or a folder of them) in DIR against a rubric:",
                "each chain is checked step by step, each result of the rubric is scored (full, partial or none),",
                "and --out receives scores.csv, scores.json, checks.json, junit.xml, index.html (the score table),",
                "feedback/ID.html (one page per student) and gradescope/ID/results.json. See docs/grading.md."},
        footer = {"", "Exit codes: 0 graded (whatever the scores); 2 the rubric or the options are wrong.", "",
                "Example:", "  derivcheck grade --rubric tests/grading/rubric.yaml --submissions tests/grading/submissions --out /tmp/g"})
public final class GradeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rubric", required = true, paramLabel = "RUBRIC.yaml", description = "The rubric.")
    Path rubricFile;

    @Option(names = "--submissions", required = true, paramLabel = "DIR", description = "The folder of submissions.")
    Path submissions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where every output file is written.")
    Path out;

    @Option(names = "--format", defaultValue = "text",
            description = "What is printed on standard output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Time limit of one step (default: the rubric's limits.step_seconds, else 10 s).")
    Double timeLimit;

    @Option(names = "--seed", defaultValue = "20251125", description = "Seed of random points and draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "Submissions graded in parallel (default: one per core).")
    int threads;

    /** What is printed. */
    public enum Format { text, json, junit, html }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter console = spec.commandLine().getOut();
        Rubric rubric;
        try {
            rubric = RubricReader.read(rubricFile);
        } catch (DerivationException e) {
            err.println("derivcheck: " + e.getMessage());
            return 2;
        }
        if (!Files.isDirectory(submissions)) {
            err.println("derivcheck: " + submissions + " is not a folder of submissions");
            return 2;
        }
        double step = timeLimit != null ? timeLimit : rubric.stepSeconds();
        if (step <= 0 || step > 600) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-limit must be in (0, 600] seconds");
        }
        CheckOptions options = CheckOptions.defaults().withSeed(seed).withStepMillis((long) (step * 1000));
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        List<Submission> subs = SubmissionReader.readAll(submissions);
        GradeOutput output = new GradeOutput(out, rubric);
        List<SubmissionGrade> grades;
        java.util.Map<String, String> targetTex;
        Progress progress = Progress.start("grading", subs.size(), err);
        try (Cas cas = Cas.start(); Grader grader = new Grader(rubric, cas, options)) {
            cas.warmUp();
            List<String> problems = grader.verifyRubric();
            if (!problems.isEmpty()) {
                problems.forEach(p -> err.println("derivcheck: rubric: " + p));
                return 2;
            }
            grades = GradeBatch.run(grader, subs, n, g -> {
                output.accept(g);
                progress.step();
            });
            targetTex = grader.targetTex();
        } finally {
            progress.close();
        }
        output.finish(grades, targetTex);
        switch (format) {
            case json -> console.println(Files.readString(output.folder().resolve("scores.json")));
            case junit -> console.print(JUnitReport.render("grade " + rubric.id(),
                    grades.stream().map(SubmissionGrade::asDerivationResult).toList()));
            case html -> console.println(output.folder().resolve("index.html"));
            default -> table(rubric, grades, console);
        }
        if (format != Format.text) {
            err.println("Graded " + grades.size() + " submissions; reports in " + output.folder());
        }
        console.flush();
        return 0;
    }

    private static void table(Rubric rubric, List<SubmissionGrade> grades, PrintWriter out) {
        int w = Math.max(12, grades.stream().mapToInt(g -> g.id().length()).max().orElse(0) + 2);
        StringBuilder head = new StringBuilder(String.format("%-" + w + "s", "submission"));
        rubric.results().forEach(r -> head.append(String.format(" %12s", abbreviate(r.id(), 12))));
        out.println(head.append(String.format(" %9s  %s", "total", "note")));
        for (SubmissionGrade g : grades) {
            StringBuilder row = new StringBuilder(String.format("%-" + w + "s", g.id()));
            for (ResultScore s : g.scores()) {
                row.append(String.format(" %12s", fmt(s.earned()) + "/" + fmt(s.points())));
            }
            row.append(String.format(" %9s  %s", fmt(g.total()) + "/" + fmt(g.max()),
                    g.error().isPresent() ? "unreadable: " + abbreviate(g.error().get(), 100) : g.needsReview() ? "review" : ""));
            out.println(row);
        }
        out.println();
        out.println("Graded " + grades.size() + " submissions. Score table, feedback pages and results files are in "
                + "the --out folder (index.html, scores.csv, feedback/, gradescope/).");
    }

    private static String fmt(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format(java.util.Locale.ROOT, "%.1f", p);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
