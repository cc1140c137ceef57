package org.derivcheck.derivation;

import java.util.Locale;
import java.util.Optional;

/** Where a symbol's values lie: what random points are drawn from and what the CAS may assume. */
public enum Domain {
    /** Any real number. */
    REAL,
    /** (0, inf). */
    POSITIVE,
    /** (-inf, 0). */
    NEGATIVE,
    /** [0, inf); points are drawn from (0, inf). */
    NONNEGATIVE,
    /** (0, 1). */
    PROBABILITY,
    /** Whole numbers from min to max (default 1 to 8). */
    INTEGER,
    /** (min, max). */
    INTERVAL,
    /** A variable over a small finite support {0, ..., s-1}; s is chosen by each finite instance (2 to 4). */
    FINITE;

    /** True when every value is positive, so log and power rules for positive reals apply. */
    public boolean positive() {
        return this == POSITIVE || this == PROBABILITY || this == INTEGER;
    }

    public static Optional<Domain> parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "real", "reals", "r" -> Optional.of(REAL);
            case "positive", "pos", "positive real" -> Optional.of(POSITIVE);
            case "negative", "neg", "negative real" -> Optional.of(NEGATIVE);
            case "nonnegative", "non-negative" -> Optional.of(NONNEGATIVE);
            case "probability", "prob", "unit" -> Optional.of(PROBABILITY);
            case "integer", "int", "count", "natural" -> Optional.of(INTEGER);
            case "interval" -> Optional.of(INTERVAL);
            case "finite", "discrete", "variable" -> Optional.of(FINITE);
            default -> Optional.empty();
        };
    }
}
