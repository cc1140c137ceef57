package org.derivcheck.notation;

/**
 * Where a piece of a chain was read: the file, the 1-based line, and the 1-based column in the text the piece was
 * read from (0 when unknown).
 */
public record Span(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + (column > 0 ? ":" + column : "");
    }
}
