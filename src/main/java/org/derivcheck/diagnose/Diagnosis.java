package org.derivcheck.diagnose;

/**
 * What is wrong with a refuted step, in a student's words. Offered only when the repair it names was
 * checked and makes the step hold.
 *
 * @param kind    the kind of mistake
 * @param where   the entry ("component 3", "entry (1, 2)") or "" for a scalar
 * @param message the sentence shown to the student
 * @param repair  the repaired right side that was checked
 */
public record Diagnosis(Kind kind, String where, String message, String repair) {
    /** Kinds of diagnosable mistakes. */
    public enum Kind {
        SIGN_FLIPPED, TERM_SIGN_FLIPPED, CONSTANT_FACTOR, MISSING_TERM, EXTRA_TERM, WRONG_COMPONENT, COMPONENTS_SWAPPED,
        TRANSPOSED, WRONG_FUNCTION, SWAPPED_ARGUMENTS
    }
}
