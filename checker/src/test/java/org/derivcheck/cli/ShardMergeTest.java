package org.derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.derivcheck.grade.Shard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A class graded as 3 shards and merged equals the class graded at once: the same score table, checks,
 * JUnit file, score page, feedback pages and Gradescope results (only the measured times differ).
 */
class ShardMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUBRIC = "tests/grading/rubric.yaml";

    @TempDir
    static Path dir;
    static Path subs;
    static Path whole;
    static Path merged;
    static final List<Path> SHARDS = new ArrayList<>();
    static final List<String> CONSOLE = new ArrayList<>();

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = RootCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @BeforeAll
    static void gradeWholeAndInShards() throws Exception {
        subs = Files.createDirectories(dir.resolve("subs"));
        Path src = Path.of("tests/grading/submissions");
        for (String f : List.of("01-correct.tex", "02-report-as-written.tex", "04-score-sign.tex", "05-nll-mean.tex",
                "11-unreadable-parts.tex", "14-binary.tex", "15-yaml-submission.yaml")) {
            Files.copy(src.resolve(f), subs.resolve(f));
        }
        // the same id twice (01-correct.tex and 01-correct.yaml): ids are given over the whole folder, in every shard
        Files.copy(src.resolve("15-yaml-submission.yaml"), subs.resolve("01-correct.yaml"));
        whole = dir.resolve("whole");
        Run w = run("grade", "--rubric", RUBRIC, "--submissions", subs.toString(), "--out", whole.toString(), "--threads", "2");
        assertEquals(0, w.exit, w.err);
        for (int i = 0; i < 3; i++) {
            Path s = dir.resolve("shard-" + i);
            Run r = run("grade", "--rubric", RUBRIC, "--submissions", subs.toString(), "--out", s.toString(), "--shard",
                    i + "/3", "--threads", "2");
            assertEquals(0, r.exit, r.err);
            CONSOLE.add(r.out);
            SHARDS.add(s);
        }
        merged = dir.resolve("merged");
        List<String> args = new ArrayList<>(List.of("grade", "merge", "--rubric", RUBRIC, "--out", merged.toString()));
        // in another order than 0, 1, 2: the merge puts the submissions in the class's order itself
        List.of(2, 0, 1).forEach(i -> args.add(SHARDS.get(i).toString()));
        Run m = run(args.toArray(String[]::new));
        assertEquals(0, m.exit, m.err);
        assertTrue(m.out.contains("8 submissions"), m.out);
    }

    @Test
    void theShardsSplitTheClassWithoutOverlap() throws Exception {
        List<String> all = new ArrayList<>();
        for (Path s : SHARDS) {
            JSON.readTree(s.resolve("scores.json").toFile()).get("submissions").forEach(n -> all.add(n.get("id").asText()));
        }
        List<String> ids = new ArrayList<>();
        JSON.readTree(whole.resolve("scores.json").toFile()).get("submissions").forEach(n -> ids.add(n.get("id").asText()));
        assertEquals(8, ids.size());
        assertTrue(ids.contains("01-correct") && ids.contains("01-correct-2"), ids.toString());
        assertEquals(ids.stream().sorted().toList(), all.stream().sorted().toList(), "every submission in exactly one shard");
        assertTrue(CONSOLE.get(0).contains("(shard 0/3)"), CONSOLE.get(0));
    }

    @Test
    void theSplitIsSha256OfTheIdModuloN() throws Exception {
        // the documented rule, computed independently (Python's hashlib), so a job script can predict it
        List<String> ids = List.of("01-correct", "alice", "bob-2", "student_0042", "x");
        String py = "import hashlib,sys\nfor i in sys.argv[1:]:\n  print(int.from_bytes(hashlib.sha256(i.encode()).digest()[:8],'big') % 7)";
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", py));
        cmd.addAll(ids);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        for (int k = 0; k < ids.size(); k++) {
            for (int i = 0; i < 7; i++) {
                assertEquals(Integer.parseInt(expected.get(k)) == i, new Shard(i, 7).holds(ids.get(k)), ids.get(k) + " in " + i);
            }
        }
        assertEquals(new Shard(1, 4), Shard.parse(" 1/4 "));
        for (String bad : List.of("3/3", "-1/3", "1", "a/b", "0/0", "1/2/3")) {
            assertTrue(run("grade", "--rubric", RUBRIC, "--submissions", subs.toString(), "--out", dir.resolve("x").toString(),
                    "--shard", bad).exit == 2, bad);
        }
    }

    @Test
    void theMergeEqualsTheWholeRun() throws Exception {
        assertEquals(Files.readString(whole.resolve("scores.csv")), Files.readString(merged.resolve("scores.csv")));
        assertEquals(withoutTimes(JSON.readTree(whole.resolve("scores.json").toFile())),
                withoutTimes(JSON.readTree(merged.resolve("scores.json").toFile())));
        assertEquals(withoutTimes(JSON.readTree(whole.resolve("checks.json").toFile())),
                withoutTimes(JSON.readTree(merged.resolve("checks.json").toFile())));
        assertEquals(xmlWithoutTimes(whole.resolve("junit.xml")), xmlWithoutTimes(merged.resolve("junit.xml")));
        assertEquals(Files.readString(whole.resolve("index.html")), Files.readString(merged.resolve("index.html")));
        assertEquals(tree(whole.resolve("feedback")), tree(merged.resolve("feedback")));
        assertEquals(tree(whole.resolve("gradescope")), tree(merged.resolve("gradescope")));
        assertEquals(8, Files.readAllLines(merged.resolve("progress.jsonl")).size());
    }

    @Test
    void aMissingRepeatedOrForeignShardIsRefused() throws Exception {
        Run missing = run("grade", "merge", "--rubric", RUBRIC, "--out", dir.resolve("m1").toString(), SHARDS.get(0).toString(),
                SHARDS.get(2).toString());
        assertEquals(2, missing.exit);
        assertTrue(missing.err.contains("shard 1/3 is missing"), missing.err);
        Run twice = run("grade", "merge", "--rubric", RUBRIC, "--out", dir.resolve("m2").toString(), SHARDS.get(0).toString(),
                SHARDS.get(1).toString(), SHARDS.get(1).toString());
        assertEquals(2, twice.exit);
        assertTrue(twice.err.contains("again"), twice.err);
        Path other = dir.resolve("other-rubric.yaml");
        Files.writeString(other, Files.readString(Path.of(RUBRIC)).replaceFirst("(?m)^id: .*$", "id: another-rubric"));
        Run foreign = run("grade", "merge", "--rubric", other.toString(), "--out", dir.resolve("m3").toString(),
                SHARDS.get(0).toString(), SHARDS.get(1).toString(), SHARDS.get(2).toString());
        assertEquals(2, foreign.exit);
        assertTrue(foreign.err.contains("rubric 'vi-gamma-score'"), foreign.err);
        Run notShard = run("grade", "merge", "--rubric", RUBRIC, "--out", dir.resolve("m4").toString(), subs.toString());
        assertEquals(2, notShard.exit);
        assertTrue(notShard.err.contains("shard.json"), notShard.err);
    }

    private static JsonNode withoutTimes(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = ((ObjectNode) n).deepCopy();
            o.remove("millis");
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                o.set(f, withoutTimes(o.get(f)));
            }
            return o;
        }
        if (n.isArray()) {
            var a = JSON.createArrayNode();
            n.forEach(x -> a.add(withoutTimes(x)));
            return a;
        }
        return n;
    }

    private static String xmlWithoutTimes(Path p) throws Exception {
        return Files.readString(p).replaceAll(" time=\"[0-9.]+\"", "");
    }

    private static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(f).toString(), Files.readString(f).replaceAll("\"millis\" ?: ?\\d+", ""));
            }
        }
        return m;
    }
}
