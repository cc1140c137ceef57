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

    /** The same expression with another relation to the one before (a link read alone, placed later in a chain). */
    public Link withRelation(Relation r) {
        return new Link(Optional.of(r), expr, text, span, map);
    }

    /** The same expression as the first of a chain (no relation before it). */
    public Link first() {
        return new Link(Optional.empty(), expr, text, span, map);
    }

    /** The same link shown as {@code shown} (its parsed expression is unchanged). */
    public Link withText(String shown) {
        return new Link(relation, expr, shown, span, map);
    }
}
