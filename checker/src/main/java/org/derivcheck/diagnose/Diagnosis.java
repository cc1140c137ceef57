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
        TRANSPOSED, WRONG_FUNCTION, SWAPPED_ARGUMENTS,
        /** one term off by a factor, or with a wrong coefficient */
        TERM_FACTOR,
        /** a power with the wrong exponent */
        WRONG_EXPONENT,
        /** a function applied to the wrong argument */
        WRONG_ARGUMENT,
        /** a sign inside a factor or an argument */
        INNER_SIGN,
        /** the factors of a product in the wrong order */
        FACTOR_ORDER,
        /** an expectation and a function exchanged: log E[x] where E[log x] belongs */
        EXPECTATION_SWAPPED,
        /** no checked local repair makes the relation hold */
        NO_LOCAL_REPAIR,
        /** the time for diagnosing ran out before every repair was checked */
        UNDIAGNOSED
    }
}
