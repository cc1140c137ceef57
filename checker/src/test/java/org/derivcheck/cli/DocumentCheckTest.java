package org.derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code derivcheck check} on documents: verdicts per equation number and line, formats, stdin and bad input. */
class DocumentCheckTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = RootCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private JsonNode json(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "check";
        all[1] = "--format=json";
        System.arraycopy(args, 0, all, 2, args.length);
        Run r = run(all);
        return new ObjectMapper().readTree(r.out());
    }

    /** The equation whose name is given, from the first document of a JSON report. */
    private static JsonNode eq(JsonNode root, String name) {
        for (JsonNode e : root.get("documents").get(0).get("equations")) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no " + name + " in " + root);
    }

    @Test
    void markdownEquationsAreCheckedUnderTheirNumbersAndLines() throws Exception {
        // (a + b)^2 expanded rightly and wrongly: the wrong one is refuted, with the missing term named
        Path md = dir.resolve("hw.md");
        Files.writeString(md, "---\nsymbols: {a: real, b: real}\n---\n# Homework\n\n$$(a+b)^2 = a^2 + 2ab + b^2 \\quad (1)$$\n\n"
                + "and\n\n$$(a-b)^2 = a^2 + b^2 \\tag{2}$$\n\n$$s := a + b$$\n\n$$s^2 - (a - b)^2 = 4ab$$\n");
        JsonNode r = json(md.toString());
        JsonNode e1 = eq(r, "eq. (1)");
        assertEquals("1", e1.get("equation").asText());
        assertEquals(6, e1.get("line").asInt());
        assertEquals("PROVED", e1.get("verdict").asText());
        JsonNode e2 = eq(r, "eq. (2)");
        assertEquals(10, e2.get("line").asInt());
        assertEquals("REFUTED", e2.get("verdict").asText());
        assertTrue(e2.get("relations").get(0).get("diagnosis").toString().contains("missing"), e2.toString());
        assertEquals("definition", eq(r, "display 3").get("kind").asText());
        assertEquals("PROVED", eq(r, "display 4").get("verdict").asText(), "the definition is used by the equation after it");
        Run text = run("check", md.toString());
        assertEquals(1, text.exit());
        assertTrue(text.out().contains("eq. (2), line 10"), text.out());
    }

    @Test
    void familiesDeclaredInTheContextAreReadInDocuments() throws Exception {
        // a truncated exponential on [0, c] declared in the front matter and in a LaTeX comment context: its mean
        // 1/l - c/(e^(l c) - 1) (textbook, integrate t l e^(-l t) over [0, c] and divide by 1 - e^(-l c)) is
        // decided by the deterministic quadrature; 1/l (the untruncated mean) is refuted; an undeclared name stays
        // an unknown family, INVALID with the line
        String fam = "families:\n  TruncExp:\n    params: [l, c]\n    variable: t\n    log_density: -l*t\n"
                + "    support: {min: 0, max: c}\n    domain: [l > 0, c > 0]\n";
        Path md = dir.resolve("fam.md");
        Files.writeString(md, "---\nsymbols: {l: positive, c: positive}\n" + fam + "---\n# Truncated\n\n"
                + "$$\\mathbb{E}_{t \\sim \\mathrm{TruncExp}(l, c)}[t] = \\frac{1}{l} - \\frac{c}{e^{l c} - 1} \\quad (1)$$\n\n"
                + "$$\\mathbb{E}_{t \\sim \\mathrm{TruncExp}(l, c)}[t] = \\frac{1}{l} \\quad (2)$$\n\n"
                + "$$\\mathbb{E}_{t \\sim \\mathrm{Foo}(l, c)}[t] = l \\quad (3)$$\n");
        JsonNode r = json(md.toString());
        assertEquals("CONFIRMED", eq(r, "eq. (1)").get("verdict").asText(), r.toString());
        assertEquals("REFUTED", eq(r, "eq. (2)").get("verdict").asText());
        JsonNode bad = eq(r, "eq. (3)");
        assertEquals("INVALID", bad.get("verdict").asText());
        assertTrue(bad.toString().contains("unknown family 'Foo'"), bad.toString());
        Path tex = dir.resolve("fam.tex");
        StringBuilder comment = new StringBuilder("% derivcheck: symbols: {l: positive, c: positive}\n");
        for (String line : fam.split("\n")) {
            comment.append("% derivcheck: ").append(line).append("\n");
        }
        Files.writeString(tex, comment + "\\documentclass{article}\n\\begin{document}\n\\begin{equation}\n"
                + "\\mathbb{E}_{t \\sim \\mathrm{TruncExp}(l, c)}[t] = \\frac{1}{l}\n\\end{equation}\n\\end{document}\n");
        assertEquals("REFUTED", eq(json(tex.toString()), "eq. (1)").get("verdict").asText());
        Path bare = dir.resolve("bare.md");
        Files.writeString(bare, "---\nsymbols: {l: positive}\nfamilies: {Bad: {params: [l], variable: t, log_density: q*t}}\n"
                + "---\n$$l = l$$\n");
        Run bad2 = run("check", bare.toString());
        assertTrue((bad2.out() + bad2.err()).contains("Bad"), bad2.out() + bad2.err());
    }

    @Test
    void standardInputIsMarkdown() {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream("$$2 + 2 = 4$$\n".getBytes(StandardCharsets.UTF_8)));
            Run r = run("check", "-");
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("display 1, line 1") && r.out().contains("PROVED"), r.out());
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void latexWithCommentContextAndEnvironmentNumbers() throws Exception {
        Path tex = dir.resolve("hw.tex");
        Files.writeString(tex, "% derivcheck: symbols: {x: positive}\n\\documentclass{article}\n\\begin{document}\n"
                + "\\begin{align}\n\\log(x^2) &= 2\\log x \\\\\n &= \\log x \\label{wrong}\n\\end{align}\n"
                + "\\begin{equation} x \\cdot x = x^2 \\end{equation}\n\\end{document}\n");
        JsonNode r = json(tex.toString());
        JsonNode first = eq(r, "eq. (1)–(2)");
        assertEquals(5, first.get("line").asInt());
        assertEquals("PROVED", first.get("relations").get(0).get("verdict").asText());
        assertEquals("REFUTED", first.get("relations").get(1).get("verdict").asText());
        assertEquals("PROVED", eq(r, "eq. (3)").get("verdict").asText());
    }

    @Test
    void aSideContextFileAndUndeclaredNamesWithLineAndColumn() throws Exception {
        Path md = dir.resolve("n.md");
        Files.writeString(md, "$$\\mu + \\nu = \\nu + \\mu$$\n\n$$\\mu = \\sigma$$\n");
        Path ctx = dir.resolve("ctx.yaml");
        Files.writeString(ctx, "symbols: {mu: real, nu: real}\n");
        JsonNode r = json("--context", ctx.toString(), md.toString());
        assertEquals("PROVED", eq(r, "display 1").get("verdict").asText());
        JsonNode bad = eq(r, "display 2");
        assertEquals("INVALID", bad.get("verdict").asText());
        String msg = bad.get("relations").get(0).get("message").asText();
        assertTrue(msg.contains("column 9") && msg.contains("sigma"), msg);
    }

    @Test
    void badInputIsReportedAndTheOtherEquationsAreStillChecked() throws Exception {
        Path tex = dir.resolve("bad.tex");
        Files.writeString(tex, "% derivcheck: symbols: {a: real}\n\\newcommand{\\sq}[1]{#1^2}\n\\input{secret}\n"
                + "\\[ \\sq{a} = a^2 \\]\n\\[ a + a = 2a \\]\n\\begin{itemize}\n");
        JsonNode r = json(tex.toString());
        JsonNode doc = r.get("documents").get(0);
        assertEquals("INVALID", doc.get("verdict").asText());
        String problems = doc.get("problems").toString();
        assertTrue(problems.contains(":3:1") && problems.contains("input"), problems);
        assertTrue(problems.contains(":6:1") && problems.contains("itemize"), problems);
        JsonNode macro = eq(r, "display 1");
        assertEquals("INVALID", macro.get("verdict").asText());
        assertTrue(macro.get("note").asText().contains("line 2"), macro.toString());
        assertEquals("PROVED", eq(r, "display 2").get("verdict").asText());
        assertEquals(2, run("check", tex.toString()).exit());
        assertFalse(Files.exists(dir.resolve("secret.tex")));
    }

    @Test
    void aDocumentWithoutDisplaysOrUnreadableIsInvalid() throws Exception {
        Path md = dir.resolve("empty.md");
        Files.writeString(md, "# Nothing\n\nonly $x$ inline.\n");
        Run r = run("check", md.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("no display"), r.out());
        Path bin = dir.resolve("bin.md");
        Files.write(bin, new byte[] {'$', '$', 0, 1, '$', '$'});
        Run b = run("check", bin.toString());
        assertEquals(2, b.exit());
        assertTrue(b.out().contains("binary"), b.out());
    }

    @Test
    void junitAndHtmlCarryTheEquationNumbersAndTheStudentsLatex() throws Exception {
        Path md = dir.resolve("hw.md");
        Files.writeString(md, "---\nsymbols: {a: real}\n---\n$$a \\cdot a = a^2 \\quad (7)$$\n$$a + a = 3a \\quad (8)$$\n");
        Path junit = dir.resolve("r.xml");
        assertEquals(1, run("check", "--format", "junit", "--out", junit.toString(), md.toString()).exit());
        String x = Files.readString(junit);
        assertTrue(x.contains("eq. (8)") && x.contains("<failure"), x);
        Path html = dir.resolve("r.html");
        run("check", "--format", "html", "--out", html.toString(), md.toString());
        String h = Files.readString(html);
        assertTrue(h.contains("eq. (7)") && h.contains("a \\\\cdot a = a^2") || h.contains("a \\cdot a = a^2"), h.substring(0, 200));
        assertTrue(h.contains("katex.render"));
    }

    @Test
    void variationalInferenceNotationOverAbstractDensities() throws Exception {
        // independent truth: log p(x) = ELBO + KL; ELBO = -KL(q || p(z|x)) + log p(x), so ELBO + KL(q || p(z|x)) is
        // constant in q but E_q[log p(x, z)] is not ELBO plus a constant (the entropy of q changes with q); the ELBO is
        // maximized by q = p(z | x), whose log is log p(x, z) up to a constant, and not by p(z)
        Path md = dir.resolve("vi.md");
        Files.writeString(md, "---\nsymbols: {X: finite, Z: finite}\ndensities: {p: [X, Z], q: [Z]}\n"
                + "define: {elbo: \"Expectation(Log(p(X, Z)/q(Z)), Z ~ q)\"}\nnotation: {\"\\\\mathcal{L}(q)\": elbo}\n"
                + "constants: {C: q}\nmaximizes: elbo\n---\n"
                + "$$\\log p(X) = \\mathcal{L}(q) + KL(q(Z)\\|p(Z|X)) \\quad (1)$$\n\n"
                + "$$\\mathcal{L}(q) = \\int q(Z) \\log p(X, Z) \\, dZ + C \\quad (2)$$\n\n"
                + "$$\\mathcal{L}(q) = -\\mathrm{KL}(q(Z) \\| p(Z | X)) + \\text{const} \\quad (3)$$\n\n"
                + "$$\\log q^*(Z) = \\log p(X, Z) \\quad (4)$$\n\n$$\\log q^*(Z) = \\log p(Z) \\quad (5)$$\n\n"
                + "$$\\mathcal{L}(q) \\le \\log p(X) = \\log \\mathbb{E}_{q(Z)}[\\frac{p(X, Z)}{q(Z)}] \\quad (6)$$\n");
        JsonNode r = json(md.toString());
        // eq. (1) holds for every model: the abstract-density prover proves it (finite instances agree)
        assertEquals("PROVED", eq(r, "eq. (1)").get("verdict").asText(), eq(r, "eq. (1)").toString());
        assertEquals("REFUTED", eq(r, "eq. (2)").get("verdict").asText(), eq(r, "eq. (2)").toString());
        assertTrue(eq(r, "eq. (2)").toString().contains("not equal up to an additive constant in q"));
        assertEquals("INCONCLUSIVE", eq(r, "eq. (3)").get("verdict").asText(), "const: which variable is not said");
        assertTrue(Set.of("PROVED", "CONFIRMED").contains(eq(r, "eq. (4)").get("verdict").asText()), eq(r, "eq. (4)").toString());
        assertEquals("REFUTED", eq(r, "eq. (5)").get("verdict").asText(), eq(r, "eq. (5)").toString());
        assertTrue(Set.of("PROVED", "CONFIRMED").contains(eq(r, "eq. (6)").get("verdict").asText()), eq(r, "eq. (6)").toString());
    }

    @Test
    void watchChecksAgainAfterASave() throws Exception {
        Path md = dir.resolve("w.md");
        Files.writeString(md, "---\nsymbols: {a: real}\n---\n$$a + a = 3a \\quad (1)$$\n\n$$a \\cdot a = a^2 \\quad (2)$$\n");
        StringWriter out = new StringWriter();
        CommandLine cl = RootCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter()));
        int[] exit = {-1};
        Thread t = new Thread(() -> exit[0] = cl.execute("check", "--watch", "--watch-rounds", "1", md.toString()));
        t.start();
        long end = System.currentTimeMillis() + 120_000;
        while (!out.toString().contains("refresh 0") && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertTrue(out.toString().contains("refresh 0"), out.toString());
        assertTrue(out.toString().contains("REFUTED"), out.toString());
        Path tmp = dir.resolve("w.md.tmp");
        Files.writeString(tmp, Files.readString(md).replace("= 3a", "= 2a"));
        Files.move(tmp, md, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        t.join(120_000);
        String second = out.toString().substring(out.toString().indexOf("refresh 0"));
        assertTrue(second.contains("refresh 1") && second.contains("(1 re-checked"), second);
        assertTrue(second.contains(", 0 REFUTED"), second);
        assertEquals(0, exit[0]);
    }

    @Test
    void aMacroTheContextMapsIsReadAndAnUnmappedOneIsRefusedWithItsLine() throws Exception {
        Path tex = dir.resolve("macros.tex");
        Files.writeString(tex, "% derivcheck: symbols: {a: real}\n% derivcheck: notation: {\"\\\\sq{a}\": a^2}\n"
                + "\\newcommand{\\sq}[1]{#1^2}\n\\newcommand{\\cube}[1]{#1^3}\n"
                + "\\[ \\sq{a} = a \\cdot a \\]\n\\[ \\cube{a} = a^3 \\]\n\\[ a - a = 0 \\]\n");
        JsonNode r = json(tex.toString());
        assertEquals("PROVED", eq(r, "display 1").get("verdict").asText(), r.toString()); // mapped by the context
        JsonNode cube = eq(r, "display 2");
        assertEquals("INVALID", cube.get("verdict").asText());
        assertTrue(cube.get("note").asText().contains("line 4") && cube.get("note").asText().contains("\\cube"), cube.toString());
        assertEquals("PROVED", eq(r, "display 3").get("verdict").asText());
    }

    @Test
    void shellEscapeAndUnclosedDisplaysAreNamedWithLineAndColumnAndTheRestIsChecked() throws Exception {
        Path md = dir.resolve("bad.md");
        Files.writeString(md, "---\nsymbols: {x: real}\n---\n$$x + x = 2x$$\n\n$$ y = \\write18{touch pwned} $$\n\n"
                + "$$ x = \n\nprose\n\n$$x \\cdot x = x^2$$\n");
        JsonNode r = json(md.toString());
        JsonNode doc = r.get("documents").get(0);
        String all = doc.toString();
        assertTrue(doc.get("problems").toString().contains(":8:"), all); // the $$ never closed, at its line
        assertTrue(all.contains("write18"), all);
        int proved = 0;
        for (JsonNode e : doc.get("equations")) {
            proved += e.get("verdict").asText().equals("PROVED") ? 1 : 0;
        }
        assertEquals(2, proved, all); // the displays before and after the bad ones
        assertEquals("INVALID", eq(r, "display 2").get("verdict").asText());
        assertFalse(Files.exists(dir.resolve("pwned")));
        assertFalse(Files.exists(Path.of("pwned")));
    }

    @Test
    void documentMessagesNeverSpeakOfARubric() throws Exception {
        Path md = dir.resolve("names.md");
        Files.writeString(md, "---\nsymbols: {x: real}\n---\n$$f(x) + g = x$$\n\n$$p(x|\\alpha) = x$$\n\n"
                + "$$\\foo{x} = x$$\n\n$$x_{n+1} = x$$\n\n$$\\sum_n x = x$$\n\n$$ y = x $$\n");
        Run r = run("check", md.toString());
        assertEquals(2, r.exit());
        assertFalse(r.out().toLowerCase(java.util.Locale.ROOT).contains("rubric"), r.out());
        assertTrue(r.out().contains("indices:"), "a bare \\sum_n says where its range goes: " + r.out());
    }

    @Test
    void anIntegralUnderAGammaDensityIsItsExpectation() throws Exception {
        Path md = dir.resolve("gamma.md");
        Files.writeString(md, "---\nsymbols: {t: positive, a: positive, b: positive}\n"
                + "expectations: {\"p(t)\": \"t ~ Gamma(a, b)\"}\n---\n"
                + "$$\\int p(t) \\, t \\, dt = \\frac{a}{b}$$\n\n$$\\int p(t) \\, dt = 1$$\n\n"
                + "$$\\int p(t) \\, t^2 \\, dt = \\frac{a^2}{b^2}$$\n");
        JsonNode r = json(md.toString());
        assertEquals("PROVED", eq(r, "display 1").get("verdict").asText(), r.toString());
        assertEquals("PROVED", eq(r, "display 2").get("verdict").asText(), r.toString());
        assertEquals("REFUTED", eq(r, "display 3").get("verdict").asText(), r.toString()); // E[t^2] = a(a + 1)/b^2
    }

    @Test
    void aDiagnosisIsShownInTheUsersNotationInEveryFormat() throws Exception {
        Path md = dir.resolve("score.md");
        // the score of a Normal in s with a factor 1/2 left on the second term
        Files.writeString(md, "---\nsymbols: {x: real, m: real, s: positive}\n---\n"
                + "$$\\frac{\\partial}{\\partial s} \\left(-\\log s - \\frac{(x - m)^2}{2 s^2}\\right) = -\\frac{1}{s} + "
                + "\\frac{(x - m)^2}{2 s^3}$$\n");
        JsonNode d = eq(json(md.toString()), "display 1").get("relations").get(0).get("diagnosis").get(0);
        assertTrue(d.get("message").asText().contains("term 2 is off by a factor 1/2"), d.toString());
        assertTrue(d.get("text").asText().contains("(x - m)^2/s^3"), d.toString()); // not (-m + x)^2/s^3
        assertTrue(d.get("tex").asText().contains("$\\frac{"), d.toString());
        Run text = run("check", md.toString());
        assertTrue(text.out().contains("it should be (x - m)^2/s^3"), text.out());
        Path html = dir.resolve("score.html");
        run("check", "--format", "html", "--out", html.toString(), md.toString());
        String h = Files.readString(html);
        int li = h.indexOf("<b>Diagnosis:</b>");
        assertTrue(li > 0 && h.indexOf("class=\"tex\"", li) > li && h.indexOf("class=\"tex\"", li) < h.indexOf("</li>", li), h);
    }

    @Test
    void aDefinitionThatTakesForeverInADocumentIsStoppedAndReported() throws Exception {
        Path md = dir.resolve("hostile.md");
        // the 40th derivative of this product grows combinatorially: Symja does not finish it in minutes
        Files.writeString(md, "---\nsymbols: {t: real}\ndefine: {\"f(s)\": \"D(Sin(s)^40*Cos(s)^40*Exp(s^2), {s, 40})\"}\n"
                + "---\n$$ t + t = 2t $$\n");
        Run r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(150), () -> run("check", md.toString()),
                "checking must not wait for the definition's derivatives");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.out().contains("definition of 'f'") && r.out().contains("did not finish"), r.out());
    }
}
