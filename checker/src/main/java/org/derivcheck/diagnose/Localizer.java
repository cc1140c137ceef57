package org.derivcheck.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.derivcheck.cas.Expr;

/**
 * Repairs of one sub-term of the student's side, smallest sub-term first: an exponent or a function's
 * argument taken from the correct result (ψ(α) where ψ(α + β) belongs, x³ where x² belongs), one call of a
 * related function (digamma for trigamma), a sign inside a factor (a(a − 1) for a(a + 1)), the order of a
 * product's factors. Each is kept only if a numeric check says the repaired side makes the step hold.
 */
final class Localizer {
    private final Agreement agreement;
    private final long millis;

    /** @param millis time for all the local repairs of one entry together */
    Localizer(Agreement agreement, long millis) {
        this.agreement = agreement;
        this.millis = millis;
    }

    /** The first checked local repair, most specific (smallest changed sub-term) first. */
    Optional<Diagnosis> firstRepair(String in, String where, Expr lhs, Expr rhs) {
        List<Expr.Edit> edits = new ArrayList<>();
        Expr.Edits local = rhs.edits();
        if (!lhs.isAbstract() && !rhs.isAbstract()) {
            edits.addAll(local.fromReference(lhs));
        }
        edits.addAll(local.functionSwaps());
        edits.addAll(local.innerSigns());
        edits.addAll(local.factorOrders());
        edits.sort((a, b) -> Long.compare(a.from().size(), b.from().size()));
        int tried = 0;
        long end = System.nanoTime() + millis * 1_000_000L;
        for (Expr.Edit e : edits) {
            if (++tried > 80 || System.nanoTime() > end) {
                break;
            }
            if (holds(lhs, e.repaired())) {
                return Optional.of(describe(in, where, e));
            }
        }
        return Optional.empty();
    }

    static Diagnosis describe(String in, String where, Expr.Edit e) {
        String from = Shown.of(e.from());
        String to = Shown.of(e.to());
        String fromText = e.from().toString();
        String toText = e.to().toString();
        return switch (e.kind()) {
            case EXPONENT -> new Diagnosis(Diagnosis.Kind.WRONG_EXPONENT, where, in + "wrong exponent: " + from
                    + " is written where " + to + " belongs", e.repaired().toString());
            case ARGUMENT -> new Diagnosis(Diagnosis.Kind.WRONG_ARGUMENT, where, in + "wrong argument: " + from
                    + " is written where " + to + " belongs", e.repaired().toString());
            case FUNCTION -> new Diagnosis(Diagnosis.Kind.WRONG_FUNCTION, where, in + "wrong function: " + name(fromText)
                    + " is written where " + name(toText) + " belongs: " + from + " should be " + to, e.repaired().toString());
            case INNER_SIGN -> new Diagnosis(Diagnosis.Kind.INNER_SIGN, where, in + "a sign inside " + from
                    + " is wrong: it should be " + to, e.repaired().toString());
            case FACTOR_ORDER -> new Diagnosis(Diagnosis.Kind.FACTOR_ORDER, where, in + "the factors of " + from
                    + " are in the wrong order: it should be " + to, e.repaired().toString());
            case EXPECTATION_SWAP -> new Diagnosis(Diagnosis.Kind.EXPECTATION_SWAPPED, where, in + swapWords(fromText, toText)
                    + ": the right side equals " + to + ", not " + from, e.repaired().toString());
        };
    }

    /** "log E[x] where E[log x] belongs" for a log, likewise for exp, a square root or a power. */
    private static String swapWords(String asked, String computed) {
        boolean inside = asked.startsWith("Expectation(");
        String expectation = inside ? asked : computed;
        String outer = inside ? computed : asked;
        int hat = outer.lastIndexOf(")^");
        if (!expectation.startsWith("Expectation(Log(") && !expectation.startsWith("Expectation(Exp(")
                && !expectation.startsWith("Expectation(Sqrt(") && hat > 0) {
            String k = outer.substring(hat + 2);
            return inside ? "E[x]^" + k + " is computed where E[x^" + k + "] belongs (the expectation and the power are "
                    + "exchanged)" : "E[x^" + k + "] is computed where E[x]^" + k + " belongs (the expectation and the power "
                    + "are exchanged)";
        }
        String fn = expectation.startsWith("Expectation(Log(") ? "log" : expectation.startsWith("Expectation(E^")
                || expectation.startsWith("Expectation(Exp(") ? "exp" : expectation.startsWith("Expectation(Sqrt(")
                ? "sqrt" : "a power of";
        return inside ? fn + " E[x] is computed where E[" + fn + " x] belongs (the expectation and the " + fn
                + " are exchanged)" : "E[" + fn + " x] is computed where " + fn + " E[x] belongs (the expectation and the "
                + fn + " are exchanged)";
    }

    /** The function a call is of, as a student names it. */
    private static String name(String call) {
        if (call.startsWith("psi1(")) {
            return "trigamma (psi1)";
        }
        if (call.startsWith("psi(")) {
            return "digamma (psi)";
        }
        if (call.startsWith("LogGamma(")) {
            return "log-gamma";
        }
        if (call.startsWith("Log(")) {
            return "log";
        }
        if (call.startsWith("Gamma(")) {
            return "Gamma";
        }
        if (call.startsWith("E^") || call.startsWith("Exp(")) {
            return "exp";
        }
        int p = call.indexOf('(');
        return p > 0 ? call.substring(0, p) : call;
    }

    private boolean holds(Expr lhs, Expr candidate) {
        try {
            return agreement.holds(lhs, candidate);
        } catch (RuntimeException e) {
            return false; // a repair that cannot be evaluated repairs nothing
        }
    }
}
