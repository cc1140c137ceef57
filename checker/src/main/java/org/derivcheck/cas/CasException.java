package org.derivcheck.cas;

/** The CAS could not finish: a time limit, a size limit, or an internal error. The message says which. */
public final class CasException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the CAS stopped. */
    public enum Kind { TIMEOUT, LIMIT, ERROR }

    private final Kind kind;

    public CasException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
