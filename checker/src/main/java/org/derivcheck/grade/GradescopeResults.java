package org.derivcheck.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The autograder results file course platforms read (Gradescope's {@code results.json}): the score, the
 * maximum, and one test per result of the rubric with its own score and the feedback as output.
 */
public final class GradescopeResults {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradescopeResults() {
    }

    /** Every chain that could not be read, as "file line N: why". */
    static List<String> parseErrors(SubmissionGrade g) {
        List<String> out = new java.util.ArrayList<>();
        for (ChainResult c : g.chains()) {
            for (org.derivcheck.check.StepResult s : c.steps()) {
                if (s.verdict() == org.derivcheck.check.Verdict.INVALID) {
                    String file = String.valueOf(c.chain().file().getFileName());
                    out.add((s.message().startsWith(file + ":") ? "" : file + ", line " + s.line() + ": ") + s.message());
                }
            }
        }
        return out;
    }

    /** The lines of a readable submission that could not be read (INVALID), with file, line and cause. */
    static String unreadable(SubmissionGrade g) {
        StringBuilder b = new StringBuilder();
        for (ChainResult c : g.chains()) {
            for (var st : c.steps()) {
                if (st.verdict() == org.derivcheck.check.Verdict.INVALID) {
                    String file = String.valueOf(c.chain().file().getFileName());
                    // the reader's message names file:line:column itself; a checker's may not
                    b.append("\n  ").append(st.message().startsWith(file + ":") ? "" : file + ", line " + st.line() + ": ")
                            .append(st.message());
                }
            }
        }
        return b.isEmpty() ? "" : "\nThese lines could not be read, so they earn nothing until they are fixed:" + b;
    }

    public static String render(SubmissionGrade g) {
        return render(g, java.util.Optional.empty());
    }

    /** With the rubric: each test states its target in LaTeX. */
    public static String render(Rubric rubric, SubmissionGrade g) {
        return render(g, java.util.Optional.of(rubric));
    }

    private static String render(SubmissionGrade g, java.util.Optional<Rubric> rubric) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("score", g.total());
        root.put("max_score", g.max());
        root.put("output", g.error().map(e -> "The submission could not be read: " + e)
                .orElse("Checked by derivcheck: every step of every chain, then the results of the rubric."
                        + (g.needsReview() ? " Some steps could not be decided; a person will review them." : "")
                        + unreadable(g)));
        root.put("visibility", "visible");
        ArrayNode tests = root.putArray("tests");
        java.util.Map<String, String> targets = new java.util.HashMap<>();
        rubric.ifPresent(r -> {
            TargetTex tt = new TargetTex(r);
            for (RubricResult x : r.results()) {
                targets.put(x.id(), tt.of(x));
            }
        });
        for (ResultScore s : g.scores()) {
            ObjectNode t = tests.addObject();
            t.put("name", s.title().isEmpty() ? s.resultId() : s.resultId() + ": " + s.title());
            t.put("score", s.earned());
            t.put("max_score", s.points());
            t.put("status", s.status() == ResultScore.Status.FULL ? "passed" : "failed");
            t.put("output", (targets.containsKey(s.resultId()) ? "Target: $" + targets.get(s.resultId()) + "$\n" : "")
                    + s.message() + (s.review() ? " (to be reviewed by a person: a step was undecided)" : ""));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
