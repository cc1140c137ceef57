package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.derivcheck.math.Range;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * What must hold for an expression to mean something: a family parameter inside its domain (Normal's
 * variance > 0) or the existence of a moment (E[1/t] under Gamma(a, b) needs a - 1 > 0). The condition
 * is {@code expr > 0} (or {@code >= 0}, or an integer {@code >= 0}); it may mention variables integrated
 * over, with the range of their support. Seen from outside as a {@link Cas.Condition}.
 */
final class Requirement implements Cas.Condition {
    private final Kind kind;
    final IExpr expr;
    private final boolean strict;
    private final boolean integer;
    private final String reason;
    final Map<ISymbol, Range> bound = new IdentityHashMap<>();
    private final Scope table;

    /** The expression that must keep its sign, as plain data (for the magnitudes its constants name). */
    java.util.Optional<org.derivcheck.math.Tree> tree() {
        return TreeView.of(expr, table);
    }

    Requirement(Kind kind, IExpr expr, boolean strict, boolean integer, String reason, Scope table) {
        this.kind = kind;
        this.expr = expr;
        this.strict = strict;
        this.integer = integer;
        this.reason = reason;
        this.table = table;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** The condition as the user would write it, e.g. "a - 1 > 0". */
    @Override
    public String text() {
        String e = new Expr(expr, table).toString();
        return integer ? e + " is a whole number >= 0" : e + (strict ? " > 0" : " >= 0");
    }

    /** Why it is needed, e.g. "E[x^(-1)] under Gamma(a, b) exists only when". */
    @Override
    public String reason() {
        return reason;
    }

    /** The declared symbols the condition mentions. */
    @Override
    public Set<String> symbols() {
        Set<String> out = new java.util.LinkedHashSet<>();
        collect(expr, out);
        return out;
    }

    private void collect(IExpr e, Set<String> out) {
        if (e.isSymbol()) {
            String n = table.nameOf((ISymbol) e);
            if (n != null && table.declared(n).isPresent()) {
                out.add(n);
            }
        } else if (e.isAST()) {
            for (int i = 0; i <= e.argSize(); i++) {
                collect(((org.matheclipse.core.interfaces.IAST) e).get(i), out);
            }
        }
    }

    /** A key that identifies the same condition on both sides of a claim. */
    @Override
    public String key() {
        return kind + ":" + text();
    }

    /**
     * True when the condition holds for every value of the symbols in their ranges (and under the
     * assumptions): by interval arithmetic, directly or on the difference with an assumption.
     */
    boolean provedOn(Map<String, Range> domains, Set<String> integers, List<Assumed> assumptions) {
        Map<ISymbol, Range> r = ranges(domains, assumptions);
        r.putAll(bound);
        EvalEngine engine = SymjaRuntime.engine();
        if (integer && !wholeNumber(expr, integers)) {
            return false;
        }
        if (holds(new Intervals(r).of(expr), strict)) {
            return true;
        }
        for (Assumed a : assumptions) {
            IExpr d;
            boolean strictA;
            switch (a.relation()) {
                case ">", ">=" -> d = F.Subtract(a.lhs().ast, a.rhs().ast);
                case "<", "<=" -> d = F.Subtract(a.rhs().ast, a.lhs().ast);
                default -> {
                    continue;
                }
            }
            strictA = a.relation().length() == 1;
            IExpr diff = engine.evaluate(F.ExpandAll(F.Subtract(expr, d)));
            Range dr = new Intervals(r).of(diff);
            // expr = (lhs - rhs) + diff with lhs - rhs > 0 (>= 0) and diff >= 0 (> 0)
            if (dr.nonnegative() && (!strict || strictA || dr.positive())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the condition fails at a point: true (a witness), false (it holds there) or empty (it could
     * not be evaluated). Integrated variables try values across their support.
     */
    Optional<Boolean> violatedAt(Map<String, Double> point, Map<String, Range> dataRanges) {
        Map<ISymbol, Range> r = new IdentityHashMap<>();
        for (var e : point.entrySet()) {
            table.symbol(e.getKey()).ifPresent(s -> r.put(s, Range.point(e.getValue())));
        }
        for (var e : dataRanges.entrySet()) {
            table.symbol(e.getKey()).ifPresent(s -> r.put(s, e.getValue()));
        }
        List<ISymbol> vars = new ArrayList<>(bound.keySet());
        List<double[]> grids = new ArrayList<>();
        for (ISymbol v : vars) {
            grids.add(grid(bound.get(v)));
        }
        boolean undecided = false;
        int[] idx = new int[vars.size()];
        while (true) {
            for (int i = 0; i < vars.size(); i++) {
                r.put(vars.get(i), Range.point(grids.get(i)[idx[i]]));
            }
            Range v = new Intervals(r).of(expr);
            if (integer) {
                // no whole number >= 0 in the enclosure (a point value, widened by outward rounding at most)
                if (Double.isFinite(v.lo()) && Double.isFinite(v.hi()) && v.hi() - v.lo() <= 1e-6
                        && (v.hi() < 0 || Math.floor(v.hi()) < Math.ceil(v.lo()))) {
                    return Optional.of(true);
                }
            } else if (strict ? v.nonpositive() : v.negative()) {
                return Optional.of(true);
            } else if (!holds(v, strict)) {
                undecided = true;
            }
            int k = vars.size() - 1;
            while (k >= 0 && ++idx[k] == grids.get(k).length) {
                idx[k] = 0;
                k--;
            }
            if (k < 0) {
                break;
            }
        }
        return undecided ? Optional.empty() : Optional.of(false);
    }

    private static boolean holds(Range v, boolean strict) {
        return strict ? v.positive() : v.nonnegative();
    }

    /** Values across a support, near its ends and in between. */
    private static double[] grid(Range s) {
        double[] mags = {1e-9, 1e-4, 0.01, 0.3, 1, 3, 100, 1e6};
        List<Double> out = new ArrayList<>();
        if (Double.isInfinite(s.lo()) && Double.isInfinite(s.hi())) {
            out.add(0.0);
            for (double m : mags) {
                out.add(m);
                out.add(-m);
            }
        } else if (Double.isInfinite(s.hi())) {
            for (double m : mags) {
                out.add(s.lo() + m);
            }
        } else if (Double.isInfinite(s.lo())) {
            for (double m : mags) {
                out.add(s.hi() - m);
            }
        } else {
            double w = s.hi() - s.lo();
            for (double f : new double[] {1e-9, 0.01, 0.25, 0.5, 0.75, 0.99, 1 - 1e-9}) {
                out.add(s.lo() + f * w);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Symbol ranges from the domains, tightened by assumptions of the form 'a > 1' or '0 < a'. */
    private Map<ISymbol, Range> ranges(Map<String, Range> domains, List<Assumed> assumptions) {
        Map<String, Range> byName = new LinkedHashMap<>(domains);
        for (Assumed a : assumptions) {
            IExpr l = a.lhs().ast;
            IExpr rr = a.rhs().ast;
            String rel = a.relation();
            if (!l.isSymbol() && rr.isSymbol()) {
                IExpr t = l;
                l = rr;
                rr = t;
                rel = switch (rel) {
                    case ">" -> "<";
                    case ">=" -> "<=";
                    case "<" -> ">";
                    case "<=" -> ">=";
                    default -> rel;
                };
            }
            if (!l.isSymbol() || !rr.isReal()) {
                continue;
            }
            String name = table.nameOf((ISymbol) l);
            if (name == null || !byName.containsKey(name)) {
                continue;
            }
            double c = rr.evalf();
            Range bound = switch (rel) {
                case ">" -> new Range(c, true, Double.POSITIVE_INFINITY, true);
                case ">=" -> new Range(c, false, Double.POSITIVE_INFINITY, true);
                case "<" -> new Range(Double.NEGATIVE_INFINITY, true, c, true);
                case "<=" -> new Range(Double.NEGATIVE_INFINITY, true, c, false);
                default -> Range.ALL;
            };
            byName.put(name, byName.get(name).meet(bound));
        }
        Map<ISymbol, Range> r = new IdentityHashMap<>();
        for (var e : byName.entrySet()) {
            table.symbol(e.getKey()).ifPresent(s -> r.put(s, e.getValue()));
        }
        return r;
    }

    /** A sum or product of whole-number literals and integer symbols. */
    private boolean wholeNumber(IExpr e, Set<String> integers) {
        if (e.isInteger()) {
            return true;
        }
        if (e.isSymbol()) {
            String n = table.nameOf((ISymbol) e);
            return n != null && integers.contains(n);
        }
        if (e.isPlus() || e.isTimes()) {
            for (IExpr x : (org.matheclipse.core.interfaces.IAST) e) {
                if (!wholeNumber(x, integers)) {
                    return false;
                }
            }
            return true;
        }
        if (e.isPower() && e.exponent().isInteger() && e.exponent().toIntDefault() >= 0) {
            return wholeNumber(e.base(), integers);
        }
        return false;
    }
}
