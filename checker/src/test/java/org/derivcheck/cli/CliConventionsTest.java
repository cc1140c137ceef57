package org.derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Version from the build, shell completion, help that wraps at the width, suggestions for typing mistakes. */
class CliConventionsTest {
    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one run, with help {@code width} columns wide (0: default). */
    record Run(int exit, String out, String err) {
    }

    static Run run(int width, String... args) {
        CommandLine cl = RootCommand.commandLine();
        if (width > 0) {
            cl.setUsageHelpAutoWidth(false);
            cl.setUsageHelpWidth(width);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>derivcheck</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "the project's version in pom.xml");
        for (String flag : List.of("--version", "-V")) {
            Run r = run(0, flag);
            assertEquals(0, r.exit);
            assertEquals("derivcheck " + m.group(1), r.out.lines().findFirst().orElse(""), r.out);
            assertTrue(r.out.contains("Java 1") || r.out.contains("Java 2"), r.out);
        }
    }

    @Test
    void bashCompletionCompletesCommandsOptionsAndValues() throws Exception {
        Run r = run(0, "completion", "bash");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("complete -F _complete_derivcheck"), "a bash completion function is registered");
        Path script = dir.resolve("derivcheck-completion.bash");
        Files.writeString(script, r.out, StandardCharsets.UTF_8);
        assertEquals(List.of("check"), complete(script, "derivcheck", "ch"));
        assertEquals(List.of("grade"), complete(script, "derivcheck", "gr"));
        assertEquals(List.of("--format"), complete(script, "derivcheck", "check", "--fo"));
        assertEquals(List.of("html", "json", "junit", "text"), complete(script, "derivcheck", "check", "--format", "").stream()
                .sorted().toList());
        assertEquals(List.of("run"), complete(script, "derivcheck", "ru"));
    }

    @Test
    void zshCompletionLoadsTheScriptThroughBashcompinit() {
        Run bash = run(0, "completion", "bash");
        Run zsh = run(0, "completion", "zsh");
        assertEquals(0, zsh.exit, zsh.err);
        assertTrue(zsh.out.contains("bashcompinit"), zsh.out.lines().limit(5).toList().toString());
        assertTrue(zsh.out.endsWith(bash.out), "the same completion function");
        Run bad = run(0, "completion", "fish");
        assertEquals(2, bad.exit);
        assertTrue(bad.err.contains("bash, zsh"), bad.err);
    }

    /** The candidates bash's completion function offers for the words typed (the last one being completed). */
    static List<String> complete(Path script, String... words) throws Exception {
        StringBuilder w = new StringBuilder();
        for (String s : words) {
            w.append(" '").append(s).append('\'');
        }
        String cmd = "source '" + script + "'; COMP_WORDS=(" + w + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_derivcheck; printf '%s\\n' \"${COMPREPLY[@]}\"";
        // compopt complains outside an interactive completion ("not currently executing completion function"): ignored
        Process p = new ProcessBuilder("bash", "-c", cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void helpWrapsAtTheWidthAndNoSentenceIsCut() {
        for (int width : new int[] {60, 100}) {
            for (List<String> args : List.of(List.of("--help"), List.of("check", "--help"), List.of("grade", "--help"),
                    List.of("latex", "--help"), List.of("run", "--help"))) {
                Run r = run(width, args.toArray(String[]::new));
                assertEquals(0, r.exit, args + ": " + r.err);
                for (String line : r.out.lines().toList()) {
                    // an example command line in a footer may be longer than a narrow screen: it is not wrapped
                    assertTrue(line.length() <= width || line.startsWith("  derivcheck") || line.startsWith("  ./derivcheck"),
                            args + " at width " + width + ": " + line);
                }
            }
        }
        // picocli formats descriptions with String.format: a lone '%' makes it warn on the console and print raw text
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true));
        try {
            for (List<String> args : List.of(List.of("--help"), List.of("check", "--help"), List.of("grade", "--help"),
                    List.of("grade", "merge", "--help"), List.of("latex", "--help"), List.of("completion", "--help"),
                    List.of("run", "--help"))) {
                run(120, args.toArray(String[]::new));
            }
        } finally {
            System.setErr(err);
        }
        assertEquals("", warnings.toString(), "picocli printed warnings while rendering the help");
        assertTrue(run(200, "check", "--help").out.contains("or % derivcheck: comments"));
        // wide enough, a paragraph is one line: nothing was broken by hand in the middle of a sentence
        assertTrue(run(250, "latex", "--help").out.contains("as a formula of a LaTeX document (article"));
        assertTrue(run(250, "--help").out.contains("REFUTED or INCONCLUSIVE; 2 bad input or usage."));
    }

    /** The checker module alone: run finds no experiments on the class path and says how to build them. */
    @Test
    void runWithoutTheExperimentsSaysTheyAreNotBuilt() {
        assertTrue(RunCommand.experiments().isEmpty(), "the checker's class path has no experiments");
        for (List<String> args : List.of(List.of("run"), List.of("run", "--list"), List.of("run", "bbvi", "--seed", "1"))) {
            Run r = run(0, args.toArray(String[]::new));
            assertEquals(2, r.exit, args + ": " + r.out + r.err);
            assertTrue(r.err.contains("experiments are not built") && r.err.contains("./derivcheck run"), args + ": " + r.err);
        }
        Run help = run(0, "run", "--help");
        assertEquals(0, help.exit, help.err);
        assertTrue(help.out.contains("Runs one of the report's experiments"), help.out);
    }

    @Test
    void aMistypedCommandOrOptionGetsASuggestion() {
        Run r = run(0, "chek", "derivations/");
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("Did you mean") && r.err.contains("check"), r.err);
        assertTrue(r.err.contains("derivcheck --help"), r.err);
        Run o = run(0, "check", "--fromat", "json", "derivations/gamma-fisher.yaml");
        assertEquals(2, o.exit);
        assertTrue(o.err.contains("Did you mean") && o.err.contains("--format"), o.err);
        assertTrue(o.err.contains("derivcheck check --help"), o.err);
        Run p = run(0, "check", "--form", "json", "derivations/gamma-fisher.yaml");
        assertTrue(p.err.contains("--format"), "picocli's own suggestion: " + p.err);
        Run far = run(0, "check", "--qqqqq", "derivations/gamma-fisher.yaml");
        assertEquals(2, far.exit);
        assertTrue(!far.err.contains("Did you mean") && !far.err.contains("Possible solutions"), "no far-fetched guess: " + far.err);
        assertEquals(1, RootCommand.editDistance("--fromat", "--format"));
        assertEquals(1, RootCommand.editDistance("grdae", "grade"));
        assertEquals(3, RootCommand.editDistance("kitten", "sitting"));
    }
}
