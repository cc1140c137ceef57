package org.derivcheck.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.derivcheck.cli.RootCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A submission's own definitions are untrusted input: evaluating them runs under the CAS's time limit, and one that
 * cannot be evaluated is dropped (named in the feedback) while the chains that do not use it are graded.
 */
class HostileDefinitionTest {
    @TempDir
    Path dir;

    @Test
    void aDefinitionThatTakesForeverInTheHeaderIsStoppedAndReported() throws Exception {
        Path subs = Files.createDirectories(dir.resolve("subs"));
        // the 40th derivative of this product grows combinatorially: Symja does not finish it in minutes
        Files.writeString(subs.resolve("hostile.yaml"), """
                define:
                  f(t): D(Sin(t)^40*Cos(t)^40*Exp(t^2), {t, 40})
                steps:
                  - name: jacobian
                    claim: J = {{1, 0}, {0, -1}}
                """);
        Path out = dir.resolve("out");
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(150), () -> {
            CommandLine cl = RootCommand.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(new StringWriter()));
            return cl.execute("grade", "--rubric", GradingExampleTest.RUBRIC.toString(), "--submissions", subs.toString(),
                    "--out", out.toString(), "--threads", "1");
        }, "grading must not wait for the definition's derivatives");
        assertEquals(0, exit);
        JsonNode s = new ObjectMapper().readTree(out.resolve("scores.json").toFile()).get("submissions").get(0);
        // the definition is dropped with the reason, and the chain that does not use it is still graded
        String message = s.get("results").get(1).get("message").asText();
        assertTrue(message.contains("definition of 'f'") && message.contains("did not finish"), message);
        assertEquals(1.0, s.get("score").asDouble(), 0.0, "the Jacobian is right and earns its point");
    }
}
