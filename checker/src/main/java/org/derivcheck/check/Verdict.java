package org.derivcheck.check;

/** The verdicts, from strongest to weakest support of the claim; see docs/ARCHITECTURE.md §4. */
public enum Verdict {
    /** The CAS reduced the difference to exactly zero (and no numeric check disagreed). */
    PROVED,
    /** No proof, but independent numeric evidence agrees within a stated tolerance or confidence bound. */
    CONFIRMED,
    /** A counterexample, re-evaluated independently. */
    REFUTED,
    /** No method could decide (time limit, unsupported construct, too few valid points). */
    INCONCLUSIVE,
    /** The input itself is wrong: syntax, unknown symbol, undefined name. */
    INVALID;

    /** True for PROVED and CONFIRMED. */
    public boolean holds() {
        return this == PROVED || this == CONFIRMED;
    }

    /** The verdict of a whole made of two parts: the weaker one (INVALID worst, then REFUTED, INCONCLUSIVE). */
    public static Verdict combine(Verdict a, Verdict b) {
        return severity(a) >= severity(b) ? a : b;
    }

    private static int severity(Verdict v) {
        return switch (v) {
            case PROVED -> 0;
            case CONFIRMED -> 1;
            case INCONCLUSIVE -> 2;
            case REFUTED -> 3;
            case INVALID -> 4;
        };
    }
}
