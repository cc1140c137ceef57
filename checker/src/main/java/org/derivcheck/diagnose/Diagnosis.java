package org.derivcheck.diagnose;

/**
 * What is wrong with a refuted step, in a student's words. Offered only when the repair it names was
 * checked and makes the step hold.
 *
 * @param kind    the kind of mistake
 * @param where   the entry ("component 3", "entry (1, 2)") or "" for a scalar
 * @param message the sentence shown to the student
 * @param repair  the repaired right side that was checked
 * @param tex      the sentence with each expression as {@code $LaTeX$} (HTML, the LaTeX document)
 * @param readable the sentence with each expression in a readable plain form (the terminal)
 */
public record Diagnosis(Kind kind, String where, String message, String repair, String tex, String readable) {
    /** A diagnosis whose message may mark its expressions with {@link Shown#of}: each rendering is made from it. */
    public Diagnosis(Kind kind, String where, String message, String repair) {
        this(kind, where, Shown.plain(message), repair, Shown.tex(message), Shown.readable(message));
    }

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

    /** This diagnosis said of one entry ("component 1: a term is missing: ..."). */
    Diagnosis in(String entry) {
        return entry.isEmpty() ? this : new Diagnosis(kind, entry, entry + ": " + message, repair, entry + ": " + tex,
                entry + ": " + readable);
    }
}
