package org.derivcheck.document;

import java.util.List;
import java.util.Optional;

/**
 * One numbered unit of a document: a display, or one row (or chain of rows) of an align. Results are reported
 * under its number and line ("eq. (14), line 130").
 *
 * @param number     the equation number as the reader sees it ("14", "2.3a"), if it has one
 * @param label      its {@code \label{..}}, if any
 * @param offset     where it starts in the document
 * @param latex      its LaTeX as written (numbers and labels removed), for rendering
 * @param statements what it states, in order
 * @param display    the ordinal of its display
 * @param section    the heading it falls under ("" before the first)
 */
public record Equation(Optional<String> number, Optional<String> label, int offset, String latex, List<Statement> statements,
        int display, String section) {
    public Equation {
        statements = List.copyOf(statements);
    }

    /** "eq. (14)" or, without a number, "display 3". */
    public String name() {
        return number.map(n -> "eq. (" + n + ")").orElse("display " + display);
    }

    /** A piece of LaTeX and the document offset of its first character. */
    public record Part(String text, int offset) {
    }

    /** How a statement relates to the one before it in the same equation. */
    public enum Link {
        /** the first statement, or one set apart by a space ({@code \quad}) */
        ALSO,
        /** after {@code \rightarrow}, {@code \Rightarrow}, {@code \implies}: it follows from the statement before */
        FOLLOWS,
        /** a side condition in words ({@code \text{for } i = 1, \dots, K}), not a claim */
        NOTE
    }

    /** One statement: its parts (the first, then continuation rows that start with a relation). */
    public record Statement(List<Part> parts, Link link) {
        public Statement {
            parts = List.copyOf(parts);
        }

        public int offset() {
            return parts.get(0).offset();
        }

        public String latex() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                sb.append(sb.length() == 0 ? "" : " ").append(p.text().strip());
            }
            return sb.toString();
        }
    }
}
