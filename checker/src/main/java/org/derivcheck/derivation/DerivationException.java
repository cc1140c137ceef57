package org.derivcheck.derivation;

import java.nio.file.Path;

/** A derivation file that cannot be read: names the file, the line and the cause. */
public final class DerivationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;

    public DerivationException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
