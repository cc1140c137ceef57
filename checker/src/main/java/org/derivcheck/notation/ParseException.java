package org.derivcheck.notation;

/** An expression that cannot be read: the message says what, {@link #column()} where (1-based). */
public final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int column;

    public ParseException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** 1-based column in the expression text, or 0 when unknown. */
    public int column() {
        return column;
    }
}
