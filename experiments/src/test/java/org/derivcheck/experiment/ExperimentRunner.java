package org.derivcheck.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.derivcheck.command.Experiment;
import picocli.CommandLine;

/** Runs an experiment command as the CLI would, into a folder, and reads back what it wrote. */
final class ExperimentRunner {
    private ExperimentRunner() {
    }

    /** The exit code, stdout and stderr of one run. */
    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome run(Experiment e, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(e);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--no-progress");
        int code = cl.execute(all.toArray(String[]::new));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Asserts a successful run and returns result.json's "results". */
    static JsonNode results(Outcome o, Path dir) throws IOException {
        assertEquals(0, o.exitCode(), "exit code; stderr: " + o.err());
        JsonNode doc = new ObjectMapper().readTree(Files.readString(dir.resolve("result.json")));
        assertTrue(doc.get("versions").has("commons-rng") && doc.get("versions").has("commons-numbers"),
                "result.json records library versions");
        assertTrue(doc.has("seed") && doc.has("config"), "result.json records seed and config");
        return doc.get("results");
    }

    /** Asserts that every figure exists as a non-empty PNG and SVG. */
    static void assertFigures(Path dir, String... bases) throws IOException {
        for (String b : bases) {
            for (String ext : List.of(".png", ".svg")) {
                Path p = dir.resolve(b + ext);
                assertTrue(Files.isRegularFile(p) && Files.size(p) > 1000, "figure " + p);
            }
        }
    }
}
