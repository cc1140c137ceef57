package org.derivcheck.notation;

import java.util.Optional;

/** How a line relates to the one before it. */
public enum Relation {
    EQUAL("="), LESS_EQUAL("<="), LESS("<"), GREATER_EQUAL(">="), GREATER(">");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Optional<Relation> parse(String s) {
        for (Relation r : values()) {
            if (r.symbol.equals(s)) {
                return Optional.of(r);
            }
        }
        return s.equals("==") ? Optional.of(EQUAL) : Optional.empty();
    }
}
