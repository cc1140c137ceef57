package org.derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/** check --format junit|html and the latex command, through the command line. */
class ReportFormatsTest {
    @TempDir
    Path dir;

    private static int run(String... args) {
        CommandLine cl = RootCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void junitHasOneTestcasePerStepAndTheRefutedStepFails() throws Exception {
        Path out = dir.resolve("junit.xml");
        // gamma-fisher: 6 steps that hold; fisher-digamma: 1 refuted step (digamma for trigamma)
        int exit = run("check", "--format", "junit", "--out", out.toString(), "derivations/gamma-fisher.yaml",
                "tests/flawed/fisher-digamma.yaml");
        assertEquals(1, exit, "a refuted step gives exit code 1");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(7, cases.getLength());
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Element f = (Element) failures.item(0);
        assertEquals("REFUTED", f.getAttribute("type"));
        assertTrue(f.getTextContent().contains("wrong function"), f.getTextContent());
        assertEquals("1", doc.getDocumentElement().getAttribute("failures"));
        assertEquals("0", doc.getDocumentElement().getAttribute("errors"));
    }

    @Test
    void htmlIsOneSelfContainedPage() throws Exception {
        Path out = dir.resolve("report.html");
        assertEquals(0, run("check", "--format", "html", "--out", out.toString(), "derivations/gamma-fisher.yaml"));
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("katex.render"), "KaTeX is inlined");
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "nothing is loaded from outside");
        assertEquals(6, html.split("<div class=\"step ", -1).length - 1, "six steps");
        // one formula per step, and each of the file's 5 definitions once, above the steps that use it by name
        assertEquals(6 + 5, html.split("class=\"tex display\"", -1).length - 1, "one formula per step and definition");
    }

    @Test
    void latexWritesOnlyVerifiedStepsWithTheirSource() throws Exception {
        Path out = dir.resolve("verified.tex");
        assertEquals(0, run("latex", "derivations/gamma-fisher.yaml", "tests/flawed/fisher-digamma.yaml", "-o", out.toString()));
        String tex = Files.readString(out);
        assertEquals(6, tex.split("% derivations/gamma-fisher.yaml:", -1).length - 1, "the 6 steps that hold, not the refuted one");
        assertEquals(6 + 1, tex.split("\\\\begin\\{align\\*}", -1).length - 1, "one display per step, one for the definitions");
        assertTrue(tex.contains("% derivations/gamma-fisher.yaml:"), "each formula names its source");
        assertTrue(tex.contains(": PROVED by "), "and its verdict");
        assertTrue(!tex.contains("fisher-digamma.yaml"), "the refuted derivation is left out");
    }
}
