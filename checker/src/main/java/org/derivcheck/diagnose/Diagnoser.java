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
 * Finds what is wrong with a refuted scalar relation by trying repairs of the student's side, the most
 * specific first, and keeping the first one that makes the relation hold: whole sign, constant or symbolic
 * factor, one term off by a constant factor (a wrong coefficient), the signs of up to three terms, an extra
 * term, then local changes of one sub-term ({@link Localizer}: an exponent, a function's argument, one
 * function call, a sign inside a factor), one term off by a symbolic factor, a wrong function everywhere,
 * swapped arguments or symbols, and last a missing term, offered only when it is a term of the correct
 * result (never the difference of the sides). Nothing is said that was not checked.
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
        long end = System.nanoTime() + millis * 1_000_000L;
        try {
            if (holds(lhs, rhs.negate())) {
                return Optional.of(new Diagnosis(Diagnosis.Kind.SIGN_FLIPPED, where,
                        in + "the sign is flipped: the negative of the right side" + (rhs.isAbstract() ? "" : ", "
                                + Shown.of(rhs.negate()) + ",") + " makes the step hold",
                        rhs.negate().toString()));
            }
            Optional<Diagnosis> factor = wholeFactor(in, where, lhs, rhs, factorCandidates, true);
            if (factor.isPresent()) {
                return factor;
            }
            List<Expr> terms = rhs.terms();
            Optional<Diagnosis> local = termFactor(in, where, lhs, rhs, terms, true);
            if (local.isPresent()) {
                return local;
            }
            if (terms.size() > 1 && terms.size() <= MAX_TERMS_FOR_SUBSETS) {
                for (Set<Integer> subset : subsets(terms.size(), Math.min(MAX_SUBSET, terms.size() - 1))) {
                    Expr repaired = rhs.negateTerms(subset);
                    if (holds(lhs, repaired)) {
                        List<String> names = new ArrayList<>();
                        for (int i : subset) {
                            names.add("'" + Shown.of(terms.get(i)) + "' (term " + (i + 1) + ")");
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
                                in + "term " + (i + 1) + ", '" + Shown.of(terms.get(i)) + "', should not be there: without it the "
                                        + "step holds", repaired.toString()));
                    }
                }
            }
            local = new Localizer(agreement, millis).firstRepair(in, where, lhs, rhs);
            if (local.isPresent()) {
                return local;
            }
            local = wholeFactor(in, where, lhs, rhs, factorCandidates, false);
            if (local.isPresent()) {
                return local;
            }
            local = termFactor(in, where, lhs, rhs, terms, false);
            if (local.isPresent()) {
                return local;
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
                            in + "arguments swapped: " + Shown.of(repaired) + " makes the step hold", repaired.toString()));
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
            if (rhs.isZeroLiteral()) {
                Expr value = cas.simplify(lhs, millis);
                if (value.size() <= MAX_MISSING_TERM_SIZE && !value.hasExpectation()) {
                    return Optional.of(new Diagnosis(Diagnosis.Kind.MISSING_TERM, where, in + "the left side is " + Shown.of(value)
                            + ", not 0", value.toString()));
                }
                return Optional.empty();
            }
            // a missing term is offered only when it is a term (or two) of the correct result, never the difference
            List<Expr> parts = cas.expandedTerms(lhs, millis);
            if (parts.size() <= 24) {
                for (int i = 0; i < parts.size() && System.nanoTime() < end; i++) {
                    for (int j = i; j < parts.size(); j++) {
                        // pairs of terms for a short result; for a long one only pairs of constants (-log(2 pi)/2)
                        if (j > i && parts.size() > 8 && !(parts.get(i).symbols().isEmpty()
                                && parts.get(j).symbols().isEmpty())) {
                            continue;
                        }
                        Expr missing = i == j ? parts.get(i) : parts.get(i).plus(parts.get(j));
                        if (missing.size() <= 2 * MAX_MISSING_TERM_SIZE && holds(lhs, rhs.plus(missing))) {
                            Expr shown = i == j ? missing : cas.simplify(missing, millis);
                            return Optional.of(new Diagnosis(Diagnosis.Kind.MISSING_TERM, where, in + "a term is missing: "
                                    + Shown.of(shown) + ", a term of the correct result; adding it to the right side makes the step "
                                    + "hold", rhs.plus(missing).toString()));
                        }
                    }
                }
            }
        } catch (CasException e) {
            return Optional.of(undiagnosed(where));
        }
        // when the time ran out, not every repair was checked: say so rather than "no local change"
        return System.nanoTime() > end ? Optional.of(undiagnosed(where)) : Optional.empty();
    }

    /** Said when the diagnoser's time ran out before every repair was checked. */
    static Diagnosis undiagnosed(String where) {
        return new Diagnosis(Diagnosis.Kind.UNDIAGNOSED, where, (where.isEmpty() ? "" : where + ": ")
                + "not diagnosed: the time for diagnosing ran out before every repair was checked", "");
    }

    /** The whole side off by a factor: the constant candidates, or (after the local repairs) the symbolic ones. */
    private Optional<Diagnosis> wholeFactor(String in, String where, Expr lhs, Expr rhs, List<Factor> candidates,
            boolean constant) {
        for (Factor f : candidates) {
            if (f.multiplier().isNumberLiteral() != constant) {
                continue;
            }
            Expr repaired = rhs.times(f.multiplier());
            if (holds(lhs, repaired)) {
                return Optional.of(new Diagnosis(Diagnosis.Kind.CONSTANT_FACTOR, where,
                        in + "off by a factor " + f.describe() + ": the right side times " + Shown.of(f.multiplier())
                                + " makes the step hold", repaired.toString()));
            }
        }
        return Optional.empty();
    }

    /**
     * One term of the student's side off by a factor: c with lhs = rhs - t + c t. The factor is read from the
     * simplified ratio (lhs - rhs + t)/t; {@code constant} asks for a number (a wrong coefficient or factor),
     * otherwise a short symbolic factor. Checked numerically like every repair.
     */
    private Optional<Diagnosis> termFactor(String in, String where, Expr lhs, Expr rhs, List<Expr> terms,
            boolean constant) throws CasException {
        if (terms.size() < 2 || terms.size() > 6 || lhs.isAbstract() || rhs.isAbstract()) {
            return Optional.empty();
        }
        for (int i = 0; i < terms.size(); i++) {
            Expr t = terms.get(i);
            Expr c = cas.simplify(lhs.minus(rhs).plus(t).divide(t), millis);
            boolean number = c.isNumberLiteral();
            if (number != constant || c.isZeroLiteral() || c.isOneLiteral() || c.isMinusOneLiteral() || c.size() > 7
                    || c.hasExpectation()) {
                continue;
            }
            Expr fixed = cas.simplify(t.times(c), millis);
            Expr repaired = rhs.replaceTerm(i, fixed);
            if (!holds(lhs, repaired)) {
                continue;
            }
            String coefficient = t.numericCoefficient().orElse("");
            String fixedCoefficient = fixed.numericCoefficient().orElse("");
            String msg;
            if (number && !coefficient.isEmpty() && !fixedCoefficient.isEmpty() && coefficient.matches("-?\\d+")
                    && fixedCoefficient.matches("-?\\d+")) {
                msg = "term " + (i + 1) + " has the wrong coefficient: it should be " + Shown.of(fixed) + ", not " + Shown.of(t);
            } else {
                Expr off = cas.simplify(c.reciprocal(), millis);
                msg = "term " + (i + 1) + " is off by a factor " + Shown.of(off) + ": it should be " + Shown.of(fixed) + ", not " + Shown.of(t);
            }
            return Optional.of(new Diagnosis(Diagnosis.Kind.TERM_FACTOR, where, in + msg, repaired.toString()));
        }
        return Optional.empty();
    }

    /**
     * Repairs of a whole relation as written, tried before its entries: an expectation exchanged with a
     * function on the left side (the student computed log E[x] for E[log x]) or factors of a matrix product in
     * the wrong order on the right side ((AB)^T written A^T B^T). Every entry must hold after the repair.
     *
     * @param lhsEntries the reference side, reduced, entry by entry
     * @param rhsEntries the student's side, reduced, entry by entry
     */
    public Optional<Diagnosis> diagnoseWhole(Expr lhsWritten, Expr rhsWritten, List<Expr> lhsEntries,
            List<Expr> rhsEntries) {
        try {
            if (!lhsWritten.isAbstract()) {
                for (Expr.Edit e : lhsWritten.edits().expectationSwaps()) {
                    List<Expr> swapped = entries(cas.reduce(e.repaired(), millis));
                    if (allHold(swapped, rhsEntries)) {
                        // the student's side is the other reading of the left side: say it the student's way round
                        return Optional.of(Localizer.describe("", "", e));
                    }
                }
            }
            // no matrix product as written, no change of factor order
            for (Expr.Edit e : rhsWritten.edits().factorOrders()) {
                if (allHold(lhsEntries, entries(cas.reduce(e.repaired(), millis)))) {
                    return Optional.of(Localizer.describe("", "", e));
                }
            }
        } catch (RuntimeException e) { // a CasException too
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * A part of the left side as written (a term of it, or the derivative or expectation of one) that the
     * student left out: the right side plus that part holds. For a scalar relation, when no other repair did.
     */
    public Optional<Diagnosis> missingPart(Expr lhsWritten, Expr lhs, Expr rhs) {
        try {
            List<Expr> parts = lhsWritten.linearParts();
            if (parts.size() < 2 || parts.size() > 24 || !lhs.isScalar() || !rhs.isScalar()) {
                return Optional.empty();
            }
            for (Expr part : parts) {
                Expr value = part.isAbstract() ? part : cas.reduce(part, millis);
                if (!value.isScalar() || value.hasExpectation()) {
                    continue;
                }
                if (holds(lhs, rhs.plus(value))) {
                    Expr shown = value.isAbstract() ? value : cas.simplify(value, millis);
                    return Optional.of(new Diagnosis(Diagnosis.Kind.MISSING_TERM, "", "a term is missing: " + Shown.of(shown)
                            + " (from " + Shown.of(part) + " on the left side); adding it to the right side makes the step hold",
                            rhs.plus(value).toString()));
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // a CasException too: no repair was checked
        }
        return Optional.empty();
    }

    private static List<Expr> entries(Expr e) {
        List<Expr> out = new ArrayList<>();
        for (Expr.Entry x : e.entries()) {
            out.add(x.value());
        }
        return out;
    }

    private boolean allHold(List<Expr> l, List<Expr> r) {
        if (l.size() != r.size()) {
            return false;
        }
        for (int i = 0; i < l.size(); i++) {
            if (!holds(l.get(i), r.get(i))) {
                return false;
            }
        }
        return !l.isEmpty();
    }

    /** Said when no checked local repair makes the relation hold. */
    public static Diagnosis noLocalRepair(String where) {
        return new Diagnosis(Diagnosis.Kind.NO_LOCAL_REPAIR, where, (where.isEmpty() ? "" : where + ": ")
                + NO_LOCAL_REPAIR, "");
    }

    /** The sentence of {@link #noLocalRepair}. */
    public static final String NO_LOCAL_REPAIR = "no single local change of the right side (its sign, a factor or "
            + "coefficient, a term's sign, an exponent, a function or its argument, a term missing or too many) makes "
            + "the step hold";

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
