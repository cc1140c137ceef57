package org.derivcheck.report;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reports of the report's derivations ({@code derivations/}) as a reader sees them: the HTML page in a
 * real headless Chromium at 1200 px shows none of derivcheck's internal names and nothing wider than the
 * window, and the LaTeX document compiles with pdflatex without an overfull box; its first page is rendered
 * to {@code target/latex-page-1.png} (pdftoppm, poppler-utils) so a change can be looked at. Chromium,
 * pdflatex and pdftoppm are required (.ci/run installs them): without them this test fails, it is not skipped.
 */
class ReportLayoutTest {
    /** Names of derivcheck's internal form that a reader must never see. */
    private static final List<String> INTERNAL = List.of("finitesum", "FiniteSum", "abstract(", "Abstract(",
            "iidexpectation", "IidExpectation", "EntryDerivative", "Distributed", "Outer(Times", "Times,", "--",
            "\\operatorname{D}", "\\mathrm{D}\\left(", "GammaDist");
    private static Cas cas;
    private static List<DerivationResult> results;

    @BeforeAll
    static void check() throws Exception {
        cas = Cas.start();
        List<Path> files = BatchChecker.expand(List.of(Path.of("derivations")));
        results = new BatchChecker(cas, CheckOptions.defaults(), 2).check(files, r -> { });
    }

    @AfterAll
    static void stop() {
        cas.close();
    }

    @Test
    void htmlShowsTheUsersNotationAndFitsAt1200px() throws Exception {
        String html = HtmlReport.render("derivcheck report", results);
        String body = html.substring(html.indexOf("<body>")).replaceAll("(?s)<script>.*?</script>", "");
        for (String name : INTERNAL) {
            assertTrue(!body.contains(name), () -> "the page shows the internal name '" + name + "' near: "
                    + body.substring(Math.max(0, body.indexOf(name) - 200), Math.min(body.length(), body.indexOf(name) + 60)));
        }
        // measured after KaTeX has rendered: the page and every formula fit the 1200 px window
        String probe = "<script>(function(){var bad=[];document.querySelectorAll('.tex').forEach(function(el){"
                + "if(el.scrollWidth>el.clientWidth+1){bad.push(el.getAttribute('data-tex').substring(0,80));}});"
                + "var w=document.documentElement.scrollWidth;var r=document.createElement('pre');r.id='layout-probe';"
                + "r.textContent='page='+w+' overflowing='+bad.length+'\\n'+bad.join('\\n');document.body.appendChild(r);})();"
                + "</script></body>";
        Path file = Files.createTempDirectory("derivcheck-layout").resolve("report.html");
        Files.writeString(file, html.replace("</body>", probe), StandardCharsets.UTF_8);
        String dom = dump(file, 1200);
        Matcher m = Pattern.compile("<pre id=\"layout-probe\">page=(\\d+) overflowing=(\\d+)\\n?([^<]*)</pre>").matcher(dom);
        assertTrue(m.find(), "the probe ran");
        assertTrue(Integer.parseInt(m.group(1)) <= 1200, "the page is no wider than the window: " + m.group(1) + " px");
        assertEquals(0, Integer.parseInt(m.group(2)), "formulas wider than their box (scroll bars):\n" + m.group(3));
    }

    @Test
    void latexCompilesWithoutOverfullBoxesAndPageOneIsRendered() throws Exception {
        Path dir = Files.createTempDirectory("derivcheck-latex");
        String tex = LatexReport.render(results);
        for (String name : INTERNAL) {
            assertTrue(!tex.contains(name), "the document shows the internal name '" + name + "'");
        }
        Files.writeString(dir.resolve("verified.tex"), tex, StandardCharsets.UTF_8);
        run(dir, "pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "verified.tex");
        String log = Files.readString(dir.resolve("verified.log"), StandardCharsets.ISO_8859_1);
        Matcher over = Pattern.compile("Overfull \\\\hbox[^\\n]*\\n[^\\n]*").matcher(log);
        List<String> boxes = new ArrayList<>();
        while (over.find()) {
            boxes.add(over.group());
        }
        assertEquals(List.of(), boxes, "overfull boxes in the LaTeX output");
        run(dir, "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", "verified.pdf", "page-1");
        Path png = dir.resolve("page-1.png");
        assertTrue(Files.size(png) > 10_000, "page 1 was rendered (a blank page compresses to far less)");
        Files.createDirectories(Path.of("target"));
        Files.copy(png, Path.of("target", "latex-page-1.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void run(Path dir, String... cmd) throws Exception {
        Path log = dir.resolve(cmd[0] + ".out");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(cmd[0] + " did not finish within 120 s");
        }
        assertEquals(0, p.exitValue(), () -> cmd[0] + " failed: " + read(log));
    }

    /** The DOM after scripts ran, in a window {@code width} px wide. */
    private static String dump(Path html, int width) throws Exception {
        return org.derivcheck.HeadlessChromium.dumpDom(html, width);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
