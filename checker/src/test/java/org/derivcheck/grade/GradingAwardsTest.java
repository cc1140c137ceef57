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

    /** Expected points for (square, root). */
    static final Map<String, double[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("full", new double[] {2, 2});
        EXPECTED.put("definition-only", new double[] {0, 0});
        EXPECTED.put("same", new double[] {0, 0});
        EXPECTED.put("identities", new double[] {0, 0});
        EXPECTED.put("labelled-identity", new double[] {0, 0});
        EXPECTED.put("lhs-in-last", new double[] {0, 0});
        EXPECTED.put("le", new double[] {0, 0});
        EXPECTED.put("eq-le", new double[] {0, 0});
        EXPECTED.put("mixed", new double[] {0, 0});
        EXPECTED.put("partial", new double[] {1, 0});
        EXPECTED.put("trivial-partial", new double[] {0, 0});
        EXPECTED.put("le-partial", new double[] {0, 0});
        EXPECTED.put("elsewhere-partial", new double[] {0, 0});
        EXPECTED.put("assumes", new double[] {0, 0});
        EXPECTED.put("own-symbol", new double[] {2, 0});
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
            if (g == null || g.scores().get(0).earned() != want[0] || g.scores().get(1).earned() != want[1]) {
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
