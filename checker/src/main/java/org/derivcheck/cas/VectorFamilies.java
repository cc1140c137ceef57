package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.derivcheck.math.Range;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The families whose variable is a vector or a matrix: Dirichlet, one-hot Categorical, Multinomial,
 * multivariate Normal and Wishart. Their size comes from an explicit parameter list or matrix (a literal
 * or a definition that is one), so K is a concrete number; the variable's components are symbols of their
 * own, written t(1), ..., t(K) (L(i, j) for a matrix, symmetric) or named in a list {t1, ..., tK}.
 * Parameter conventions are those of derivations/README.md.
 */
final class VectorFamilies {
    /** Largest K (vector length, or matrix dimension) accepted. */
    static final int MAX_SIZE = 12;

    private VectorFamilies() {
    }

    /** The shape of the variable: a vector of length n, or a symmetric n x n matrix. */
    record Shape(int n, boolean matrix) {
        int components() {
            return matrix ? n * (n + 1) / 2 : n;
        }
    }

    static void register() {
        List<Range> unit = List.of(Range.UNIT_OPEN);
        Families.addVector(Families.DIRICHLET, "Dirichlet", List.of("Dir"), List.of("{alpha1, ..., alphaK}"), unit, false,
                p -> {
                    List<Families.Req> out = new ArrayList<>();
                    if (p.arg1().isList()) {
                        IAST a = (IAST) p.arg1();
                        for (int i = 1; i <= a.argSize(); i++) {
                            out.add(Families.positive(a.getAt(i), "alpha" + i + " of Dirichlet({alpha1, ..., alphaK})"));
                        }
                    }
                    return out;
                });
        Families.addVector(Families.ONE_HOT, "OneHotCategorical", List.of("OneHot"), List.of("{p1, ..., pK}"),
                List.of(Range.UNIT), true, p -> simplex(p.arg1(), "OneHotCategorical({p1, ..., pK})"));
        Families.addVector(Families.MULTINOMIAL, "Multinomial", List.of("Mult"), List.of("n", "{p1, ..., pK}"),
                List.of(Range.NONNEGATIVE), true, p -> {
                    List<Families.Req> out = new ArrayList<>();
                    out.add(new Families.Req(p.arg1(), false, true, "n of Multinomial(n, {p1, ..., pK})"));
                    out.addAll(simplex(p.arg2(), "Multinomial(n, {p1, ..., pK})"));
                    return out;
                });
        Families.addVector(Families.MV_NORMAL, "MvNormal", List.of("MultivariateNormal", "MVN"), List.of("m", "S"),
                List.of(Range.ALL), false, p -> positiveDefinite(p.arg2(), "the covariance S of MvNormal(m, S)"));
        Families.addVector(Families.WISHART, "Wishart", List.of("Wi"), List.of("nu", "W"), List.of(Range.ALL), false, p -> {
            List<Families.Req> out = new ArrayList<>();
            int d = p.arg2().isList() ? p.arg2().argSize() : 1;
            out.add(Families.positive(F.Subtract(p.arg1(), F.ZZ(d - 1)),
                    "the degrees of freedom of Wishart(nu, W) exceed D - 1 = " + (d - 1) + ", so nu - " + (d - 1)));
            out.addAll(positiveDefinite(p.arg2(), "the scale matrix W of Wishart(nu, W)"));
            return out;
        });
    }

    static boolean isVector(IExpr head) {
        return head == Families.DIRICHLET || head == Families.ONE_HOT || head == Families.MULTINOMIAL
                || head == Families.MV_NORMAL || head == Families.WISHART;
    }

    static String usage(Families.Family f) {
        return switch (f.name()) {
            case "Dirichlet" -> "t ~ Dirichlet({alpha1, ..., alphaK}) (components t(1), ..., t(K))";
            case "OneHotCategorical" -> "z ~ OneHotCategorical({p1, ..., pK}) or {z1, ..., zK} ~ Categorical({p1, ..., pK})";
            case "Multinomial" -> "x ~ Multinomial(n, {p1, ..., pK})";
            case "MvNormal" -> "x ~ MvNormal(m, S) (mean vector m, covariance matrix S)";
            case "Wishart" -> "L ~ Wishart(nu, W) (components L(i, j))";
            default -> f.usage();
        };
    }

    /** The variable's shape from the resolved parameters, or a message saying what is wrong. */
    static Shape shape(IAST fam) throws IllegalArgumentException {
        IExpr h = fam.head();
        String name = Ops.familyName((ISymbol) h);
        if (h == Families.WISHART) {
            int d = squareSize(fam.arg2(), "the scale matrix W of Wishart(nu, W)");
            return new Shape(d, true);
        }
        IExpr list = h == Families.MULTINOMIAL ? fam.arg2() : fam.arg1();
        String what = h == Families.MV_NORMAL ? "the mean m of MvNormal(m, S)" : "the parameter list of " + name;
        if (!list.isList() || list.argSize() < 1 || ((IAST) list).exists((IExpr e) -> e.isList())) {
            throw new IllegalArgumentException(what + " must be an explicit list {.., ..} (K is a number here; "
                    + "a symbolic K is not supported)");
        }
        int k = list.argSize();
        if (k > MAX_SIZE) {
            throw new IllegalArgumentException(what + " has " + k + " entries; at most " + MAX_SIZE + " are supported");
        }
        if (h == Families.MV_NORMAL) {
            int d = squareSize(fam.arg2(), "the covariance S of MvNormal(m, S)");
            if (d != k) {
                throw new IllegalArgumentException("MvNormal(m, S): m has " + k + " entries but S is " + d + " x " + d);
            }
        }
        if (h == Families.DIRICHLET && k < 2 || h == Families.ONE_HOT && k < 2) {
            throw new IllegalArgumentException(what + " needs at least 2 entries");
        }
        return new Shape(k, false);
    }

    private static int squareSize(IExpr m, String what) {
        if (!m.isList() || m.argSize() < 1 || m.argSize() > MAX_SIZE) {
            throw new IllegalArgumentException(what + " must be an explicit square matrix {{..}, {..}} of size at most "
                    + MAX_SIZE);
        }
        int d = m.argSize();
        for (IExpr row : (IAST) m) {
            if (!row.isList() || row.argSize() != d || ((IAST) row).exists((IExpr e) -> e.isList())) {
                throw new IllegalArgumentException(what + " must be a square matrix; a row is not a list of " + d + " entries");
            }
        }
        return d;
    }

    /** The component symbols, in order: t(1..K), or the upper triangle L(i, j), i <= j, row by row. */
    static List<ISymbol> components(String name, Shape shape, Scope table) {
        List<ISymbol> out = new ArrayList<>();
        if (!shape.matrix()) {
            for (int i = 1; i <= shape.n(); i++) {
                out.add(bound(name + "(" + i + ")", name + "_" + i, table));
            }
        } else {
            for (int i = 1; i <= shape.n(); i++) {
                for (int j = i; j <= shape.n(); j++) {
                    out.add(bound(name + "(" + i + ", " + j + ")", name + "_" + i + j, table));
                }
            }
        }
        return out;
    }

    private static ISymbol bound(String shown, String dummy, Scope table) {
        ISymbol s = F.Dummy(dummy);
        if (table != null) {
            table.nameBound(s, shown);
        }
        return s;
    }

    /** The value the variable's name stands for: the list of components, or the symmetric matrix of them. */
    static IExpr value(List<? extends IExpr> comps, Shape shape) {
        if (!shape.matrix()) {
            return F.List(comps.toArray(new IExpr[0]));
        }
        int n = shape.n();
        IASTAppendable rows = F.ListAlloc(n);
        for (int i = 0; i < n; i++) {
            IASTAppendable row = F.ListAlloc(n);
            for (int j = 0; j < n; j++) {
                row.append(comps.get(upper(Math.min(i, j), Math.max(i, j), n)));
            }
            rows.append(row);
        }
        return rows;
    }

    /** Index of entry (i, j), i <= j (0-based), in the upper triangle listed row by row. */
    static int upper(int i, int j, int n) {
        return i * n - i * (i - 1) / 2 + (j - i);
    }

    /** Every entry >= 0 and the entries summing to 1. */
    private static List<Families.Req> simplex(IExpr list, String family) {
        List<Families.Req> out = new ArrayList<>();
        if (!list.isList()) {
            return out;
        }
        IAST ps = (IAST) list;
        for (int i = 1; i <= ps.argSize(); i++) {
            out.add(Families.nonnegative(ps.getAt(i), "probability " + i + " of " + family));
        }
        IExpr sum = total(ps);
        // expanded, so that p q + p (1 - q) + (1 - p) - 1 is seen to be 0
        out.add(Families.nonnegative(F.ExpandAll(F.Subtract(sum, F.C1)), "the probabilities of " + family + " sum to 1, so sum - 1"));
        out.add(Families.nonnegative(F.ExpandAll(F.Subtract(F.C1, sum)), "the probabilities of " + family + " sum to 1, so 1 - sum"));
        return out;
    }

    /** Symmetric (S(i, j) - S(j, i) = 0 where they are written differently) and leading principal minors > 0 (Sylvester). */
    private static List<Families.Req> positiveDefinite(IExpr m, String what) {
        List<Families.Req> out = new ArrayList<>();
        if (!m.isList()) {
            return out;
        }
        IAST s = (IAST) m;
        int n = s.argSize();
        for (int i = 1; i <= n; i++) {
            if (!s.getAt(i).isList() || s.getAt(i).argSize() != n) {
                return out;
            }
        }
        for (int i = 1; i <= n; i++) {
            for (int j = i + 1; j <= n; j++) {
                IExpr a = s.getAt(i).getAt(j);
                IExpr b = s.getAt(j).getAt(i);
                if (!a.equals(b)) {
                    String e = "entries (" + i + ", " + j + ") and (" + j + ", " + i + ") of " + what + " are equal (symmetric)";
                    out.add(Families.nonnegative(F.Subtract(a, b), e + ", so their difference"));
                    out.add(Families.nonnegative(F.Subtract(b, a), e + ", so minus their difference"));
                }
            }
        }
        for (int k = 1; k <= n; k++) {
            IASTAppendable minor = F.ListAlloc(k);
            for (int i = 1; i <= k; i++) {
                IASTAppendable row = F.ListAlloc(k);
                for (int j = 1; j <= k; j++) {
                    row.append(s.getAt(i).getAt(j));
                }
                minor.append(row);
            }
            IExpr det = k == 1 ? s.getAt(1).getAt(1) : F.Det(minor);
            out.add(Families.positive(det, what + " is positive definite, so its leading " + k + " x " + k + " minor"));
        }
        return out;
    }

    /** The sum of a list's entries. */
    static IExpr total(IAST list) {
        IExpr[] terms = new IExpr[list.argSize()];
        for (int i = 1; i <= list.argSize(); i++) {
            terms[i - 1] = list.getAt(i);
        }
        return F.Plus(terms);
    }

    static Optional<Shape> shapeOf(IAST fam) {
        try {
            return Optional.of(shape(fam));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
