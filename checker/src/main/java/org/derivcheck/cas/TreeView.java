package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.derivcheck.math.Tree;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IBuiltInSymbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/** Converts a resolved Symja expression into a {@link Tree}; empty when it holds something with no plain form. */
final class TreeView {
    /** Symja's heads by their lower-case names (Symja's own names may be folded to lower case). */
    private static final java.util.Map<String, String> BUILT_INS = new java.util.HashMap<>();

    static {
        for (String n : new String[] {"Plus", "Times", "Power", "Log", "Exp", "Sqrt", "D", "Sum", "Product", "List",
                "Sin", "Cos", "Tan", "Sinh", "Cosh", "Tanh", "ArcTan", "Erf", "Gamma", "LogGamma", "PolyGamma", "Beta",
                "Binomial", "Factorial", "Pochhammer", "Abs", "Max", "Min", "Pi", "E", "EulerGamma"}) {
            BUILT_INS.put(n.toLowerCase(java.util.Locale.ROOT), n);
        }
    }

    private final Scope table;

    private TreeView(Scope table) {
        this.table = table;
    }

    static Optional<Tree> of(IExpr e, Scope table) {
        try {
            return Optional.of(new TreeView(table).tree(e));
        } catch (IllegalArgumentException x) {
            return Optional.empty();
        }
    }

    private Tree tree(IExpr e) {
        if (e.isRational()) {
            IRational r = (IRational) e;
            return new Tree.Num(r.toBigNumerator(), r.toBigDenominator());
        }
        if (e instanceof ISymbol s) {
            return symbol(s);
        }
        if (!e.isAST()) {
            throw new IllegalArgumentException("no plain form: " + e);
        }
        IAST a = (IAST) e;
        IExpr h = a.head();
        List<Tree> args = new ArrayList<>();
        for (IExpr x : a) {
            args.add(tree(x));
        }
        if (table.isDensityHead(h)) {
            args.add(0, symbol((ISymbol) h));
            return new Tree.Call("@Density", args);
        }
        if (h instanceof ISymbol hs && table.nameOf(hs) != null && table.declared(table.nameOf(hs)).isPresent()) {
            args.add(0, symbol(hs));
            return new Tree.Call("@Indexed", args);
        }
        if (h == Ops.EXPECTATION || h == Ops.DIST || h == Ops.ABSTRACT || h == Ops.FSUM || h == Ops.IID || h == Ops.FD) {
            String name = h == Ops.EXPECTATION ? "@Expectation" : h == Ops.DIST ? "@Distributed" : h == Ops.ABSTRACT
                    ? "@Abstract" : h == Ops.FSUM ? "@FiniteSum" : h == Ops.IID ? "@Iid" : "@EntryDerivative";
            return new Tree.Call(name, args);
        }
        if (h instanceof IBuiltInSymbol b) {
            String name = BUILT_INS.get(b.getSymbolName().toLowerCase(java.util.Locale.ROOT));
            if (name == null) {
                throw new IllegalArgumentException("no plain form: " + b);
            }
            return new Tree.Call(name, args);
        }
        // a family of a closed-form expectation, or another operator of derivcheck's: no plain form here
        throw new IllegalArgumentException("no plain form: " + h);
    }

    private Tree symbol(ISymbol s) {
        if (s == S.Pi || s == S.E || s == S.EulerGamma) {
            return new Tree.Sym(s == S.Pi ? "Pi" : s == S.E ? "E" : "EulerGamma", Tree.Kind.CONSTANT);
        }
        if (s instanceof IBuiltInSymbol b) {
            throw new IllegalArgumentException("no plain form: " + b);
        }
        String n = table.nameOf(s);
        if (n == null) {
            throw new IllegalArgumentException("unnamed symbol " + s);
        }
        if (table.isDensityHead(s)) {
            boolean normalized = table.density(n).map(Scope.Density::normalized).orElse(false);
            return new Tree.Sym(n, normalized ? Tree.Kind.DENSITY : Tree.Kind.FUNCTION);
        }
        var d = table.declared(n);
        if (d.isPresent() && table.symbol(n).orElse(null) == s) {
            Scope.Declared x = d.get();
            Tree.Kind k = x.finite() ? (x.indexed() ? Tree.Kind.FINITE_INDEXED : Tree.Kind.FINITE)
                    : x.indexed() ? Tree.Kind.DATA : x.positive() ? Tree.Kind.POSITIVE : Tree.Kind.REAL;
            return new Tree.Sym(n, k);
        }
        return new Tree.Sym(n, Tree.Kind.INDEX);
    }
}
