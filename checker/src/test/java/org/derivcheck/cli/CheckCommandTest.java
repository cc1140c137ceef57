package org.derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** check through the command line: every file given gets its result printed. */
class CheckCommandTest {
    @Test
    void aFileGivenTwiceIsReportedTwice() {
        StringWriter out = new StringWriter();
        CommandLine cl = RootCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        String f = "tests/flawed/fisher-digamma.yaml";
        int exit = cl.execute("check", f, "derivations/gamma-fisher.yaml", f);
        assertEquals(1, exit, "the refuted step gives exit code 1");
        String text = out.toString();
        assertEquals(2, text.lines().filter(l -> l.startsWith(f + "  ")).count(), "both results of the repeated file:\n"
                + text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("derivations/gamma-fisher.yaml  ")).count(),
                "the file between them too:\n" + text);
    }
}
