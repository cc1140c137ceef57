package org.derivcheck.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.BatchChecker;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.report.HtmlPage;
import org.derivcheck.report.HtmlReport;
import org.derivcheck.report.LatexReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML reports in a real headless Chromium (the Debian package; ./test installs it) and asserts
 * that KaTeX rendered every formula and showed no error. Without Chromium this test fails: it is not
 * skipped, so CI cannot pass without the browser check.
 */
class BrowserRenderingTest {
    private static final Pattern KATEX = Pattern.compile("class=\"katex\"");
    private static final Pattern KATEX_ERROR = Pattern.compile("class=\"[^\"]*katex-error");
    private static final Pattern FORMULA = Pattern.compile("class=\"tex( display)?\"");
    private static Cas cas;
    private static List<DerivationResult> results;

    @TempDir
    Path dir;

    @BeforeAll
    static void check() {
        cas = Cas.start();
        results = new BatchChecker(cas, CheckOptions.defaults(), 2).check(List.of(Path.of("derivations/gamma-fisher.yaml"),
                Path.of("derivations/normal-gamma-score.yaml"), Path.of("tests/flawed/fisher-digamma.yaml"),
                Path.of("tests/flawed/report-q2217-mean-vs-sum.yaml")), r -> { });
    }

    @AfterAll
    static void stop() {
        cas.close();
    }

    @Test
    void checkReportRendersEveryFormula() throws Exception {
        String html = HtmlReport.render("derivcheck report", results);
        assertRendered(html, dir.resolve("report.html"));
    }

    @Test
    void feedbackPageRendersEveryFormula() throws Exception {
        Rubric rubric = RubricReader.read(GradingExampleTest.RUBRIC);
        try (Grader g = new Grader(rubric, cas, CheckOptions.defaults().withStepMillis(10_000))) {
            assertEquals(List.of(), g.verifyRubric());
            SubmissionGrade grade = g.grade(SubmissionReader.read(GradingExampleTest.SUBMISSIONS.resolve("03-fisher-digamma.tex")));
            String html = GradeHtml.feedback(rubric, grade);
            assertTrue(html.contains("wrong function"), "the diagnosis is on the page");
            assertRendered(html, dir.resolve("feedback.html"));
            assertRendered(GradeHtml.table(rubric, List.of(grade), g.targetTex()), dir.resolve("index.html"));
        }
    }

    /** Every formula of the LaTeX output (an align* body) renders in KaTeX too. */
    @Test
    void latexOutputFormulasRenderInKatex() throws Exception {
        String tex = LatexReport.render(results);
        Matcher m = Pattern.compile("\\\\begin\\{align\\*}\\n(.*?)\\n\\\\end\\{align\\*}", Pattern.DOTALL).matcher(tex);
        StringBuilder body = new StringBuilder();
        int n = 0;
        while (m.find()) {
            body.append("<div>").append(HtmlPage.math("\\begin{aligned}" + m.group(1) + "\\end{aligned}", true))
                    .append("</div>\n");
            n++;
        }
        assertTrue(n >= 8, "the verified steps of gamma-fisher and normal-gamma-score are in the document: " + n);
        assertEquals(count(Pattern.compile("\\\\begin\\{"), tex), count(Pattern.compile("\\\\end\\{"), tex), "balanced environments");
        assertRendered(HtmlPage.page("formulas", body.toString()), dir.resolve("latex.html"));
    }

    /** The LaTeX output compiles with pdflatex (texlive-latex-base; ./test installs it). */
    @Test
    void latexOutputCompiles() throws Exception {
        Path tex = dir.resolve("verified.tex");
        Files.writeString(tex, LatexReport.render(results), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape",
                "verified.tex").directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("pdflatex did not finish within 120 s");
        }
        assertEquals(0, p.exitValue(), () -> "pdflatex failed: " + read(dir.resolve("log.txt")));
        assertTrue(Files.size(dir.resolve("verified.pdf")) > 0);
    }

    private void assertRendered(String html, Path file) throws Exception {
        Files.writeString(file, html, StandardCharsets.UTF_8);
        int formulas = count(FORMULA, html);
        assertTrue(formulas > 0, "the page has formulas");
        String dom = dumpDom(file);
        assertEquals(0, count(KATEX_ERROR, dom), "KaTeX reported an error on " + file.getFileName());
        assertEquals(formulas, count(KATEX, dom), "every formula of " + file.getFileName() + " was rendered by KaTeX");
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The DOM after scripts ran, as headless Chromium dumps it. */
    static String dumpDom(Path html) throws Exception {
        return org.derivcheck.HeadlessChromium.dumpDom(html);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
