package org.derivcheck.grade;

/**
 * A relation a submission must establish: {@code lhs = rhs} in derivcheck syntax. A chain is <em>about</em>
 * the goal when its first line reads as {@code lhs} (after the rubric's notation) or it carries the
 * goal's id as its label; it <em>reaches</em> the goal when it holds at every step and its final line
 * equals {@code rhs}.
 *
 * @param anyForm true when a final line equal to {@code rhs} in value reaches it (the result's {@code answer: value});
 *                false (the default, {@code answer: form}) when it must be {@code rhs} written out, up to order, numbers
 *                and expanded products
 */
public record Goal(String id, String lhs, String rhs, int line, boolean anyForm) {
    public Goal(String id, String lhs, String rhs, int line) {
        this(id, lhs, rhs, line, false);
    }

    /** The relation as derivcheck text. */
    public String relation() {
        return lhs + " = " + rhs;
    }

    /** Spelling without spaces, for comparing a submission's first line with {@code lhs}. */
    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
