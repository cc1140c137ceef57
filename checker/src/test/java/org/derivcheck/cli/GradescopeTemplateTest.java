package org.derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Gradescope template of examples/gradescope runs end to end against a fake /autograder tree (source/ with
 * the template's files, submission/ with a student's files): run_autograder leaves results.json with the score
 * tests/grading/expected-scores.csv gives that submission, and a submission that cannot be read gets score 0
 * and the parse error (file, line, column) in the student's output.
 */
class GradescopeTemplateTest {
    private static final Path TEMPLATE = Path.of("examples/gradescope");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Makes /autograder with the template under source/ and the given files under submission/, runs it. */
    private JsonNode runAutograder(String name, List<Path> files) throws Exception {
        Path root = dir.resolve(name);
        Path source = Files.createDirectories(root.resolve("source"));
        for (String f : List.of("setup.sh", "run_autograder", "rubric.yaml")) {
            Files.copy(TEMPLATE.resolve(f), source.resolve(f));
        }
        Path sub = Files.createDirectories(root.resolve("submission"));
        for (Path f : files) {
            Files.copy(f, sub.resolve(f.getFileName()));
        }
        ProcessBuilder pb = new ProcessBuilder("bash", source.resolve("run_autograder").toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("log.txt").toFile());
        pb.environment().put("AUTOGRADER_ROOT", root.toString());
        pb.environment().put("DERIVCHECK_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "run_autograder finished");
        String log = Files.readString(root.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);
        Path results = root.resolve("results/results.json");
        assertTrue(Files.isRegularFile(results), "results.json written: " + log);
        return JSON.readTree(results.toFile());
    }

    @Test
    void theTemplatesRubricIsTheTestedOne() throws Exception {
        assertEquals(Files.readString(Path.of("tests/grading/rubric.yaml")), Files.readString(TEMPLATE.resolve("rubric.yaml")),
                "examples/gradescope/rubric.yaml is a copy of tests/grading/rubric.yaml (whose scores are tested): copy it again");
        for (String script : List.of("setup.sh", "run_autograder", "make-zip.sh")) {
            Process p = new ProcessBuilder("bash", "-n", TEMPLATE.resolve(script).toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), script + ": " + out);
            assertTrue(Files.isExecutable(TEMPLATE.resolve(script)), script + " is executable");
        }
    }

    @Test
    void aCorrectSubmissionGetsItsScoreAndAFlawedOneItsDiagnosis() throws Exception {
        JsonNode ok = runAutograder("correct", List.of(Path.of("tests/grading/submissions/01-correct.tex")));
        assertEquals(14.0, ok.get("score").asDouble(), ok.toString());          // expected-scores.csv: 01-correct, 14
        assertEquals(14.0, ok.get("max_score").asDouble());
        assertEquals(5, ok.get("tests").size(), "one test per result of the rubric");
        JsonNode flawed = runAutograder("flawed", List.of(Path.of("tests/grading/submissions/03-fisher-digamma.tex")));
        assertEquals(12.0, flawed.get("score").asDouble(), flawed.toString()); // expected-scores.csv: 03-fisher-digamma, 12
        assertTrue(flawed.toString().contains("wrong function"), "the diagnosis reaches the student: " + flawed);
    }

    @Test
    void aParseErrorReachesTheStudentsOutput() throws Exception {
        // line 5 cannot be read (a brace is not closed); the chain of line 4 still earns its point (jacobian, 1)
        Path bad = dir.resolve("main.tex");
        Files.writeString(bad, String.join("\n", "\\documentclass{article}", "\\begin{document}", "\\begin{align}",
                "J &= \\begin{bmatrix} 1 & 0 \\\\ 0 & -1 \\end{bmatrix} \\\\", "F(\\theta) &= \\frac{1}{\\beta",
                "\\end{align}", "\\end{document}", ""), StandardCharsets.UTF_8);
        JsonNode r = runAutograder("parse-error", List.of(bad));
        String output = r.get("output").asText();
        assertEquals(1.0, r.get("score").asDouble(), r.toString());
        assertTrue(output.contains("could not be read") && output.contains("main.tex:5:22: '{' is never closed"), "the line is named: " + output);
        assertEquals("visible", r.get("visibility").asText());
        // a file that is not text at all: score 0 and the reason
        JsonNode binary = runAutograder("binary", List.of(Path.of("tests/grading/submissions/14-binary.tex")));
        assertEquals(0.0, binary.get("score").asDouble(), binary.toString());
        assertTrue(binary.get("output").asText().startsWith("The submission could not be read: ")
                && binary.get("output").asText().contains("14-binary.tex"), binary.toString());
    }

    @Test
    void aWrongRubricStillLeavesAResultsFileThatSaysSo() throws Exception {
        Path rubric = dir.resolve("rubric.yaml");
        Files.writeString(rubric, "id: broken\nresults: [\n", StandardCharsets.UTF_8);
        Path results = dir.resolve("out/results.json");
        CommandLine cl = RootCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("grade", "--rubric", rubric.toString(), "--submission",
                "tests/grading/submissions/01-correct.tex", "--results", results.toString()));
        JsonNode r = JSON.readTree(results.toFile());
        assertEquals(0.0, r.get("score").asDouble());
        assertTrue(r.get("output").asText().contains("course staff"), r.toString());
        assertTrue(err.toString().contains("rubric.yaml"), err.toString());
    }

    @Test
    void singleAndBatchModesAreNotMixed() {
        for (List<String> args : List.of(
                List.of("grade", "--rubric", "tests/grading/rubric.yaml", "--submission", "x.tex"),
                List.of("grade", "--rubric", "tests/grading/rubric.yaml", "--submission", "x.tex", "--submissions", "d",
                        "--results", "r.json"),
                List.of("grade", "--rubric", "tests/grading/rubric.yaml", "--submissions", "d"),
                List.of("grade", "--submissions", "d", "--out", "o"),
                List.of("grade", "--rubric", "tests/grading/rubric.yaml", "--submissions", "d", "--out", "o", "--shard", "3/3"))) {
            CommandLine cl = RootCommand.commandLine();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            assertEquals(2, cl.execute(args.toArray(String[]::new)), args.toString());
            assertTrue(err.toString().startsWith("derivcheck: "), err.toString());
        }
    }
}
