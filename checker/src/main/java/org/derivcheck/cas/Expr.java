package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.derivcheck.math.Tree;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * An immutable expression handle. Scalars, vectors ({a, b}) and matrices ({{a, b}, {c, d}}) are all
 * expressions; {@link #shape()} tells which. Printing uses the derivation's own names.
 */
public final class Expr {
    final IExpr ast;
    final Scope table;

    Expr(IExpr ast, Scope table) {
        this.ast = ast;
        this.table = table;
    }

    /** [] for a scalar, [n] for a vector, [n, m] for a matrix. */
    public int[] shape() {
        if (!ast.isList()) {
            return new int[0];
        }
        int n = ast.argSize();
        if (n > 0 && ast.first().isList()) {
            int m = ast.first().argSize();
            for (IExpr row : (IAST) ast) {
                if (!row.isList() || row.argSize() != m) {
                    return new int[] {n};
                }
            }
            return new int[] {n, m};
        }
        return new int[] {n};
    }

    public boolean isScalar() {
        return !ast.isList();
    }

    /** The i-th element (0-based) of a vector or the i-th row of a matrix. */
    public Expr part(int i) {
        return new Expr(ast.getAt(i + 1), table);
    }

    /** Number of elements of a list (0 for a scalar). */
    public int length() {
        return ast.isList() ? ast.argSize() : 0;
    }

    /** All scalar entries with their positions, in row-major order. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        collect(ast, new ArrayList<>(), out);
        return out;
    }

    /** One scalar entry of a vector or matrix; index is 0-based, empty for a scalar. */
    public record Entry(List<Integer> index, Expr value) {
        /** 1-based, as a student reads it: "component 3" or "entry (1, 2)". */
        public String label() {
            if (index.isEmpty()) {
                return "";
            }
            if (index.size() == 1) {
                return "component " + (index.get(0) + 1);
            }
            List<String> s = new ArrayList<>();
            for (int i : index) {
                s.add(String.valueOf(i + 1));
            }
            return "entry (" + String.join(", ", s) + ")";
        }
    }

    private void collect(IExpr e, List<Integer> idx, List<Entry> out) {
        if (e.isList()) {
            for (int i = 1; i <= e.argSize(); i++) {
                idx.add(i - 1);
                collect(e.getAt(i), idx, out);
                idx.remove(idx.size() - 1);
            }
        } else {
            out.add(new Entry(List.copyOf(idx), new Expr(e, table)));
        }
    }

    /** The additive terms of a scalar as written (one term when it is not a sum). */
    public List<Expr> terms() {
        List<Expr> out = new ArrayList<>();
        if (ast.isPlus()) {
            for (IExpr t : (IAST) ast) {
                out.add(new Expr(t, table));
            }
        } else {
            out.add(this);
        }
        return out;
    }

    /** The sum of the terms, with those at the given indices negated. */
    public Expr negateTerms(Set<Integer> indices) {
        List<IExpr> ts = new ArrayList<>();
        List<Expr> terms = terms();
        for (int i = 0; i < terms.size(); i++) {
            IExpr t = terms.get(i).ast;
            ts.add(!indices.contains(i) ? t : t.isTimes() && t.first().isMinusOne() && t.argSize() == 2 ? t.second()
                    : F.Times(F.CN1, t));
        }
        return new Expr(F.Plus(ts.toArray(new IExpr[0])), table);
    }

    /** The sum of the terms without the one at index i. */
    public Expr dropTerm(int i) {
        List<IExpr> ts = new ArrayList<>();
        List<Expr> terms = terms();
        for (int k = 0; k < terms.size(); k++) {
            if (k != i) {
                ts.add(terms.get(k).ast);
            }
        }
        return new Expr(ts.isEmpty() ? F.C0 : F.Plus(ts.toArray(new IExpr[0])), table);
    }

    public Expr plus(Expr o) {
        return new Expr(F.Plus(ast, o.ast), table);
    }

    public Expr minus(Expr o) {
        return new Expr(F.Subtract(ast, o.ast), table);
    }

    public Expr times(Expr o) {
        return new Expr(F.Times(ast, o.ast), table);
    }

    public Expr divide(Expr o) {
        return new Expr(F.Divide(ast, o.ast), table);
    }

    /** 1 divided by this expression. */
    public Expr reciprocal() {
        return new Expr(F.Power(ast, F.CN1), table);
    }

    /** True for a literal number (an integer, a fraction or a float). */
    public boolean isNumberLiteral() {
        return ast.isNumber();
    }

    /** True for the literal -1. */
    public boolean isMinusOneLiteral() {
        return ast.isMinusOne();
    }

    /** True for the literal 1. */
    public boolean isOneLiteral() {
        return ast.isOne();
    }

    /** The sum of the terms with the one at index i replaced. */
    public Expr replaceTerm(int i, Expr with) {
        List<IExpr> ts = new ArrayList<>();
        List<Expr> terms = terms();
        for (int k = 0; k < terms.size(); k++) {
            ts.add(k == i ? with.ast : terms.get(k).ast);
        }
        return new Expr(F.Plus(ts.toArray(new IExpr[0])), table);
    }

    /** The numeric coefficient of a product ("3" of 3*t), the number itself for a number; empty otherwise. */
    public java.util.Optional<String> numericCoefficient() {
        if (ast.isNumber()) {
            return java.util.Optional.of(ast.toString());
        }
        if (ast.isTimes() && ast.first().isNumber()) {
            return java.util.Optional.of(ast.first().toString());
        }
        return java.util.Optional.empty();
    }

    public Expr negate() {
        return new Expr(F.Negate(ast), table);
    }

    /** This expression times the rational p/q. */
    public Expr scale(long p, long q) {
        return new Expr(F.Times(F.QQ(p, q), ast), table);
    }

    /** A repair of the kind "wrong function": every call of one function replaced by another. */
    public enum FunctionSwap {
        DIGAMMA_TO_TRIGAMMA("digamma (psi)", "trigamma (psi1)"),
        TRIGAMMA_TO_DIGAMMA("trigamma (psi1)", "digamma (psi)"),
        LOG_TO_LOGGAMMA("log", "log-gamma"),
        LOGGAMMA_TO_LOG("log-gamma", "log"),
        GAMMA_TO_LOGGAMMA("Gamma", "log-gamma"),
        LOGGAMMA_TO_GAMMA("log-gamma", "Gamma"),
        EXP_TO_LOG("exp", "log"),
        LOG_TO_EXP("log", "exp");

        public final String from;
        public final String to;

        FunctionSwap(String from, String to) {
            this.from = from;
            this.to = to;
        }
    }

    /** This expression with the swap applied everywhere; empty when the function does not occur. */
    public java.util.Optional<Expr> swapFunction(FunctionSwap swap) {
        IExpr r = ast.replaceAll(e -> {
            if (!e.isAST()) {
                return F.NIL;
            }
            IExpr h = e.head();
            switch (swap) {
                case DIGAMMA_TO_TRIGAMMA:
                    return h == S.PolyGamma && e.first().isZero() ? F.PolyGamma(F.C1, e.second()) : F.NIL;
                case TRIGAMMA_TO_DIGAMMA:
                    return h == S.PolyGamma && e.first().isOne() ? F.PolyGamma(F.C0, e.second()) : F.NIL;
                case LOG_TO_LOGGAMMA:
                    return h == S.Log && e.argSize() == 1 ? F.LogGamma(e.first()) : F.NIL;
                case LOGGAMMA_TO_LOG:
                    return h == S.LogGamma ? F.Log(e.first()) : F.NIL;
                case GAMMA_TO_LOGGAMMA:
                    return h == S.Gamma && e.argSize() == 1 ? F.LogGamma(e.first()) : F.NIL;
                case LOGGAMMA_TO_GAMMA:
                    return h == S.LogGamma ? F.Gamma(e.first()) : F.NIL;
                case EXP_TO_LOG:
                    return h == S.Exp || (e.isPower() && e.base() == S.E) ? F.Log(e.isPower() ? e.exponent() : e.first()) : F.NIL;
                case LOG_TO_EXP:
                    return h == S.Log && e.argSize() == 1 ? F.Exp(e.first()) : F.NIL;
                default:
                    return F.NIL;
            }
        });
        return r.isPresent() ? java.util.Optional.of(new Expr(r, table)) : java.util.Optional.empty();
    }

    /** Swaps two declared symbols everywhere. */
    public Expr swapSymbols(String a, String b) {
        ISymbol sa = table.symbol(a).orElseThrow();
        ISymbol sb = table.symbol(b).orElseThrow();
        Map<IExpr, IExpr> m = new IdentityHashMap<>();
        m.put(sa, sb);
        m.put(sb, sa);
        return new Expr(Resolver.substitute(ast, m), table);
    }

    /** The arguments of each function call with two arguments swapped, one candidate per call. */
    public List<Expr> swappedArguments() {
        List<Expr> out = new ArrayList<>();
        List<IExpr> calls = new ArrayList<>();
        collectCalls(ast, calls);
        for (IExpr call : calls) {
            IAST c = (IAST) call;
            IAST swapped = F.binaryAST2(c.head(), c.arg2(), c.arg1());
            IExpr r = ast.replaceAll(e -> e == call ? swapped : F.NIL);
            if (r.isPresent()) {
                out.add(new Expr(r, table));
            }
        }
        return out;
    }

    private void collectCalls(IExpr e, List<IExpr> out) {
        if (!e.isAST()) {
            return;
        }
        IAST a = (IAST) e;
        boolean swappable = a.head() == S.Beta || a.head() == S.Binomial || a.head() == S.Pochhammer
                || a.head() == S.Log || a.head() == S.Max || a.head() == S.Min || table.isDensityHead(a.head());
        if (a.argSize() == 2 && swappable && !a.arg1().equals(a.arg2())) {
            out.add(a);
        }
        if (a.isPower() && !a.exponent().isNumber()) {
            out.add(a);
        }
        for (IExpr x : a) {
            collectCalls(x, out);
        }
    }

    /**
     * Local changes of this side's sub-terms, for diagnoses ({@link SubTerms}): each replaces one sub-term and gives
     * the whole side after the change; nothing here decides whether a change repairs anything. Smaller sub-terms first.
     */
    public Edits edits() {
        return new SubTerms(this);
    }

    /** The local changes of one side (see {@link #edits()}). */
    public interface Edits {
        /** Calls and powers replaced by one of {@code reference} of the same function (base): x^3 where x^2 belongs. */
        List<Edit> fromReference(Expr reference);

        /** One call at a time of a related function: digamma and trigamma, log and log-gamma, exp and log, ... */
        List<Edit> functionSwaps();

        /** For every sum below the top level, each of its terms with the other sign: a(a - 1) for a(a + 1). */
        List<Edit> innerSigns();

        /** Every matrix product with its factors reversed, and each pair of its factors exchanged. */
        List<Edit> factorOrders();

        /** Each expectation exchanged with the log, exp, root or power around or inside it (from: as written). */
        List<Edit> expectationSwaps();
    }

    /** A local change: the sub-term as written, what replaces it, and the whole side after it. */
    public record Edit(Kind kind, Expr from, Expr to, Expr repaired) {
        /** Kinds of local change. */
        public enum Kind {
            /** a power with another exponent */
            EXPONENT,
            /** a function call (or a power of e) with the argument the reference has */
            ARGUMENT,
            /** one call of a function replaced by a related function */
            FUNCTION,
            /** the sign of one term of an inner sum */
            INNER_SIGN,
            /** the factors of a (matrix) product in another order */
            FACTOR_ORDER,
            /** an expectation exchanged with the function around or inside it */
            EXPECTATION_SWAP
        }
    }

    /**
     * The parts a correct result is made of, read off this side as written: the terms of a sum, with a derivative or
     * an expectation of a sum distributed over its terms (D(f + g, x) gives D(f, x), D(g, x)); each still to be reduced.
     */
    public List<Expr> linearParts() {
        return SubTerms.linearParts(this);
    }

    /** Names of the declared symbols this expression mentions. */
    public Set<String> symbols() {
        Set<String> out = new LinkedHashSet<>();
        for (var e : table.symbolMap().entrySet()) {
            if (!ast.isFree(e.getValue(), true)) {
                out.add(e.getKey());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * Names of the declared symbols that occur free: not as the index of a sum or product, nor as the
     * variable of an expectation or a finite sum. A counterexample shows only these.
     */
    public Set<String> freeSymbols() {
        Set<String> out = new LinkedHashSet<>();
        FreeSymbols.free(ast, table, Set.of(), out);
        return Collections.unmodifiableSet(out);
    }

    /** True when it still holds an expectation that was not reduced to a closed form. */
    public boolean hasExpectation() {
        return !ast.isFree(x -> x == Ops.EXPECTATION, true);
    }

    /** True when it speaks of abstract densities or finite variables (decided by finite instances, not the CAS). */
    public boolean isAbstract() {
        return !ast.isFree(x -> x == Ops.FSUM || x == Ops.IID || x == Ops.FD || x == Ops.ABSTRACT
                || table.isDensityHead(x) || (x instanceof ISymbol s && table.nameOf(s) != null
                && table.declared(table.nameOf(s)).map(Scope.Declared::finite).orElse(false)), true);
    }

    /** Declared finite variables that occur free (not summed or integrated over). */
    public Set<String> freeFiniteVariables() {
        Set<String> out = new LinkedHashSet<>();
        FreeSymbols.freeFinite(ast, table, new java.util.HashSet<>(), out);
        return out;
    }

    /** This expression as plain data for the prover; empty when it holds something with no plain form. */
    public java.util.Optional<Tree> tree() {
        return TreeView.of(ast, table);
    }

    /** True for the literal 0. */
    public boolean isZeroLiteral() {
        return ast.isZero();
    }

    /** Size of the expression tree. */
    public long size() {
        return ast.leafCount();
    }

    public String tex() {
        return new Printer(table, true).print(ast);
    }

    @Override
    public String toString() {
        return new Printer(table, false).print(ast);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expr e && e.ast.equals(ast);
    }

    @Override
    public int hashCode() {
        return ast.hashCode();
    }
}
