package org.derivcheck.check;

import java.util.Map;
import java.util.Optional;

/**
 * A point where the two sides differ: the symbol values, the entry (for a vector or matrix), and both
 * sides' values, in double precision and, where the CAS could, re-evaluated at 30 digits; {@code precise}
 * gives both sides in exact or high-precision arithmetic (which then also sets lhs and rhs). For abstract
 * densities, {@code instance} gives the finite tables of the counterexample.
 */
public record Counterexample(Map<String, Double> point, Map<String, double[]> data, String entry, double lhs,
        double rhs, Optional<Double> lhsHighPrecision, Optional<Double> rhsHighPrecision, Optional<String> instance,
        Optional<String> precise) {
    public Counterexample(Map<String, Double> point, Map<String, double[]> data, String entry, double lhs, double rhs,
            Optional<Double> lhsHighPrecision, Optional<Double> rhsHighPrecision, Optional<String> instance) {
        this(point, data, entry, lhs, rhs, lhsHighPrecision, rhsHighPrecision, instance, Optional.empty());
    }

    /** The same point with both sides as computed beyond double precision ({@code how}: "exact", "at 80 digits"). */
    public Counterexample withPrecise(String lhsText, String rhsText, double lhsValue, double rhsValue, String how) {
        return new Counterexample(point, data, entry, lhsValue, rhsValue, Optional.empty(), Optional.empty(), instance,
                Optional.of(how + ": " + lhsText + " vs " + rhsText));
    }

    public Counterexample(Map<String, Double> point, Map<String, double[]> data, String entry, double lhs, double rhs,
            Optional<Double> lhsHighPrecision, Optional<Double> rhsHighPrecision) {
        this(point, data, entry, lhs, rhs, lhsHighPrecision, rhsHighPrecision, Optional.empty());
    }

    /**
     * The same counterexample showing only the symbols and data the relation depends on (its free symbols);
     * a relation between constants shows no point at all.
     */
    public Counterexample over(java.util.Set<String> free) {
        java.util.Map<String, Double> p = new java.util.LinkedHashMap<>();
        point.forEach((k, v) -> {
            if (free.contains(k)) {
                p.put(k, v);
            }
        });
        java.util.Map<String, double[]> d = new java.util.LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (free.contains(k)) {
                d.put(k, v);
            }
        });
        return new Counterexample(p, d, entry, lhs, rhs, lhsHighPrecision, rhsHighPrecision, instance);
    }

    public Counterexample {
        point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
