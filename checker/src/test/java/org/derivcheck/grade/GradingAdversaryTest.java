package org.derivcheck.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.DerivationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, classes 11 and 12 on the grading side, as an adversary tries them: {@code tests/grading/adversary/} holds a
 * rubric and submissions that try to earn points without the work (chains that end where they started up to
 * reordering, collected terms or a written-out definition; chains from the answer; relations that do not compose to =;
 * assumptions and definitions that narrow or redefine the rubric's names; one chain for two results; text LaTeX does not
 * show; hostile definitions), next to correct chains written in other forms that must earn their points. The expected
 * scores follow from the reach rules (docs/grading.md); the mathematical facts under them (which steps hold, which first
 * and last lines are the same expression) are checked independently by scripts/grading_adversary_truth.py (sympy).
 */
class GradingAdversaryTest {
    static final Path DIR = Path.of("tests/grading/adversary");
    static final String[] RESULTS = {"square", "root", "deriv", "product"};

    static Cas cas;
    static final Map<String, SubmissionGrade> GRADES = new LinkedHashMap<>();

    @BeforeAll
    static void grade() {
        cas = Cas.start();
        Rubric rubric = RubricReader.read(DIR.resolve("rubric.yaml"));
        try (Grader g = new Grader(rubric, cas, CheckOptions.defaults().withStepMillis(10_000))) {
            assertEquals(List.of(), g.verifyRubric());
            for (SubmissionGrade s : GradeBatch.run(g, readAll(), 2, x -> { })) {
                GRADES.put(s.id(), s);
            }
        }
    }

    private static List<Submission> readAll() {
        try {
            return SubmissionReader.readAll(DIR.resolve("submissions"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        cas.close();
    }

    private static String explain(SubmissionGrade g) {
        StringBuilder sb = new StringBuilder(g.id() + ":");
        for (ResultScore r : g.scores()) {
            sb.append("\n  ").append(r.resultId()).append(' ').append(r.earned()).append(": ").append(r.message());
        }
        return sb.toString();
    }

    @Test
    void everySubmissionEarnsWhatTheReachRulesGiveIt() throws Exception {
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        for (String line : Files.readAllLines(DIR.resolve("expected-scores.csv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rows++;
            String[] f = line.split(",", -1);
            SubmissionGrade g = GRADES.get(Grader.safeId(Path.of(f[0])));
            if (g == null) {
                wrong.add(f[0] + ": not graded");
                continue;
            }
            for (int i = 0; i < RESULTS.length; i++) {
                if (g.scores().get(i).earned() != Double.parseDouble(f[1 + i])) {
                    wrong.add(explain(g));
                    break;
                }
            }
            if (g.total() != Double.parseDouble(f[5])) {
                wrong.add(g.id() + ": total " + g.total());
            }
            for (String want : f[6].isBlank() ? new String[0] : f[6].split(";")) {
                String[] kv = want.split(":", 2);
                int at = List.of(RESULTS).indexOf(kv[0].strip());
                String m = g.scores().get(at).message();
                if (!m.contains(kv[1].strip())) {
                    wrong.add(g.id() + " " + kv[0] + ": the feedback lacks '" + kv[1].strip() + "': " + m);
                }
            }
        }
        assertEquals(GRADES.size(), rows, "every submission has a row");
        assertEquals(List.of(), wrong);
    }

    @Test
    void theMathematicalFactsUnderTheScoresHoldIndependently() throws Exception {
        // sympy (Debian python3-sympy): which steps hold, which first and last lines are the same expression
        Process p = new ProcessBuilder("python3", "scripts/grading_adversary_truth.py").redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the truth script did not finish");
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains(" 0 mismatches"), out);
    }

    @Test
    void aHostileSubmissionIsGradedWithinItsLimitAndItsCorrectChainCounts() {
        SubmissionGrade g = GRADES.get("25-hostile-definitions");
        assertTrue(g.error().isEmpty(), g.error().toString());
        // 16 doubling definitions: each retried declaration is bounded by the CAS's size limit; a few seconds on a
        // loaded machine, far below the submission's own limit
        assertTrue(g.millis() < 60_000, g.millis() + " ms");
    }

    /** The canonical spelling: reordering, numbers, like terms and definitions vanish; expansion and identities do not. */
    @Test
    void theCanonicalFormIsOnlyRewritingThatDoesNoWork() {
        Canon plain = Canon.plain();
        assertTrue(plain.same("(a + b)^2", "(b + a)^2"));
        assertTrue(plain.same("2*(a + b)^2 - (a + b)^2", "(a + b)^2"));
        assertTrue(plain.same("(a + b)*(b + a)", "(a + b)^2"));
        assertTrue(plain.same("x/2 + 0", "0.5*x*1"));
        assertTrue(plain.same("Sum(y(n), {n, 1, N})", "Sum(y(m), {m, 1, N})"));
        assertTrue(plain.same("Sqrt(x)*Sqrt(x)", "x"));
        // work: expansion, a root of a square, a product of matrices in another order, a function identity
        assertFalse(plain.same("(a + b)^2", "a^2 + 2*a*b + b^2"));
        assertFalse(plain.same("a*(b + c)", "a*b + a*c"));
        assertFalse(plain.same("Sqrt(x^2)", "x"));
        assertFalse(plain.same("(x^2)^(1/2)", "x"));
        assertFalse(plain.same("A . B", "B . A"));
        assertFalse(plain.same("Log(a*b)", "Log(a) + Log(b)"));
        assertFalse(plain.same("Sum(y(n), {n, 1, N})", "Sum(y(n), {n, 1, M})"));
        Canon unfolding = Canon.unfolding(List.of(new Definition("S", List.of(), "(a + b)^2", 1),
                new Definition("f", List.of("u"), "u^3 - 3*u", 2)));
        assertTrue(unfolding.same("S", "(b + a)^2"));
        assertTrue(unfolding.same("f(x) + 3*x", "x^3"));
        assertFalse(unfolding.same("S", "a^2 + 2*a*b + b^2"));
        // a definition that doubles at every level is past the budget: no form, so the rules decide nothing from it
        List<Definition> doubling = new ArrayList<>();
        doubling.add(new Definition("g0", List.of(), "a + b", 1));
        for (int i = 1; i <= 30; i++) {
            doubling.add(new Definition("g" + i, List.of(), "g" + (i - 1) + "*g" + (i - 1) + " + 1", i + 1));
        }
        assertTrue(Canon.unfolding(doubling).of("g30").isEmpty());
        assertTrue(Canon.expanding(doubling).of("g30").isEmpty());
        // the form a final line is compared in: products of sums and their small powers expanded, nothing else
        Canon expanded = Canon.expanding(List.of());
        assertTrue(expanded.same("3*(x - 1)*(x + 1)", "3*x^2 - 3"));
        assertTrue(expanded.same("(a + b)^2", "a^2 + 2*a*b + b^2"));
        assertTrue(expanded.same("a*(a + b) + b*(a + b)", "b^2 + 2*a*b + a^2"));
        assertFalse(expanded.same("(a + b)^2*(Sin(a)^2 + Cos(a)^2)", "a^2 + 2*a*b + b^2"));
        assertFalse(expanded.same("Exp(2*Log(a + b))", "a^2 + 2*a*b + b^2"));
        assertFalse(expanded.same("Sqrt(x^2)", "Abs(x)"));
        assertTrue(expanded.of("(a + b + c + d + e + f + g + h + i + j + k + l)^8").isEmpty(), "past the size budget");
    }

    @Test
    void aMalformedRubricIsRefusedWithItsFileAndLine(@TempDir Path tmp) throws Exception {
        String head = "id: r\nsymbols:\n  a: positive\ndefine:\n  S: (a + 1)^2\nresults:\n";
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("used twice", "  - id: s\n    target: S = a^2 + 2*a + 1\n  - id: s\n    target: S = (a + 1)*(a + 1)\n");
        bad.put("more than one relation", "  - id: s\n    target: S = a^2 + 2*a + 1 = (1 + a)^2\n");
        bad.put("not a score", "  - id: s\n    target: S = a^2 + 2*a + 1\n    points: 1e300\n");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Path f = tmp.resolve("rubric.yaml");
            Files.writeString(f, head + e.getValue());
            DerivationException x = assertThrows(DerivationException.class, () -> RubricReader.read(f), e.getKey());
            assertTrue(x.getMessage().contains(e.getKey()) && x.getMessage().contains("rubric.yaml:"), x.getMessage());
        }
        // a target that relates an expression to itself (up to order) asks for no work: refused when it is verified
        Path f = tmp.resolve("trivial.yaml");
        Files.writeString(f, head + "  - id: s\n    target: S = S\n  - id: t\n    target: a + S = S + a + 0\n");
        try (Grader g = new Grader(RubricReader.read(f), cas, CheckOptions.defaults().withStepMillis(5_000))) {
            List<String> problems = g.verifyRubric();
            assertEquals(2, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("trivial.yaml:8") && problems.get(0).contains("asks for no work"), problems.get(0));
            assertTrue(problems.get(1).contains("trivial.yaml:10"), problems.get(1));
        }
    }

    /** The chains a LaTeX submission holds, each as its lines' LaTeX. */
    private static List<List<String>> chains(String tex) {
        List<List<String>> out = new ArrayList<>();
        for (Chain c : TexDocument.parse(Path.of("s.tex"), tex, 1).chains()) {
            out.add(c.lines().stream().map(l -> l.source().replaceAll("\\s+", " ").strip()).toList());
        }
        return out;
    }

    @Test
    void layoutIsReadAsAReaderSeesIt() {
        // an aligned row that starts with an operator continues the expression of the row before; an equation of its
        // own that starts with a minus sign does not; an annotation column is prose
        assertEquals(List.of(List.of("S &= (a + b)^2", "&= a^2 + 2ab + b^2")),
                chains("\\begin{align*}\nS &= (a + b)^2 \\\\\n&= a^2 + 2ab \\\\\n&\\quad + b^2\n\\end{align*}\n"));
        assertEquals(2, chains("\\begin{align*}\nS &= (a + b)^2 \\\\\n-S &= -(a + b)^2\n\\end{align*}\n").size());
        assertEquals(List.of(List.of("T &= \\sqrt{x^2}", "&= |x|")),
                chains("\\begin{align*}\nT &= \\sqrt{x^2} & &\\text{(a root)} \\\\\n&= |x| && \\text{(real $x$)}.\n"
                        + "\\end{align*}\n"));
    }

    @Test
    void aMatrixCellIsNeverAnAnnotation() {
        assertEquals(List.of(List.of("M &= \\begin{pmatrix} 1 & \\text{b} \\\\ 2 & \\text{c} \\end{pmatrix}")),
                chains("\\begin{align*}\nM &= \\begin{pmatrix} 1 & \\text{b} \\\\ 2 & \\text{c} \\end{pmatrix}\n"
                        + "\\end{align*}\n"));
    }

    @Test
    void whatCouldHideADisplayIsRefusedWithItsLine() {
        Map<String, String> hiding = new LinkedHashMap<>();
        hiding.put("{\\textcolor{white}{\\[ a = b \\]}}", "\\textcolor");
        hiding.put("\\phantom{\\parbox{5cm}{\\[ a = b \\]}}", "\\phantom");
        hiding.put("\\sbox0{\\[ a = b \\]}", "\\sbox");
        hiding.put("\\[ a = \\hspace{-30cm} b \\]", "negative space");
        hiding.put("\\ifx\\a\\b \\[ a = b \\] \\fi", "\\ifx");
        hiding.put("\\renewenvironment{align*}{}{}", "\\renewenvironment");
        hiding.put("\\AtBeginDocument{\\color{white}}", "\\AtBeginDocument");
        hiding.put("\\everymath{\\color{white}}", "\\everymath");
        hiding.put("\\newcommand{\\hide}[1]{} \\hide{\\[ a = b \\]}", "a command the submission defines");
        hiding.put("\\newcommand{\\sol}{\\[ a = b \\]}", "inside the definition of a command");
        hiding.put("\\begin{tikzpicture}\\node[opacity=0]{\\[ a = b \\]};\\end{tikzpicture}", "tikzpicture");
        hiding.put("\\invisible{\\[ a = b \\]}", "\\invisible");
        hiding.put("\\textbf{x}\\newcommand{\\hide}[2][]{} \\hide[x]{\\[ a = b \\]}", "\\hide");
        hiding.put("\\begin{solution} \\[ a = b \\] \\end{solution}", "solution");
        hiding.put("\\begin{onlyenv} \\[ a = b \\] \\end{onlyenv}", "onlyenv");
        for (Map.Entry<String, String> e : hiding.entrySet()) {
            DerivationException x = assertThrows(DerivationException.class,
                    () -> TexDocument.parse(Path.of("s.tex"), "\\[ c = d \\]\n" + e.getKey() + "\n", 1), e.getKey());
            assertTrue(x.getMessage().contains(e.getValue()) && x.getMessage().contains("s.tex:2"), x.getMessage());
        }
        // what shows its content is fine: a phantom inside a formula (dropped with it), colour and boxes nowhere; lists,
        // the environments of \\newtheorem, a solution printed with \\printanswers, \\textbf and \\footnote
        assertEquals(2, chains("\\[ c = d \\]\n\\textbf{Answer:}\n\\[ a = b \\phantom{+ 1} \\]\n").size());
        // a template's conditionals that close in the preamble hide nothing (the preamble is not read); in the body
        // they are refused
        assertEquals(1, chains("\\documentclass{article}\\newif\\ifanswers\\ifx\\a\\b\\fi\n\\begin{document}\n"
                + "\\[ a = b \\]\n\\end{document}\n").size());
        assertThrows(DerivationException.class, () -> chains("\\documentclass{article}\\newif\\ifanswers\n"
                + "\\begin{document}\n\\ifanswers \\[ a = b \\] \\fi\n\\end{document}\n"));
        // a colour every page shows, and colours defined in the preamble; a white one (or a mix, or the document's own)
        // is refused
        assertEquals(2, chains("\\definecolor{mine}{rgb}{1,1,1}\n{\\color{red} Answer:}\\textcolor{blue}{Note}\\[ a = b \\]\n"
                + "\\[ c = d \\]\n").size());
        for (String c : List.of("white", "red!5", "mine")) {
            assertThrows(DerivationException.class, () -> chains("{\\color{" + c + "} \\[ a = b \\]}\n"), c);
        }
        // a comment environment is not read, however its \\begin is spaced
        assertEquals(1, chains("\\[ c = d \\]\n\\begin {comment} \\[ a = b \\] \\end {comment}\n").size());
        // a small negative space only tightens the layout
        assertEquals(2, chains("\\vspace{-2mm}\\[ c \\mkern-3mu = d \\]\\vspace{-\\baselineskip}\n\\[ a = \\kern-2pt b \\]\n").size());
        assertTrue(Unseen.small(" 0.4in ") && !Unseen.small("1in") && !Unseen.small("\\textheight"));
        assertEquals(4, chains("\\newtheorem{claim}{Claim}\\printanswers\n\\begin{enumerate}\\item \\begin{claim}\\[ a = b \\]"
                + "\\end{claim}\\end{enumerate}\n\\begin{solution}\\[ c = d \\]\\end{solution}\n\\textbf{\\[ e = f \\]}"
                + "\\footnote{\\[ g = h \\]}\n").size());
        // Markdown: hiding HTML, a tag with attributes, a display inside a tag
        for (String md : List.of("<div hidden>\n\n$$a = b$$\n\n</div>\n", "<script>\n$$a = b$$\n</script>\n",
                "<img alt=\"$$a = b$$\">\n")) {
            assertThrows(DerivationException.class, () -> TexDocument.parse(Path.of("s.md"), md, 1), md);
        }
    }

    @Test
    void theHiddenTextScansTakeLinearTime() {
        // a hostile document near the size limit: thousands of definitions, groups, conditionals and displays
        StringBuilder tex = new StringBuilder();
        for (int i = 0; i < 6_000; i++) {
            tex.append("\\def\\m").append(Integer.toString(i, 26).replaceAll("[0-9]", "z")).append("{x} {{ \\iffalse } \\fi }\n");
        }
        for (int i = 0; i < 300; i++) {
            tex.append("\\[ a").append(" = b").append(" \\]\n");
        }
        long t0 = System.nanoTime();
        assertEquals(300, TexDocument.parse(Path.of("s.tex"), tex.toString(), 1).chains().size());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(tex.length() < SubmissionReader.MAX_BYTES, tex.length() + " characters");
        assertTrue(seconds < 5, "reading took " + seconds + " s");
    }

    @Test
    void aRubricMayTakeTheAnswerInAnyForm(@TempDir Path tmp) throws Exception {
        // the same chain, ending at a form equal to the target in value only: reached with 'answer: value', not without
        String rubric = "id: r\nsymbols:\n  a: positive\n  b: positive\ndefine:\n  S: (a + b)^2\nresults:\n"
                + "  - id: form\n    target: S = a^2 + 2*a*b + b^2\n"
                + "  - id: value\n    target: S = a^2 + 2*a*b + b^2\n    answer: value\n";
        Path f = tmp.resolve("rubric.yaml");
        Files.writeString(f, rubric);
        Path subs = Files.createDirectories(tmp.resolve("subs"));
        String chain = "\\begin{align*}\nS &= (a + b)^2 \\\\\n&= e^{2 \\log(a + b)}\n\\end{align*}\n";
        Files.writeString(subs.resolve("s.tex"), chain + "% derivcheck: result value\n" + chain);
        try (Grader g = new Grader(RubricReader.read(f), cas, CheckOptions.defaults().withStepMillis(5_000))) {
            assertEquals(List.of(), g.verifyRubric());
            SubmissionGrade s = GradeBatch.run(g, SubmissionReader.readAll(subs), 1, x -> { }).get(0);
            assertEquals(0, s.scores().get(0).earned(), s.scores().get(0).message());
            assertTrue(s.scores().get(0).message().contains("in value but is not it written out"), s.scores().get(0).message());
            assertEquals(1, s.scores().get(1).earned(), s.scores().get(1).message());
        }
        Files.writeString(f, rubric.replace("answer: value", "answer: any"));
        DerivationException x = assertThrows(DerivationException.class, () -> RubricReader.read(f));
        assertTrue(x.getMessage().contains("'answer' is 'form'"), x.getMessage());
    }
}
