package org.derivcheck.notation;

import java.util.Optional;

/**
 * One expression of a chain and its relation to the expression before it (empty for the first).
 *
 * @param text the expression as written in derivcheck's syntax (for LaTeX: as translated)
 * @param span where it was read; the column is where the link starts in the text it was parsed from
 * @param map  for a link translated from LaTeX, the 0-based LaTeX offset of every character of {@code text};
 *             empty for derivcheck's own syntax
 */
public record Link(Optional<Relation> relation, Syntax expr, String text, Span span, int[] map) {
    /** The 1-based source column of the 1-based column {@code column} of {@link #text()} (LaTeX links only). */
    public int sourceColumn(int column) {
        if (map.length == 0) {
            return 1;
        }
        int i = Math.max(0, Math.min(map.length - 1, column - 1));
        return map[i] + 1;
    }

    /** The relation's symbol, or "" for the first link. */
    public String relationSymbol() {
        return relation.map(Relation::symbol).orElse("");
    }
}
