package org.derivcheck.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.derivcheck.cas.NumericFunction.FiniteModel;
import org.derivcheck.cas.Scope;
import org.derivcheck.math.Tree;
import org.derivcheck.notation.Relation;

/**
 * Finite instances decided in decimal arithmetic ({@link PreciseTree}), for what double evaluation cannot
 * hold or resolve:
 * <ul>
 * <li>instances at the logarithmic scale of a claim's constants: a bound such as {@code KL(q, p) < 500} or
 * an entropy below 800 fails only where a cell mass is below e^-500 or a width above e^800, far outside
 * double's range. For each constant c (|c| >= 5) of the claim, L = 1.5c + 2 and L = 3c + 5 give masses e^-L
 * and widths e^(+-L): uniform tables, degenerate ones (one cell near 1, the others e^-L, each density at a
 * different cell, so that q = (1 - e, e) meets p = (e, 1 - e)), and mixtures;</li>
 * <li>double instances whose sides agree to rounding or differ by less than a clear difference (values far
 * below 1, such as a density of 10^-13 against 10^-12): the same tables, converted exactly and renormalized,
 * decide it.</li>
 * </ul>
 * Each side is evaluated at 40 and at 100 digits (more for a claim with tiny constants: 10^-300 adds 300); a
 * violation counts only when it is clear at both (beyond 10^-25 and 10^-85 of the sides) and both agree on it, so
 * that a cancellation below 40 digits cannot refute; an equality only when the sides agree to 85 digits.
 */
final class PreciseInstances {
    static final int DIGITS = 40;
    static final int CHECK_DIGITS = 100;
    /** The most assignments of a claim's free finite variables tried on one instance. */
    private static final int MAX_ASSIGNMENTS = 64;
    /** Instances per logarithmic level. */
    static final int PER_LEVEL = 36;

    enum Result { FAILS, HOLDS, EQUAL, UNDECIDED }

    /** What one instance showed; for FAILS, both sides as text and where. */
    record Decision(Result result, String lhs, String rhs, double lhsValue, double rhsValue, String where) {
        static final Decision UNDECIDED = new Decision(Result.UNDECIDED, "", "", Double.NaN, Double.NaN, "");
    }

    private final Tree lhs;
    private final Tree rhs;
    private final Relation relation;
    private final PreciseTree eval;
    private final List<String> free;

    private PreciseInstances(Tree lhs, Tree rhs, Relation relation, List<Scope.Density> densities, List<String> free) {
        this.lhs = lhs;
        this.rhs = rhs;
        this.relation = relation;
        this.eval = new PreciseTree(densities);
        this.free = free;
    }

    /** For sides given as trees (free: the free finite variables). */
    static PreciseInstances of(Tree lhs, Tree rhs, Relation relation, List<Scope.Density> densities, List<String> free) {
        return new PreciseInstances(lhs, rhs, relation, densities, free);
    }

    /** For a claim whose sides have a plain tree form; empty otherwise. */
    static Optional<PreciseInstances> of(Claim c, List<Scope.Density> densities) {
        Optional<Tree> l = c.lhs().tree();
        Optional<Tree> r = c.rhs().tree();
        if (l.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        java.util.Set<String> free = new java.util.LinkedHashSet<>(c.lhs().freeFiniteVariables());
        free.addAll(c.rhs().freeFiniteVariables());
        return Optional.of(new PreciseInstances(l.get(), r.get(), c.relation(), densities, List.copyOf(free)));
    }

    /**
     * The claim on one instance, at every assignment of its free finite variables (up to 64). Throws
     * {@link PreciseTree.Unsupported} when a side has a construct the decimal evaluation does not take.
     */
    Decision decide(PreciseTree.Model m, Map<String, BigDecimal> scalars) {
        return decide(m, scalars, 0);
    }

    /**
     * As {@link #decide(PreciseTree.Model, Map)} with extra digits at both precisions (a claim with the constant
     * 10^-300 needs 300 more to tell its sides apart).
     */
    Decision decide(PreciseTree.Model m, Map<String, BigDecimal> scalars, int extra) {
        int d1 = DIGITS + extra;
        int d2 = CHECK_DIGITS + extra;
        List<Map<String, Integer>> cells = assignments(m);
        boolean any = false;
        boolean equal = false;
        for (Map<String, Integer> at : cells) {
            BigDecimal l;
            BigDecimal r;
            try {
                l = eval.eval(lhs, m, at, scalars, d1);
                r = eval.eval(rhs, m, at, scalars, d1);
            } catch (PreciseTree.Undefined e) {
                continue;
            }
            BigDecimal v = violation(l, r, new MathContext(d1));
            BigDecimal scale = l.abs().max(r.abs());
            boolean clear = v.signum() > 0 && v.compareTo(scale.scaleByPowerOfTen(15 - d1)) > 0;
            boolean tiny = v.abs().compareTo(scale.scaleByPowerOfTen(15 - d1)) <= 0;
            if (!clear && !tiny) {
                any = true; // holds with a margin
                continue;
            }
            BigDecimal l2;
            BigDecimal r2;
            try {
                l2 = eval.eval(lhs, m, at, scalars, d2);
                r2 = eval.eval(rhs, m, at, scalars, d2);
            } catch (PreciseTree.Undefined e) {
                continue;
            }
            MathContext mc2 = new MathContext(d2);
            BigDecimal v2 = violation(l2, r2, mc2);
            BigDecimal scale2 = l2.abs().max(r2.abs());
            if (clear && v2.signum() > 0 && v2.compareTo(scale2.scaleByPowerOfTen(15 - d2)) > 0
                    && v2.subtract(v, mc2).abs().compareTo(v2.scaleByPowerOfTen(-6)) <= 0) {
                String where = at.isEmpty() ? "" : "at " + String.join(", ", at.entrySet().stream()
                        .map(e -> e.getKey() + " = " + e.getValue()).toList());
                return new Decision(Result.FAILS, text(l2), text(r2), l2.doubleValue(), r2.doubleValue(), where);
            }
            if (v2.abs().compareTo(scale2.scaleByPowerOfTen(15 - d2)) <= 0) {
                any = true;
                equal = true; // the sides agree to 85 digits
            }
            // otherwise the two precisions disagree: this assignment decides nothing
        }
        if (!any) {
            return Decision.UNDECIDED;
        }
        boolean strict = relation == Relation.LESS || relation == Relation.GREATER;
        return new Decision(equal && strict ? Result.EQUAL : Result.HOLDS, "", "", Double.NaN, Double.NaN, "");
    }

    /**
     * Whether, at some assignment of the free finite variables, one side is outside its real domain (a logarithm of a
     * negative number: {@link PreciseTree.Undefined#domain}) while the other has a value: under real semantics a
     * difference (on a random instance, where it is not an isolated point). The text says where; null when not.
     */
    String definedApart(PreciseTree.Model m, Map<String, BigDecimal> scalars) {
        for (Map<String, Integer> at : assignments(m)) {
            String l;
            String r;
            try {
                l = undefinedWhy(lhs, m, at, scalars);
                r = undefinedWhy(rhs, m, at, scalars);
            } catch (PreciseTree.Undefined e) {
                continue; // not robustly outside the domain, or beyond the decimal range: this assignment decides nothing
            }
            if ((l == null) != (r == null)) {
                String where = at.isEmpty() ? "" : " at " + String.join(", ", at.entrySet().stream()
                        .map(e -> e.getKey() + " = " + e.getValue()).toList());
                return (l != null ? "the left side is undefined (" + l : "the right side is undefined (" + r)
                        + ") and the other is defined" + where;
            }
        }
        return null;
    }

    /**
     * Why t is outside its real domain at the assignment, null when it is defined there. Only a robust exit counts: a
     * negative argument (of a logarithm, an even root) that both precisions agree on to 10^-6; an argument that is
     * rounding of an exact 0 (1 - Sum(q(z), z)) changes between them, and a 0 itself (a pole) is not decided here
     * (thrown as not decidable, as is a range).
     */
    private String undefinedWhy(Tree t, PreciseTree.Model m, Map<String, Integer> at, Map<String, BigDecimal> scalars) {
        PreciseTree.Undefined first;
        try {
            eval.eval(t, m, at, scalars, DIGITS);
            return null;
        } catch (PreciseTree.Undefined e) {
            first = e;
        }
        if (!first.domain || first.negative == null) {
            throw first;
        }
        try {
            eval.eval(t, m, at, scalars, CHECK_DIGITS);
        } catch (PreciseTree.Undefined e) {
            if (e.negative != null && e.negative.subtract(first.negative, new MathContext(DIGITS)).abs()
                    .compareTo(e.negative.abs().scaleByPowerOfTen(-6)) <= 0) {
                return e.getMessage() + ", at " + text(e.negative);
            }
        }
        throw first;
    }

    /** lhs - rhs for < and <=, rhs - lhs for > and >=, |lhs - rhs| for = (positive: violated). */
    private BigDecimal violation(BigDecimal l, BigDecimal r, MathContext mc) {
        // (rounded: an exact difference of 1 and e^-10^6 would have a million digits)
        return switch (relation) {
            case EQUAL -> l.subtract(r, mc).abs();
            case LESS_EQUAL, LESS -> l.subtract(r, mc);
            case GREATER_EQUAL, GREATER -> r.subtract(l, mc);
        };
    }

    private List<Map<String, Integer>> assignments(PreciseTree.Model m) {
        List<Map<String, Integer>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (String v : free) {
            List<Map<String, Integer>> next = new ArrayList<>();
            for (Map<String, Integer> a : out) {
                for (int i = 0; i < m.size(v) && next.size() < MAX_ASSIGNMENTS; i++) {
                    Map<String, Integer> b = new LinkedHashMap<>(a);
                    b.put(v, i);
                    next.add(b);
                }
            }
            out = next;
        }
        return out;
    }

    static String text(BigDecimal v) {
        BigDecimal r = v.round(new MathContext(8));
        long exp = (long) r.precision() - r.scale() - 1;
        return Math.abs(exp) < 7 ? r.stripTrailingZeros().toPlainString()
                : r.unscaledValue().signum() == 0 ? "0" : r.toString().replace("E+", "e").replace("E", "e");
    }

    /** A double instance as decimals: tables exactly, each density renormalized to sum 1; empty with softmax tables. */
    static Optional<PreciseTree.Model> of(FiniteModel m, List<Scope.Density> densities, List<String> finite) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Map<String, BigDecimal> widths = new LinkedHashMap<>();
        for (String v : finite) {
            sizes.put(v, m.size(v));
            widths.put(v, new BigDecimal(m.width(v)));
        }
        Map<String, BigDecimal[]> tables = new LinkedHashMap<>();
        MathContext mc = new MathContext(CHECK_DIGITS + 20);
        for (Scope.Density d : densities) {
            double[] t = m.table(d.name());
            if (t == null || !d.params().isEmpty()) {
                return Optional.empty();
            }
            BigDecimal[] b = new BigDecimal[t.length];
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = 0; k < t.length; k++) {
                b[k] = new BigDecimal(t[k]);
                sum = sum.add(b[k]);
            }
            if (d.normalized()) {
                if (sum.signum() <= 0) {
                    return Optional.empty();
                }
                for (int k = 0; k < t.length; k++) {
                    b[k] = b[k].divide(sum, mc);
                }
            }
            tables.put(d.name(), b);
        }
        return Optional.of(new PreciseTree.Model(sizes, widths, tables));
    }

    /**
     * The instances at logarithmic level L: cell masses e^-L, widths e^(+-L), function values +-L, e^-L alone (E f^2
     * below 10^-300) or e^L and e^-L, each
     * finite variable at its least support size.
     */
    static List<PreciseTree.Model> logScaled(double level, List<Scope.Density> densities, Map<String, Integer> least) {
        MathContext mc = new MathContext(CHECK_DIGITS + 20);
        BigDecimal lv = new BigDecimal(level).round(new MathContext(17));
        BigDecimal tiny = PreciseTree.exp(lv.negate(), mc);
        BigDecimal wide = PreciseTree.exp(lv, mc);
        List<PreciseTree.Model> out = new ArrayList<>();
        for (int j = 0; j < PER_LEVEL; j++) {
            int wm = j % 4;
            int tm = j / 4 % 3;
            int fm = j / 12 % 3;
            Map<String, BigDecimal> widths = new LinkedHashMap<>();
            int k0 = 0;
            for (String v : least.keySet()) {
                BigDecimal w = wm == 0 ? BigDecimal.ONE : wm == 1 ? wide : wm == 2 ? tiny : k0 % 2 == 0 ? wide : tiny;
                widths.put(v, w);
                k0++;
            }
            Map<String, BigDecimal[]> tables = new LinkedHashMap<>();
            int dk = 0;
            for (Scope.Density d : densities) {
                int n = 1;
                for (String v : d.variables()) {
                    n *= least.getOrDefault(v, 2);
                }
                BigDecimal[] t = new BigDecimal[n];
                if (!d.normalized()) {
                    for (int i = 0; i < n; i++) {
                        t[i] = fm == 0 ? (i % 2 == 0 ? lv : lv.negate()) : fm == 1 ? tiny : i % 2 == 0 ? wide : tiny;
                    }
                    tables.put(d.name(), t);
                    continue;
                }
                // uniform; degenerate at a cell of its own (densities meet opposite); every other one degenerate
                boolean degenerate = tm == 1 || tm == 2 && dk % 2 == 1;
                int big = tm == 1 ? dk % n : 0;
                BigDecimal sum = BigDecimal.ZERO;
                for (int i = 0; i < n; i++) {
                    t[i] = !degenerate || i == big ? BigDecimal.ONE : tiny;
                    sum = sum.add(t[i], mc);
                }
                for (int i = 0; i < n; i++) {
                    t[i] = t[i].divide(sum, mc);
                }
                tables.put(d.name(), t);
                dk++;
            }
            out.add(new PreciseTree.Model(new LinkedHashMap<>(least), widths, tables));
        }
        return out;
    }

    /**
     * The logarithmic levels of a claim's constants, at most 12: for |c| >= 5, L = 1.5|c| + 2 and 3|c| + 5 (a KL or an
     * entropy beyond c needs masses or widths e^-L); for |c| beyond 10^2 or below 10^-2, L = 1.5 |log c| + 2 and
     * 3 |log c| + 5 as well (a density or an integral beyond c needs masses or widths c^(+-1.5) and c^(+-3), beyond
     * double's range for c = 10^300). Levels beyond 10^8 are dropped.
     */
    static List<Double> levels(java.util.Collection<Double> constants, java.util.Collection<Double> logMagnitudes) {
        java.util.Set<Double> out = new java.util.LinkedHashSet<>();
        List<Double> bases = new ArrayList<>();
        constants.stream().map(Math::abs).filter(a -> a >= 5).forEach(bases::add);
        bases.addAll(logMagnitudes);
        for (double base : bases) {
            if (3 * base + 5 < 1e8 && out.size() < 12) {
                out.add(1.5 * base + 2);
                out.add(3 * base + 5);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The constant of a claim with a logarithm whose level no instance reaches (3|c| + 5 beyond 10^8: KL(q || p) <=
     * 10^10 TV(q, p) fails only with masses near e^(-2 10^10)), or NaN: finite instances cannot confirm such a bound.
     */
    static double beyondReach(Claim c) {
        boolean log = c.lhs().tree().map(PreciseInstances::hasLog).orElse(false)
                || c.rhs().tree().map(PreciseInstances::hasLog).orElse(false);
        if (!log) {
            return Double.NaN;
        }
        for (double v : ClaimScales.magnitudes(c.lhs(), c.rhs())) {
            if (3 * Math.abs(v) + 5 >= 1e8 || Double.isInfinite(v)) {
                return v;
            }
        }
        for (double l : ClaimScales.logMagnitudes(c.lhs(), c.rhs())) {
            if (l > Math.log(1e8)) {
                return Math.exp(Math.min(l, 700));
            }
        }
        return Double.NaN;
    }

    /** Whether a side of the claim has a logarithm. */
    static boolean hasLog(Claim c) {
        return c.lhs().tree().map(PreciseInstances::hasLog).orElse(false) || c.rhs().tree().map(PreciseInstances::hasLog)
                .orElse(false);
    }

    private static boolean hasLog(Tree t) {
        if (t instanceof Tree.Call c) {
            if (c.head().equals("Log")) {
                return true;
            }
            for (Tree a : c.args()) {
                if (hasLog(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A person's reading of a decimal instance. */
    static String describe(PreciseTree.Model m, List<Scope.Density> densities) {
        List<String> parts = new ArrayList<>();
        for (Scope.Density d : densities) {
            BigDecimal[] t = m.tables().get(d.name());
            if (t != null) {
                List<String> s = new ArrayList<>();
                for (BigDecimal x : t) {
                    s.add(text(x.round(new MathContext(4))));
                }
                parts.add(d.name() + "(" + String.join(", ", d.variables()) + ") = [" + String.join(", ", s) + "]"
                        + (d.variables().size() > 1 ? " (flat, first variable outermost)" : ""));
            }
        }
        List<String> ws = new ArrayList<>();
        for (var w : m.widths().entrySet()) {
            if (w.getValue().compareTo(BigDecimal.ONE) != 0) {
                ws.add(w.getKey() + ": " + text(w.getValue().round(new MathContext(4))));
            }
        }
        if (!ws.isEmpty()) {
            parts.add("cell widths " + String.join(", ", ws) + " (tables are cell masses; densities are mass/width)");
        }
        return String.join("; ", parts) + String.format(Locale.ROOT, " (evaluated at %d and %d digits)", DIGITS,
                CHECK_DIGITS);
    }
}
