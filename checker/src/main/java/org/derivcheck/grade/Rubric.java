package org.derivcheck.grade;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.SymbolDecl;

/**
 * What a class must derive, and the names it may use: symbols, definitions and assumptions (as in a
 * derivation file), the LaTeX notation students may write for rubric names, the distributions behind
 * {@code \mathbb{E}_q}, and the results with their points.
 *
 * @param notation     LaTeX form to derivcheck text, e.g. {@code F(\theta) -> Fisher}
 * @param expectations LaTeX subscript of E to distribution specs, e.g. {@code q -> tau ~ Gamma(a_N, b_N)}
 * @param stepSeconds  time limit of one step of a submission
 * @param submissionSeconds time limit of a whole submission: the chains not checked by then are INCONCLUSIVE (time)
 */
public record Rubric(String id, String title, String source, Path file, List<SymbolDecl> symbols,
        List<Definition> definitions, List<Line> assumptions, Map<String, String> notation,
        Map<String, String> expectations, List<RubricResult> results, double stepSeconds, double submissionSeconds) {
    /** A submission's time limit when neither the rubric nor the command line gives one. */
    public static final double DEFAULT_SUBMISSION_SECONDS = 120;

    public Rubric {
        symbols = List.copyOf(symbols);
        definitions = List.copyOf(definitions);
        assumptions = List.copyOf(assumptions);
        notation = Map.copyOf(notation);
        expectations = Map.copyOf(expectations);
        results = List.copyOf(results);
    }

    public double maxScore() {
        return results.stream().mapToDouble(RubricResult::points).sum();
    }
}
