package org.derivcheck.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.derivcheck.cli.RootCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The example batch of tests/grading grades to the scores of tests/grading/expected-scores.csv, through the
 * command line as a teaching assistant runs it, and every output file is there and well formed.
 */
class GradingExampleTest {
    static final Path RUBRIC = Path.of("tests/grading/rubric.yaml");
    static final Path SUBMISSIONS = Path.of("tests/grading/submissions");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;
    static int exit;
    static String console;
    static Map<String, String> before;
    static JsonNode scores;
    static JsonNode checks;

    @BeforeAll
    static void grade() throws Exception {
        before = snapshot(SUBMISSIONS);
        StringWriter sw = new StringWriter();
        CommandLine cl = RootCommand.commandLine();
        cl.setOut(new PrintWriter(sw));
        cl.setErr(new PrintWriter(new StringWriter()));
        exit = cl.execute("grade", "--rubric", RUBRIC.toString(), "--submissions", SUBMISSIONS.toString(), "--out",
                out.toString());
        console = sw.toString();
        scores = JSON.readTree(out.resolve("scores.json").toFile());
        checks = JSON.readTree(out.resolve("checks.json").toFile());
    }

    static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                m.put(p.toString(), Files.isRegularFile(p) ? Files.size(p) + "@" + Files.getLastModifiedTime(p) : "dir");
            }
        }
        return m;
    }

    private static JsonNode submission(JsonNode root, String key, String id) {
        for (JsonNode n : root.get(key)) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " is missing from " + key);
    }

    @TestFactory
    Stream<DynamicTest> everySubmissionGetsItsExpectedScore() throws Exception {
        assertEquals(0, exit, console);
        List<String> rows = Files.readAllLines(Path.of("tests/grading/expected-scores.csv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertTrue(rows.size() >= 12, "at least 12 example submissions");
        String[] results = {"gradA", "jacobian", "fisher", "nll-gradient", "score"};
        List<DynamicTest> tests = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.split(",", -1);
            tests.add(DynamicTest.dynamicTest(f[0], () -> {
                JsonNode s = submission(scores, "submissions", f[0]);
                for (int i = 0; i < results.length; i++) {
                    JsonNode r = s.get("results").get(i);
                    assertEquals(results[i], r.get("id").asText());
                    assertEquals(Double.parseDouble(f[i + 1]), r.get("score").asDouble(), 1e-9,
                            () -> f[0] + " " + r.get("id").asText() + ": " + r.get("message").asText());
                }
                assertEquals(Double.parseDouble(f[6]), s.get("score").asDouble(), 1e-9, f[0]);
                Set<String> kinds = new HashSet<>();
                for (JsonNode step : submission(checks, "derivations", f[0]).get("steps")) {
                    step.get("diagnosis").forEach(d -> kinds.add(d.get("kind").asText()));
                }
                for (String want : f[7].isBlank() ? new String[0] : f[7].trim().split("\\s+")) {
                    assertTrue(kinds.contains(want), () -> f[0] + ": expected a " + want + " diagnosis, got " + kinds);
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void feedbackStatesDiagnosesInTheStudentsNotationNotDerivchecksSyntax() {
        assertEquals(0, exit, console);
        // derivcheck's own function syntax (Log(...), psi(...), D(...)) must not reach a student's feedback line
        java.util.regex.Pattern internal = java.util.regex.Pattern.compile("\\b(Log|psi|Sqrt|Exp|Gradient|D)\\(");
        int diagnosed = 0;
        for (JsonNode s : scores.get("submissions")) {
            for (JsonNode r : s.get("results")) {
                String m = r.get("message").asText();
                int at = Math.max(m.indexOf("diagnosis"), Math.max(m.indexOf("is missing"), m.indexOf("off by")));
                if (at < 0) {
                    continue;
                }
                diagnosed++;
                String tail = m.substring(at);
                assertTrue(!internal.matcher(tail).find(), () -> s.get("id").asText() + " " + r.get("id").asText() + ": " + m);
            }
        }
        assertTrue(diagnosed >= 1, "the example batch has diagnosed feedback");
    }

    @Test
    void unreadableConstructsNameFileLineAndColumn() {
        List<String> messages = new ArrayList<>();
        submission(checks, "derivations", "11-unreadable-parts").get("steps").forEach(s -> messages.add(s.get("message").asText()));
        // \int p(x) \, dx is read (a sum over x's support), and p is not a name of the rubric
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("11-unreadable-parts.tex:20:19: 'p(...)': p is not defined")),
                messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("11-unreadable-parts.tex:13:3: '\\approx'")), messages::toString);
        String hostile = submission(scores, "submissions", "12-hostile-input").get("error").asText();
        assertTrue(hostile.contains("12-hostile-input.tex:3: column 1: '\\input' is not allowed"), hostile);
    }

    @Test
    void everyOutputIsWrittenAndWellFormed() throws Exception {
        for (String f : List.of("scores.csv", "scores.json", "checks.json", "junit.xml", "index.html", "progress.jsonl")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit.xml").toFile());
        assertEquals("testsuites", junit.getDocumentElement().getTagName());
        assertEquals(15, junit.getElementsByTagName("testsuite").getLength(), "one suite per submission");
        assertEquals(15, Files.readAllLines(out.resolve("progress.jsonl")).size(), "one progress line per submission");
        JsonNode gs = JSON.readTree(out.resolve("gradescope/03-fisher-digamma/results.json").toFile());
        assertEquals(12.0, gs.get("score").asDouble(), 1e-9, "03: 14 less the 2 of the fisher partial credit");
        assertEquals(14.0, gs.get("max_score").asDouble(), 1e-9);
        assertEquals(5, gs.get("tests").size());
        for (JsonNode t : gs.get("tests")) {
            for (String k : List.of("name", "score", "max_score", "output")) {
                assertTrue(t.has(k), k);
            }
        }
        String feedback = Files.readString(out.resolve("feedback/03-fisher-digamma.html"));
        assertTrue(feedback.contains("wrong function: digamma (psi) is written where trigamma (psi1) belongs"));
        assertTrue(feedback.contains("class=\"tex display\""), "formulas are rendered by KaTeX");
    }

    /**
     * A submission whose CAS computation is stopped at its time limit must not spoil the ones graded after it
     * on the same threads (Symja keeps an engine's stop request): the correct submission after the hostile one
     * still gets every point.
     */
    @Test
    void aStoppedComputationDoesNotSpoilTheNextSubmission(@TempDir Path dir) throws Exception {
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Files.copy(SUBMISSIONS.resolve("13-hostile-cas.tex"), subs.resolve("a-hostile.tex"));
        Files.copy(SUBMISSIONS.resolve("01-correct.tex"), subs.resolve("b-correct.tex"));
        CommandLine cl = RootCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        // one thread and a short step limit (3 s; with 1 s the correct submission's own checks, now with a margin search
        // and high-precision re-checks, ran out of time on a loaded machine): the diagnosis of (alpha + beta)^1000 = alpha
        // is stopped
        assertEquals(0, cl.execute("grade", "--rubric", RUBRIC.toString(), "--submissions", subs.toString(), "--out",
                dir.resolve("out").toString(), "--threads", "1", "--time-limit", "3"));
        JsonNode s = JSON.readTree(dir.resolve("out/scores.json").toFile());
        assertEquals(14.0, submission(s, "submissions", "b-correct").get("score").asDouble(), 1e-9, s::toString);
    }

    @Test
    void nothingIsWrittenBesideTheOutputFolder() throws Exception {
        assertEquals(before, snapshot(SUBMISSIONS));
    }
}
