package org.derivcheck.diagnose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Expr;

/**
 * Finds what is wrong with a refuted scalar relation by trying repairs of the student's side, cheapest
 * first, and keeping the first one that makes the relation hold: whole sign, constant or symbolic factor,
 * the signs of up to three terms, an extra term, a wrong function, swapped arguments or symbols, and last
 * a missing term (offered only when it is short). Nothing is said that was not checked.
 */
public final class Diagnoser {
    private static final int MAX_TERMS_FOR_SUBSETS = 10;
    private static final int MAX_SUBSET = 3;
    private static final long MAX_MISSING_TERM_SIZE = 14;
    private final Cas cas;
    private final Agreement agreement;
    private final long millis;

    public Diagnoser(Cas cas, Agreement agreement, long millis) {
        this.cas = cas;
        this.agreement = agreement;
        this.millis = millis;
    }

    /**
     * @param where  the entry label, "" for a scalar
     * @param lhs    the reference side (reduced)
     * @param rhs    the student's side as written (definitions substituted, not simplified)
     * @param factorCandidates multipliers to try (constants and symbol powers found from lhs/rhs ratios)
     */
    public Optional<Diagnosis> diagnose(String where, Expr lhs, Expr rhs, List<Factor> factorCandidates) {
        String in = where.isEmpty() ? "" : where + ": ";
        try {
            if (holds(lhs, rhs.negate())) {
                return Optional.of(new Diagnosis(Diagnosis.Kind.SIGN_FLIPPED, where,
                        in + "the sign is flipped: the negative of the right side, " + rhs.negate() + ", makes the step hold",
                        rhs.negate().toString()));
            }
            for (Factor f : factorCandidates) {
                Expr repaired = rhs.times(f.multiplier());
                if (holds(lhs, repaired)) {
                    return Optional.of(new Diagnosis(Diagnosis.Kind.CONSTANT_FACTOR, where,
                            in + "off by a factor " + f.describe() + ": the right side times " + f.multiplier()
                                    + " makes the step hold", repaired.toString()));
                }
            }
            List<Expr> terms = rhs.terms();
            if (terms.size() > 1 && terms.size() <= MAX_TERMS_FOR_SUBSETS) {
                for (Set<Integer> subset : subsets(terms.size(), Math.min(MAX_SUBSET, terms.size() - 1))) {
                    Expr repaired = rhs.negateTerms(subset);
                    if (holds(lhs, repaired)) {
                        List<String> names = new ArrayList<>();
                        for (int i : subset) {
                            names.add("'" + terms.get(i) + "' (term " + (i + 1) + ")");
                        }
                        String msg = subset.size() == 1 ? "the sign of term " + names.get(0) + " is flipped"
                                : "the signs of terms " + String.join(" and ", names) + " are flipped";
                        return Optional.of(new Diagnosis(Diagnosis.Kind.TERM_SIGN_FLIPPED, where,
                                in + msg + ": flipping " + (subset.size() == 1 ? "it" : "them") + " makes the step hold",
                                repaired.toString()));
                    }
                }
                for (int i = 0; i < terms.size(); i++) {
                    Expr repaired = rhs.dropTerm(i);
                    if (holds(lhs, repaired)) {
                        return Optional.of(new Diagnosis(Diagnosis.Kind.EXTRA_TERM, where,
                                in + "term " + (i + 1) + ", '" + terms.get(i) + "', should not be there: without it the "
                                        + "step holds", repaired.toString()));
                    }
                }
            }
            for (Expr.FunctionSwap swap : Expr.FunctionSwap.values()) {
                Optional<Expr> repaired = rhs.swapFunction(swap);
                if (repaired.isPresent() && holds(lhs, repaired.get())) {
                    return Optional.of(new Diagnosis(Diagnosis.Kind.WRONG_FUNCTION, where,
                            in + "wrong function: " + swap.from + " is written where " + swap.to + " belongs",
                            repaired.get().toString()));
                }
            }
            for (Expr repaired : rhs.swappedArguments()) {
                if (holds(lhs, repaired)) {
                    return Optional.of(new Diagnosis(Diagnosis.Kind.SWAPPED_ARGUMENTS, where,
                            in + "arguments swapped: " + repaired + " makes the step hold", repaired.toString()));
                }
            }
            List<String> syms = new ArrayList<>(rhs.symbols());
            for (int i = 0; i < syms.size(); i++) {
                for (int j = i + 1; j < syms.size(); j++) {
                    Expr repaired = rhs.swapSymbols(syms.get(i), syms.get(j));
                    if (holds(lhs, repaired)) {
                        return Optional.of(new Diagnosis(Diagnosis.Kind.SWAPPED_ARGUMENTS, where,
                                in + syms.get(i) + " and " + syms.get(j) + " are swapped", repaired.toString()));
                    }
                }
            }
            if (lhs.isAbstract() || rhs.isAbstract()) {
                return Optional.empty(); // abstract expressions never go to the CAS
            }
            Expr missing = cas.simplify(lhs.minus(rhs), millis);
            if (missing.size() <= MAX_MISSING_TERM_SIZE && missing.terms().size() <= 2 && !missing.hasExpectation()
                    && holds(lhs, rhs.plus(missing))) {
                String msg = rhs.isZeroLiteral() ? "the left side is " + missing + ", not 0"
                        : "a term is missing: adding " + missing + " to the right side makes the step hold";
                return Optional.of(new Diagnosis(Diagnosis.Kind.MISSING_TERM, where, in + msg,
                        rhs.plus(missing).toString()));
            }
        } catch (CasException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private boolean holds(Expr lhs, Expr candidate) {
        try {
            return agreement.holds(lhs, candidate);
        } catch (RuntimeException e) {
            return false; // a repair that cannot be evaluated repairs nothing
        }
    }

    /** A multiplier to try: a constant or a symbol power, found from the ratios at the sampled points. */
    public record Factor(Expr multiplier, String describe) {
    }

    /** Non-empty subsets of {0..n-1} of size at most k, smallest first. */
    static List<Set<Integer>> subsets(int n, int k) {
        List<Set<Integer>> out = new ArrayList<>();
        for (int size = 1; size <= k; size++) {
            collect(n, size, 0, new ArrayList<>(), out);
        }
        return out;
    }

    private static void collect(int n, int size, int from, List<Integer> cur, List<Set<Integer>> out) {
        if (cur.size() == size) {
            out.add(new HashSet<>(cur));
            return;
        }
        for (int i = from; i < n; i++) {
            cur.add(i);
            collect(n, size, i + 1, cur, out);
            cur.remove(cur.size() - 1);
        }
    }
}
