package org.derivcheck.document;

import java.util.List;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;

/**
 * What was found about one statement of an equation: its kind, where it is, the student's LaTeX, a note for
 * a person, and the verdict of every relation it claims.
 *
 * @param statement 1-based position of the statement in its equation, of {@code statements}
 * @param kind      what the statement is
 * @param note      why it is not a claim, what it defines, or how it was read
 */
public record EquationResult(Equation equation, int statement, int statements, Kind kind, int line, int column,
        String latex, String note, List<StepResult> steps) {
    public EquationResult {
        steps = List.copyOf(steps);
    }

    /** What a statement is. */
    public enum Kind {
        CLAIM("claim"), DEFINITION("definition"), CONDITION("condition"), NOT_A_CLAIM("not a claim"), NOTE("note"),
        INVALID("invalid");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** "eq. (14)", "eq. (9), part 2 of 2". */
    public String name() {
        return equation.name() + (statements > 1 ? ", part " + statement + " of " + statements : "");
    }

    /** The statement's verdict: the weakest of its relations', or none for a definition without a chain. */
    public java.util.Optional<Verdict> verdict() {
        return steps.stream().map(StepResult::verdict).reduce(Verdict::combine);
    }

    EquationResult with(Kind k, String n, List<StepResult> s) {
        return new EquationResult(equation, statement, statements, k, line, column, latex, n, s);
    }
}
