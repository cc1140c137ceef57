package org.derivcheck.cli;

import org.derivcheck.command.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.grade.GradeBatch;
import org.derivcheck.grade.GradeOutput;
import org.derivcheck.grade.Grader;
import org.derivcheck.grade.GradescopeResults;
import org.derivcheck.grade.ResultScore;
import org.derivcheck.grade.Rubric;
import org.derivcheck.grade.RubricReader;
import org.derivcheck.grade.Shard;
import org.derivcheck.grade.Submission;
import org.derivcheck.grade.SubmissionGrade;
import org.derivcheck.grade.SubmissionReader;
import org.derivcheck.report.JUnitReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code derivcheck grade}: grades a class ({@code --submissions DIR --out DIR}, optionally one shard of it),
 * or one submission for an autograder ({@code --submission PATH --results FILE}); {@code grade merge}
 * combines shard outputs.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = GradeMergeCommand.class,
        description = {"Grades submissions (LaTeX or YAML) against a rubric: a class, one shard of a class, or one "
                + "submission for an autograder.",
            "With --submissions DIR --out DIR: every entry of DIR (a .tex or .yaml file, or a folder of them) is one "
                + "student; each chain is checked step by step and each result of the rubric is scored (full, partial "
                + "or none). The files written are listed below; see docs/grading.md.",
            "With --shard I/N: only part I (0 to N-1) of the class, split N ways by a hash of each submission's name; "
                + "'grade merge' combines the N output folders.",
            "With --submission PATH --results FILE: one submission, and its Gradescope results.json (the autograder's "
                + "mode: examples/gradescope/)."},
        footer = {"", "Written under --out: scores.csv, scores.json, checks.json, junit.xml, index.html (the score table), "
                + "feedback/ID.html (one page per student), gradescope/ID/results.json, progress.jsonl, shard.json.", "",
            "Exit codes: 0 graded (whatever the scores); 2 the rubric or the options are wrong.", "",
            "Examples:",
            "  derivcheck grade --rubric tests/grading/rubric.yaml --submissions tests/grading/submissions --out /tmp/g",
            "  derivcheck grade --rubric rubric.yaml --submission /autograder/submission --results /autograder/results/results.json",
            "  derivcheck grade --rubric rubric.yaml --submissions subs --shard 0/3 --out out/0   # and 1/3, 2/3",
            "  derivcheck grade merge --rubric rubric.yaml --out out/all out/0 out/1 out/2"})
public final class GradeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rubric", paramLabel = "RUBRIC.yaml", description = "The rubric (required).")
    Path rubricFile;

    @Option(names = "--submissions", paramLabel = "DIR", description = "The folder of submissions, one entry per student.")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", description = "Where every output file is written (with --submissions).")
    Path out;

    @Option(names = "--shard", paramLabel = "I/N", description = "Grade only shard I of N (I from 0): a stable split by "
            + "a hash of each submission's name (default: all).")
    String shard;

    @Option(names = "--submission", paramLabel = "PATH", description = "One submission (a folder of .tex/.yaml files, or "
            + "one file), e.g. /autograder/submission.")
    Path submission;

    @Option(names = "--results", paramLabel = "FILE", description = "With --submission: its Gradescope results.json.")
    Path results;

    @Option(names = "--format", defaultValue = "text",
            description = "What is printed on standard output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Time limit of one step (default: the rubric's limits.step_seconds, else 10 s).")
    Double timeLimit;

    @Option(names = "--submission-limit", paramLabel = "SECONDS",
            description = "Time limit of one whole submission: the chains not checked by then are INCONCLUSIVE (time), "
                    + "what was checked is kept and scored, and the next submission is graded (default: the rubric's "
                    + "limits.submission_seconds, else 120 s).")
    Double submissionLimit;

    @Option(names = "--seed", defaultValue = "20251125", description = "Seed of random points and draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "Submissions graded in parallel (default: one per core).")
    int threads;

    /** What is printed. */
    public enum Format { text, json, junit, html }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() throws IOException {
        if (rubricFile == null) {
            throw usage("Missing required option: '--rubric=RUBRIC.yaml'");
        }
        if ((submissions == null) == (submission == null)) {
            throw usage("give either --submissions DIR (a class) or --submission PATH (one submission)");
        }
        if (submission != null && (results == null || shard != null)) {
            throw usage(results == null ? "--submission needs --results FILE (where results.json is written)"
                    : "--shard splits a class (--submissions), not one submission");
        }
        if (submissions != null && (out == null || results != null)) {
            throw usage(out == null ? "--submissions needs --out DIR" : "--results goes with --submission (one submission)");
        }
        Shard part;
        try {
            part = shard == null ? Shard.ALL : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        Rubric rubric;
        try {
            rubric = RubricReader.read(rubricFile);
        } catch (DerivationException e) {
            err.println("derivcheck: " + e.getMessage());
            if (submission != null) {
                SingleSubmission.writeFailure(results, "The autograder's rubric could not be read; please tell the course "
                        + "staff. (" + e.getMessage() + ")");
            }
            return 2;
        }
        double step = timeLimit != null ? timeLimit : rubric.stepSeconds();
        if (step <= 0 || step > 600) {
            throw usage("--time-limit must be in (0, 600] seconds");
        }
        CheckOptions options = CheckOptions.defaults().withSeed(seed).withStepMillis((long) (step * 1000));
        double whole = submissionLimit != null ? submissionLimit : rubric.submissionSeconds();
        if (whole <= 0 || whole > 3600) {
            throw usage("--submission-limit must be in (0, 3600] seconds");
        }
        rubric = new Rubric(rubric.id(), rubric.title(), rubric.source(), rubric.file(), rubric.symbols(),
                rubric.definitions(), rubric.assumptions(), rubric.notation(), rubric.expectations(), rubric.results(),
                rubric.stepSeconds(), whole);
        if (submission != null) {
            return SingleSubmission.grade(rubric, options, submission, results, spec.commandLine().getOut(), err);
        }
        if (!Files.isDirectory(submissions)) {
            err.println("derivcheck: " + submissions + " is not a folder of submissions");
            return 2;
        }
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        List<Shard.Member> members = part.read(submissions);
        List<Submission> subs = members.stream().map(Shard.Member::submission).toList();
        GradeOutput output = new GradeOutput(out, rubric);
        List<SubmissionGrade> grades;
        Map<String, String> targetTex;
        Progress progress = Progress.command("grading", subs.size());
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
        output.finish(grades, targetTex, part, members.stream().map(Shard.Member::position).toList());
        PrintWriter console = spec.commandLine().getOut();
        switch (format) {
            case json -> console.println(Files.readString(output.folder().resolve("scores.json")));
            case junit -> console.print(JUnitReport.render("grade " + rubric.id(),
                    grades.stream().map(SubmissionGrade::asDerivationResult).toList()));
            case html -> console.println(output.folder().resolve("index.html"));
            default -> table(rubric, grades, console, part);
        }
        if (format != Format.text) {
            err.println("Graded " + grades.size() + " submissions" + (part.count() > 1 ? " (shard " + part + ")" : "")
                    + "; reports in " + output.folder());
        }
        console.flush();
        return 0;
    }

    static void table(Rubric rubric, List<SubmissionGrade> grades, PrintWriter out, Shard part) {
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
        out.println("Graded " + grades.size() + " submissions" + (part.count() > 1 ? " (shard " + part + ")" : "")
                + ". Score table, feedback pages and results files are in the --out folder (index.html, scores.csv, "
                + "feedback/, gradescope/).");
    }

    static String fmt(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format(java.util.Locale.ROOT, "%.1f", p);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /** One submission, as an autograder runs it: always leaves a results.json, even when grading fails. */
    static final class SingleSubmission {
        private SingleSubmission() {
        }

        static int grade(Rubric rubric, CheckOptions options, Path path, Path results, PrintWriter out, PrintWriter err)
                throws IOException {
            Submission s = SubmissionReader.read(path);
            SubmissionGrade g;
            try (Cas cas = Cas.start(); Grader grader = new Grader(rubric, cas, options)) {
                cas.warmUp();
                List<String> problems = grader.verifyRubric();
                if (!problems.isEmpty()) {
                    problems.forEach(p -> err.println("derivcheck: rubric: " + p));
                    writeFailure(results, "The autograder's rubric is wrong; please tell the course staff. ("
                            + String.join("; ", problems) + ")");
                    return 2;
                }
                g = GradeBatch.run(grader, List.of(s), 1, x -> { }).get(0);
            }
            write(results, GradescopeResults.render(g));
            out.println("Graded " + g.id() + ": " + fmt(g.total()) + "/" + fmt(g.max())
                    + g.error().map(e -> " (unreadable: " + e + ")").orElse(g.needsReview() ? " (to be reviewed)" : ""));
            out.println("Results written to " + results);
            out.flush();
            return 0;
        }

        /** A results.json with score 0 and the reason as the student's output, so the platform shows why. */
        static void writeFailure(Path results, String why) throws IOException {
            var m = new com.fasterxml.jackson.databind.ObjectMapper();
            var root = m.createObjectNode().put("score", 0).put("output", why).put("visibility", "visible");
            root.putArray("tests");
            write(results, m.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        }

        private static void write(Path results, String json) throws IOException {
            Path parent = results.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(results, json, StandardCharsets.UTF_8);
        }
    }
}
