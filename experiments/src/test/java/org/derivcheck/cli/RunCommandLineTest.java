package org.derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with the experiments on the class path (this module's tests): run finds them through the
 * ServiceLoader, lists them, completes their names, and their help wraps at the width like the checker's.
 */
class RunCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void runFindsTheExperimentsThroughTheServiceLoader() {
        assertEquals(List.of("normal-gamma", "bbvi", "natgrad", "gumbel-softmax", "vae"),
                RunCommand.experiments().stream().map(e -> e.name()).toList());
        CliConventionsTest.Run r = CliConventionsTest.run(0, "run", "--list");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("bbvi") && r.out().contains("vae"), r.out());
    }

    @Test
    void bashCompletionCompletesExperimentNames() throws Exception {
        CliConventionsTest.Run r = CliConventionsTest.run(0, "completion", "bash");
        assertEquals(0, r.exit(), r.err());
        Path script = dir.resolve("derivcheck-completion.bash");
        Files.writeString(script, r.out(), StandardCharsets.UTF_8);
        assertEquals(List.of("bbvi"), CliConventionsTest.complete(script, "derivcheck", "run", "bb"));
    }

    @Test
    void experimentHelpWrapsAtTheWidthAndNoSentenceIsCut() {
        assertTrue(RootCommand.commandLine().getSubcommands().get("run").getSubcommands().get("vae").isUsageHelpAutoWidth(),
                "auto width reaches the experiments too");
        for (int width : new int[] {60, 100}) {
            for (List<String> args : List.of(List.of("run", "--help"), List.of("run", "vae", "--help"))) {
                CliConventionsTest.Run r = CliConventionsTest.run(width, args.toArray(String[]::new));
                assertEquals(0, r.exit(), args + ": " + r.err());
                for (String line : r.out().lines().toList()) {
                    assertTrue(line.length() <= width || line.startsWith("  derivcheck") || line.startsWith("  ./derivcheck"),
                            args + " at width " + width + ": " + line);
                }
            }
        }
        assertTrue(CliConventionsTest.run(250, "run", "--help").out().contains("sticking-the-landing gradients, held-out ELBO"));
    }
}
