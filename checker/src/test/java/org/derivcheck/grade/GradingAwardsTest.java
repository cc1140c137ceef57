package org.derivcheck.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.CheckOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, class 11: points are awarded only for work that reaches the target. Every submission below is
 * a LaTeX chain whose relations all hold (or all hold but the last), so only the reach rules of
 * {@link Reach} and the submission-assumption rule of {@link Grader} can withhold the points; the correct
 * submissions show that the same rubric does award them.
 */
class GradingAwardsTest {
    static final String RUBRIC = """
            id: awards
            title: reach rules
            symbols:
              a: positive
              b: positive
              x: real
            define:
              S: (a + b)^2
              T: Sqrt(x^2)
              U: (a + b)^3
            results:
              - id: square
                title: expand S
                target: S = a^2 + 2*a*b + b^2
                points: 2
                partial: 1
              - id: root
                title: the root of a square
                target: T = Abs(x)
                points: 2
              - id: cube
                title: the value of U, in any form
                target: U = a^3 + 3*a^2*b + 3*a*b^2 + b^3
                points: 2
                answer: value
            """;

    /** Submission name to LaTeX body (without the document wrapper). */
    static final Map<String, String> SUBMISSIONS = new LinkedHashMap<>();

    static {
        // earns both results: the control that shows points can be earned here
        SUBMISSIONS.put("full", chain("S &= (a + b)^2 \\\\ &= a^2 + 2ab + b^2") + chain("T &= \\sqrt{x^2} \\\\ &= |x|"));
        // the definition of T written out and nothing more: the grader's comparison of sqrt(x^2) with |x| would be
        // the only work
        SUBMISSIONS.put("definition-only", chain("T &= \\sqrt{x^2}"));
        SUBMISSIONS.put("same", chain("S &= S"));
        SUBMISSIONS.put("identities", chain("S &= S \\\\ &= S \\\\ &= S"));
        SUBMISSIONS.put("labelled-identity", "\\begin{equation}\\label{square} a^2 + 2ab + b^2 = a^2 + 2ab + b^2\\end{equation}\n");
        SUBMISSIONS.put("lhs-in-last", chain("S &= 2 S - S"));
        SUBMISSIONS.put("le", chain("S &\\le a^2 + 2ab + b^2"));
        SUBMISSIONS.put("eq-le", chain("S &= (a + b)^2 \\\\ &\\le a^2 + 2ab + b^2"));
        SUBMISSIONS.put("mixed", chain("S &\\le (a + b)^2 + 1 \\\\ &\\ge a^2 + 2ab + b^2"));
        SUBMISSIONS.put("partial", chain("S &= (a + b)^2 \\\\ &= a^2 + ab + b^2"));
        SUBMISSIONS.put("trivial-partial", chain("S &= S \\\\ &= a^2 + b^2"));
        SUBMISSIONS.put("le-partial", chain("S &\\le (a + b)^2 \\\\ &= a^2 + b^2"));
        SUBMISSIONS.put("elsewhere-partial", "\\begin{align}\\label{square} 2(a + b) &= 2a + 2b \\\\ &= a^2 + b^2\\end{align}\n");
        // holds only for x > 0, which the rubric does not grant
        SUBMISSIONS.put("assumes", "% derivcheck: assume x > 0\n" + chain("T &= \\sqrt{x^2} \\\\ &= x"));
        // an assumption about a symbol of the submission's own narrows nothing of the rubric's
        SUBMISSIONS.put("own-symbol", "% derivcheck: symbol c positive\n% derivcheck: assume c > 1\n"
                + chain("S &= (a + b)^2 \\\\ &= a^2 + 2ab + b^2"));
    }

    /** YAML submissions: name to the file's text. */
    static final Map<String, String> YAML = new LinkedHashMap<>();

    static {
        // answer: value takes any form equal to the answer, but not the left side padded with a disguised 1 or 0
        SUBMISSIONS.put("value-other-form", chain("U &= (a + b)^3 \\\\ &= (a + b)(a^2 + 2ab + b^2)"));
        SUBMISSIONS.put("value-padded-product", chain("U &= (a + b)^3 \\\\ &= (a + b)^3 (\\sin^2 a + \\cos^2 a)"));
        SUBMISSIONS.put("value-padded-sum", chain("U &= (a + b)^2 (a + b) \\\\ &= (a + b)^3 + \\sin^2 b + \\cos^2 b - 1"));
        SUBMISSIONS.put("value-padded-inside", chain("U &= (a + b)^3 \\\\ &= e^{\\log\\left((a + b)^3\\right)}"));
        SUBMISSIONS.put("value-same", chain("U &= (a + b)^3 \\\\ &= (b + a)^3"));
        // the same other form where the rubric wants the answer written out (answer: form): not reached
        SUBMISSIONS.put("form-other-form", chain("S &= (a + b)^2 \\\\ &= (a + b)(a + b)(\\sin^2 a + \\cos^2 a)"));
        // a rubric symbol declared again with a narrower domain: the rubric's domain is used, and the feedback says so
        SUBMISSIONS.put("redeclared", "% derivcheck: symbol x positive\n" + chain("T &= \\sqrt{x^2} \\\\ &= x"));
        // an assumption about the submission's own data that nothing satisfies: dropped, the chain checked without it
        YAML.put("data-unsatisfiable", """
                symbols:
                  y: {domain: real, indexed: true}
                assume:
                  - y(1) > 5
                  - y(1) < 3
                steps:
                  - chain: [T, = Sqrt(x^2), = Abs(x)]
                """);
        // a satisfiable one is kept (it narrows nothing of the rubric's)
        YAML.put("data-satisfiable", """
                symbols:
                  y: {domain: real, indexed: true}
                assume:
                  - y(2) > 5
                steps:
                  - chain: [T, = Sqrt(x^2), = Abs(x)]
                """);
    }

    /** Expected points for (square, root, cube). */
    static final Map<String, double[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("full", new double[] {2, 2, 0});
        EXPECTED.put("definition-only", new double[] {0, 0, 0});
        EXPECTED.put("same", new double[] {0, 0, 0});
        EXPECTED.put("identities", new double[] {0, 0, 0});
        EXPECTED.put("labelled-identity", new double[] {0, 0, 0});
        EXPECTED.put("lhs-in-last", new double[] {0, 0, 0});
        EXPECTED.put("le", new double[] {0, 0, 0});
        EXPECTED.put("eq-le", new double[] {0, 0, 0});
        EXPECTED.put("mixed", new double[] {0, 0, 0});
        EXPECTED.put("partial", new double[] {1, 0, 0});
        EXPECTED.put("trivial-partial", new double[] {0, 0, 0});
        EXPECTED.put("le-partial", new double[] {0, 0, 0});
        EXPECTED.put("elsewhere-partial", new double[] {0, 0, 0});
        EXPECTED.put("assumes", new double[] {0, 0, 0});
        EXPECTED.put("own-symbol", new double[] {2, 0, 0});
        EXPECTED.put("value-other-form", new double[] {0, 0, 2});
        EXPECTED.put("value-padded-product", new double[] {0, 0, 0});
        EXPECTED.put("value-padded-sum", new double[] {0, 0, 0});
        EXPECTED.put("value-padded-inside", new double[] {0, 0, 0});
        EXPECTED.put("value-same", new double[] {0, 0, 0});
        EXPECTED.put("form-other-form", new double[] {0, 0, 0});
        EXPECTED.put("redeclared", new double[] {0, 0, 0});
        EXPECTED.put("data-unsatisfiable", new double[] {0, 2, 0});
        EXPECTED.put("data-satisfiable", new double[] {0, 2, 0});
    }

    static String chain(String body) {
        return "\\begin{align*}\n" + body + "\n\\end{align*}\n";
    }

    @TempDir
    static Path dir;
    static Cas cas;
    static Map<String, SubmissionGrade> grades = new LinkedHashMap<>();

    @BeforeAll
    static void grade() throws Exception {
        Path rubricFile = dir.resolve("rubric.yaml");
        Files.writeString(rubricFile, RUBRIC);
        Path subs = Files.createDirectories(dir.resolve("submissions"));
        for (Map.Entry<String, String> e : SUBMISSIONS.entrySet()) {
            Files.writeString(subs.resolve(e.getKey() + ".tex"), "\\documentclass{article}\n\\begin{document}\n" + e.getValue()
                    + "\\end{document}\n");
        }
        for (Map.Entry<String, String> e : YAML.entrySet()) {
            Files.writeString(subs.resolve(e.getKey() + ".yaml"), e.getValue());
        }
        cas = Cas.start();
        Rubric rubric = RubricReader.read(rubricFile);
        try (Grader g = new Grader(rubric, cas, CheckOptions.defaults().withStepMillis(10_000))) {
            assertEquals(List.of(), g.verifyRubric());
            List<Submission> all = SubmissionReader.readAll(subs);
            for (SubmissionGrade s : GradeBatch.run(g, all, 2, x -> { })) {
                grades.put(s.id(), s);
            }
        }
    }

    @AfterAll
    static void stop() {
        cas.close();
    }

    static String explain(SubmissionGrade g) {
        StringBuilder sb = new StringBuilder(g.id() + ":");
        for (ResultScore r : g.scores()) {
            sb.append("\n  ").append(r.resultId()).append(' ').append(r.earned()).append(": ").append(r.message());
        }
        for (ChainResult c : g.chains()) {
            sb.append("\n  chain ").append(c.lines()).append(' ').append(c.relations()).append(' ').append(c.steps().stream()
                    .map(s -> s.verdict() + " " + s.claim()).toList());
        }
        return sb.toString();
    }

    @Test
    void everySubmissionEarnsWhatItReached() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, double[]> e : EXPECTED.entrySet()) {
            SubmissionGrade g = grades.get(e.getKey());
            double[] want = e.getValue();
            if (g == null || g.scores().get(0).earned() != want[0] || g.scores().get(1).earned() != want[1]
                    || g.scores().get(2).earned() != want[2]) {
                wrong.add(g == null ? e.getKey() + " missing" : explain(g));
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static String message(String id, int result) {
        return grades.get(id).scores().get(result).message();
    }

    @Test
    void theFeedbackSaysWhyNothingWasEarned() {
        assertTrue(message("same", 0).contains("same expression"), message("same", 0));
        assertTrue(message("identities", 0).contains("same expression") || message("identities", 0).contains("identity"),
                message("identities", 0));
        assertTrue(message("lhs-in-last", 0).contains("still contains S"), message("lhs-in-last", 0));
        assertTrue(message("le", 0).contains("compose to <="), message("le", 0));
        assertTrue(message("eq-le", 0).contains("compose to <="), message("eq-le", 0));
        assertTrue(message("mixed", 0).contains("mix directions"), message("mixed", 0));
        assertTrue(message("trivial-partial", 0).contains("no partial credit"), message("trivial-partial", 0));
        assertTrue(message("elsewhere-partial", 0).contains("does not start at S"), message("elsewhere-partial", 0));
    }

    @Test
    void assumptionsTheRubricDoesNotGrantAreNotUsedAndTheFeedbackSaysSo() {
        String m = message("assumes", 1);
        assertTrue(m.contains("x > 0") && m.contains("not granted by the rubric"), m);
        // the chain was checked over all real x: its second relation is refuted at a negative x
        ChainResult c = grades.get("assumes").chains().get(0);
        assertTrue(c.steps().stream().anyMatch(s -> s.verdict() == org.derivcheck.check.Verdict.REFUTED), explain(grades.get("assumes")));
        assertFalse(message("own-symbol", 0).contains("not granted"), message("own-symbol", 0));
    }

    @Test
    void aPaddedFinalLineAndAnUnsatisfiableDataAssumptionAreNamed() {
        assertTrue(message("value-padded-product", 2).contains("equal to 1 or 0"), message("value-padded-product", 2));
        assertTrue(message("value-padded-sum", 2).contains("equal to 1 or 0"), message("value-padded-sum", 2));
        assertTrue(message("form-other-form", 0).contains("equal to 1 or 0"), message("form-other-form", 0));
        assertTrue(message("data-unsatisfiable", 1).contains("leave no point to check"), message("data-unsatisfiable", 1));
        assertFalse(message("data-satisfiable", 1).contains("no point"), message("data-satisfiable", 1));
        assertTrue(message("redeclared", 1).contains("a symbol the rubric declares (real)"), message("redeclared", 1));
        // the probe speaks of the data as the assumption writes it
        assertEquals(java.util.Set.of("y(1)", "c"), OwnAssumptions.names(List.of(new org.derivcheck.derivation.Line("y( 1 ) > c", 1)),
                List.of(new org.derivcheck.derivation.SymbolDecl("y", org.derivcheck.derivation.Domain.REAL, true, Double.NaN, Double.NaN, 1),
                        new org.derivcheck.derivation.SymbolDecl("c", org.derivcheck.derivation.Domain.POSITIVE, false, Double.NaN,
                                Double.NaN, 1))));
    }

    /** The padding rule: the left side's definition inside the final line with more around it; a name is never looked for. */
    @Test
    void paddingIsTheDefinitionWithMoreAroundIt() {
        Canon c = Canon.unfolding(List.of(new org.derivcheck.derivation.Definition("U", List.of(), "(a + b)^3", 1)));
        assertTrue(c.holds("(a + b)^3*(Sin(a)^2 + Cos(a)^2)", "U"));
        assertTrue(c.holds("(b + a)^3 + Sin(b)^2 + Cos(b)^2 - 1", "U"));
        assertTrue(c.holds("Exp(Log((a + b)^3))", "U"));
        assertFalse(c.holds("(a + b)*(a^2 + 2*a*b + b^2)", "U"));
        assertFalse(c.holds("a^3 + 3*a^2*b + 3*a*b^2 + b^3", "U"));
        assertFalse(c.holds("a*(a + b)^2 + b*(a + b)^2", "U"));
        assertFalse(Canon.plain().holds("x*y + 1", "x"));
    }

    @Test
    void compositionOfRelations() {
        assertEquals("=", Reach.compose(List.of("=", "=")).orElseThrow().symbol());
        assertEquals("<=", Reach.compose(List.of("=", "<=", "=")).orElseThrow().symbol());
        assertEquals("<", Reach.compose(List.of("<=", "<")).orElseThrow().symbol());
        assertEquals(">=", Reach.compose(List.of(">=", "=")).orElseThrow().symbol());
        assertTrue(Reach.compose(List.of("<=", ">=")).isEmpty());
        assertTrue(Reach.compose(List.of("<", "=", ">")).isEmpty());
        assertFalse(Reach.implies(org.derivcheck.notation.Relation.LESS_EQUAL, org.derivcheck.notation.Relation.EQUAL));
        assertTrue(Reach.implies(org.derivcheck.notation.Relation.EQUAL, org.derivcheck.notation.Relation.LESS_EQUAL));
        assertTrue(Reach.containsTerm("2*S-S", "S"));
        assertFalse(Reach.containsTerm("Sqrt(x)", "S"));
        assertEquals("a+b", Reach.normal(" ( a + b ) "));
        assertEquals("(a)+(b)", Reach.normal("(a) + (b)"));
    }
}
