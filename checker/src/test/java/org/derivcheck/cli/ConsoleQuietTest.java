package org.derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code check} run in a JVM of its own, as a user starts it, prints derivcheck's report and nothing of
 * Symja's: Symja calls printStackTrace() on the ArgumentTypeException of {@code 999...9!} (a factorial of a
 * number past a machine integer), which used to reach the console once per evaluation.
 */
class ConsoleQuietTest {
    @TempDir
    Path dir;

    @Test
    void symjaPrintsNothingOnTheConsole() throws Exception {
        Path d = dir.resolve("huge-factorial.yaml");
        Files.writeString(d, String.join("\n", "id: huge-factorial", "symbols:", "  x: positive", "steps:",
                "  - claim: Factorial(999999999999999999999999999999) = x",
                "  - claim: x*Factorial(999999999999999999999999999999) = x",
                "  - claim: (x + 1)^2 = x^2 + 2*x + 1", ""), StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("console.txt");
        Process p = new ProcessBuilder(java, "-Xss16m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "check", "--threads", "1", d.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the check finished");
        String console = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), console);
        assertTrue(console.contains("step 3") && console.contains("PROVED"), "the report is printed:\n" + console);
        assertTrue(console.contains("Summary:"), console);
        List<String> noise = console.lines().filter(l -> l.contains("org.matheclipse") || l.contains("Exception")
                || l.trim().startsWith("at ") || l.contains("edu.jas")).toList();
        assertEquals(List.of(), noise, "no library exception on the console:\n" + console);
    }
}
