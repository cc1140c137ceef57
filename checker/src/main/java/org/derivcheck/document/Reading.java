package org.derivcheck.document;

import java.util.List;
import java.util.Optional;

/**
 * What one statement says once its LaTeX is read: a chain of derivcheck expressions with their relations, a
 * definition, a maximization, nothing to check, or a problem at a document offset.
 *
 * @param links       the chain; {@code relation} is "" for the first
 * @param upTo        per link (from the second): the variable a difference may depend on only through an additive
 *                    constant ("" for plain relations), and whether the relation was {@code \propto}
 * @param defines     for a definition: the name given to what it defines, and the LaTeX form that is that name
 * @param maximize    for {@code \log q_k^*(z) = f}: the density q_k and f
 */
record Reading(Kind kind, List<Link> links, List<UpTo> upTo, Optional<Defined> defines, Optional<Maximize> maximize,
        List<String> starred, String message, int offset) {
    Reading {
        links = List.copyOf(links);
        upTo = List.copyOf(upTo);
        starred = List.copyOf(starred);
    }

    enum Kind { CLAIM, DEFINITION, MAXIMIZE, NOT_A_CLAIM, INVALID }

    /** One expression of the chain, its relation to the one before and the document offset of its LaTeX. */
    record Link(String relation, String text, int offset) {
    }

    /** "Equal up to a term constant in {@code variable}"; {@code proportional} for {@code \propto} (a factor). */
    record UpTo(String variable, boolean proportional, String constant) {
        static final UpTo NONE = new UpTo("", false, "");

        boolean plain() {
            return variable.isEmpty() && !proportional && constant.isEmpty();
        }
    }

    record Defined(String name, String form, String latex, List<String> items) {
    }

    record Maximize(String density, String by) {
    }

    static Reading invalid(String message, int offset) {
        return new Reading(Kind.INVALID, List.of(), List.of(), Optional.empty(), Optional.empty(), List.of(), message, offset);
    }

    static Reading notAClaim(String message, int offset) {
        return new Reading(Kind.NOT_A_CLAIM, List.of(), List.of(), Optional.empty(), Optional.empty(), List.of(), message,
                offset);
    }
}
