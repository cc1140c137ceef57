package org.derivcheck.document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;

/**
 * The results of one document, equation by equation, and the problems of the document itself (each with its
 * line and column), which make it INVALID without stopping the equations that could be read.
 */
public record DocumentResult(Path file, List<EquationResult> equations, List<String> problems, long millis) {
    public DocumentResult {
        equations = List.copyOf(equations);
        problems = List.copyOf(problems);
    }

    public Verdict verdict() {
        Verdict v = Verdict.PROVED;
        for (EquationResult e : equations) {
            for (StepResult s : e.steps()) {
                v = Verdict.combine(v, s.verdict());
            }
        }
        return problems.isEmpty() ? v : Verdict.combine(v, Verdict.INVALID);
    }

    /**
     * The same results as a derivation result, one step per relation, indexed by equation ("eq. (14)", "eq. (9).2"),
     * with the student's LaTeX as the step's formula: what the JUnit and HTML reports render.
     */
    public DerivationResult asDerivation() {
        List<StepResult> steps = new ArrayList<>();
        for (EquationResult e : equations) {
            for (int i = 0; i < e.steps().size(); i++) {
                StepResult s = e.steps().get(i);
                String index = e.name() + (e.steps().size() > 1 ? " rel. " + (i + 1) : "");
                steps.add(new StepResult(index, s.claim(), e.latex(), e.line(), s.verdict(), s.method(), s.evidence(),
                        s.counterexample(), s.diagnoses(), s.message(), s.millis()));
            }
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return new DerivationResult(name, "", "", file, verdict(), steps, problems.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(String.join("\n", problems)), millis);
    }
}
