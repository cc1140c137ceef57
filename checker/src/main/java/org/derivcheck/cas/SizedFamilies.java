package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.Syntax;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Vector families whose dimension is a symbol K: {@code t ~ Dirichlet(alpha, K)}, {@code z ~ OneHotCategorical(p, K)}
 * (also {@code Categorical(p, K)}) and {@code x ~ Multinomial(n, p, K)}, the vector parameter indexed data alpha(k)
 * or a function of one argument defined under {@code define:}. The variable's components t(k) are t's head applied
 * to the index. The family is SIZED(head, K, params...), its vector parameter ENTRY(i, entry(i)).
 * <p>
 * Such a claim is decided by {@link #instantiate exact instances} at concrete K (each an ordinary vector family, see
 * VectorFamilies) and, for a proof, by the closed forms of {@link SizedMoments} with the sums over 1..K kept symbolic.
 */
final class SizedFamilies {
    /** SIZED(familyHead, K, param...): a vector family of symbolic dimension K. */
    static final ISymbol SIZED = F.Dummy("SizedFamily");
    /** ENTRY(i, body): the vector whose i-th entry is body. */
    static final ISymbol ENTRY = F.Dummy("Entries");

    private SizedFamilies() {
    }

    static boolean takesSize(Families.Family f) {
        IExpr h = f.head();
        return h == Families.DIRICHLET || h == Families.ONE_HOT || h == Families.CATEGORICAL || h == Families.MULTINOMIAL;
    }

    /** Which argument of the family is the vector of K entries. */
    static int vectorArgument(IExpr head) {
        return head == Families.MULTINOMIAL ? 1 : 0;
    }

    /**
     * The vector parameter written as a name: indexed data alpha (entry alpha(i)) or a function alpha(k) of one
     * argument. Null when the syntax is neither.
     */
    static IExpr entries(Resolver r, Syntax s) {
        if (!(s instanceof Syntax.Name n)) {
            return null;
        }
        ISymbol i = F.Dummy("i");
        var sym = r.table.symbol(n.name());
        if (sym.isPresent() && r.table.declared(n.name()).map(Scope.Declared::indexed).orElse(false)) {
            return F.binaryAST2(ENTRY, i, F.unaryAST1(sym.get(), i));
        }
        var def = r.table.definition(n.name());
        if (def.isPresent() && def.get().params().size() == 1) {
            return F.binaryAST2(ENTRY, i, Resolver.substitute(def.get().body(), Map.of(def.get().params().get(0), i)));
        }
        return null;
    }

    /** The j-th entry of ENTRY(i, body). */
    static IExpr entry(IExpr entries, IExpr j) {
        return Resolver.substitute(entries.getAt(2), Map.of(entries.first(), j));
    }

    static String usage(IExpr head) {
        return head == Families.MULTINOMIAL ? "x ~ Multinomial(n, p, K)"
                : head == Families.DIRICHLET ? "t ~ Dirichlet(alpha, K)" : "z ~ OneHotCategorical(p, K)";
    }

    /** The spec t ~ F(..., K) with a symbolic K: one variable whose components are t(k). */
    static Resolver.Spec spec(Resolver r, List<Syntax.Name> varNames, Syntax.Call fam, Families.Family family,
            IExpr size) {
        ISymbol head = family.head() == Families.CATEGORICAL ? Families.ONE_HOT : family.head();
        int vec = vectorArgument(head);
        IExpr entries = entries(r, fam.args().get(vec));
        if (entries == null) {
            throw new ParseException("with a size K, the " + (vec == 0 ? "first" : "second") + " parameter of " + fam.name()
                    + " names its K entries: indexed data (alpha with entries alpha(k)) or a function alpha(k) "
                    + "under define: (" + usage(head) + ")", fam.args().get(vec).column());
        }
        if (varNames.size() != 1) {
            throw new ParseException("with a symbolic size K the components cannot be listed: write "
                    + usage(head) + " and use t(k)", varNames.get(0).column());
        }
        IASTAppendable f = F.ast(SIZED);
        f.append(head);
        f.append(size);
        for (int a = 0; a < fam.args().size() - 1; a++) {
            f.append(a == vec ? entries : r.resolve(fam.args().get(a)));
        }
        String n = varNames.get(0).name();
        ISymbol v = F.Dummy(n);
        r.table.nameBound(v, n);
        return new Resolver.Spec(List.of(v), List.of(n), f);
    }

    /** The concrete list {entry(1), ..., entry(k)}. */
    static IAST list(IExpr entries, int k) {
        IASTAppendable out = F.ListAlloc(k);
        for (int j = 1; j <= k; j++) {
            out.append(entry(entries, F.ZZ(j)));
        }
        return out;
    }

    // ---------------------------------------------------------------- reading a written expression

    static boolean isSized(IExpr e) {
        return e.isAST() && e.head() == Ops.EXPECTATION && e.second().isAST(Ops.DIST) && e.second().second().isAST()
                && e.second().second().head() == SIZED;
    }

    /** The size symbols (K) of every sized family in e. */
    static Set<ISymbol> sizes(IExpr e) {
        Set<ISymbol> out = new LinkedHashSet<>();
        e.isFree(x -> {
            if (isSized(x)) {
                x.second().second().second().isFree(y -> {
                    if (y.isSymbol() && !y.isBuiltInSymbol()) {
                        out.add((ISymbol) y);
                    }
                    return false;
                }, true);
            }
            return false;
        }, true);
        return out;
    }

    /** The free symbols in the indices of sized components t(k) (not bound by a sum around them). */
    static Set<ISymbol> indexSymbols(IExpr e) {
        Set<ISymbol> out = new LinkedHashSet<>();
        collectIndices(e, new java.util.HashSet<>(), new java.util.HashSet<>(), out);
        return out;
    }

    private static void collectIndices(IExpr e, Set<IExpr> heads, Set<IExpr> bound, Set<ISymbol> out) {
        if (!e.isAST()) {
            return;
        }
        if (heads.contains(e.head()) && e.argSize() == 1) {
            e.first().isFree(y -> {
                if (y.isSymbol() && !y.isBuiltInSymbol() && !bound.contains(y)) {
                    out.add((ISymbol) y);
                }
                return false;
            }, true);
        }
        Set<IExpr> h = heads;
        if (isSized(e)) {
            h = new java.util.HashSet<>(heads);
            h.add(e.second().first().first());
        }
        Set<IExpr> b = bound;
        if ((e.head() == S.Sum || e.head() == S.Product) && e.argSize() == 2 && e.second().isList()) {
            b = new java.util.HashSet<>(bound);
            b.add(e.second().first());
        }
        for (IExpr x : (IAST) e) {
            collectIndices(x, h, b, out);
        }
    }

    // ---------------------------------------------------------------- instances at a concrete K

    /**
     * The expression at concrete values of the size and index symbols: the values substituted (not inside a sum
     * that binds the symbol), every sum with whole-number bounds written out, and every sized family made the
     * ordinary vector family of that dimension (K = 1: the point mass it is, t(1) = 1, z(1) = 1, x(1) = n).
     *
     * @throws IllegalArgumentException when a size or a component index leaves its range
     */
    static IExpr instantiate(IExpr e, Map<ISymbol, IExpr> values, Scope table, EvalEngine engine) {
        IExpr s = substitute(e, values);
        IExpr x = expandSums(s, engine);
        return concrete(x, table, engine);
    }

    private static IExpr substitute(IExpr e, Map<ISymbol, IExpr> values) {
        if (e.isSymbol()) {
            IExpr v = values.get(e);
            return v != null ? v : e;
        }
        if (!e.isAST()) {
            return e;
        }
        Map<ISymbol, IExpr> inner = values;
        boolean binder = (e.head() == S.Sum || e.head() == S.Product) && e.argSize() == 2 && e.second().isList();
        IASTAppendable out = F.ast(e.head(), e.argSize());
        for (int i = 1; i <= e.argSize(); i++) {
            IExpr a = e.getAt(i);
            if (binder && i == 1 && values.containsKey(e.second().first())) {
                inner = new IdentityHashMap<>(values);
                inner.remove(e.second().first());
                out.append(substitute(a, inner));
            } else if (binder && i == 2) {
                IASTAppendable it = F.ListAlloc(3);
                it.append(a.first());
                for (int q = 2; q <= a.argSize(); q++) {
                    it.append(substitute(a.getAt(q), values));
                }
                out.append(it);
            } else {
                out.append(substitute(a, values));
            }
        }
        return out;
    }

    /** Sums and products with whole-number bounds (at most 200 terms) written out, innermost first. */
    private static IExpr expandSums(IExpr e, EvalEngine engine) {
        if (!e.isAST()) {
            return e;
        }
        IASTAppendable copy = F.ast(e.head(), e.argSize());
        for (IExpr a : (IAST) e) {
            copy.append(expandSums(a, engine));
        }
        if ((e.head() == S.Sum || e.head() == S.Product) && e.argSize() == 2 && e.second().isList()
                && e.second().argSize() == 3) {
            IExpr lo = engine.evaluate(copy.second().second());
            IExpr hi = engine.evaluate(copy.second().getAt(3));
            if (lo.isInteger() && hi.isInteger()) {
                int a = lo.toIntDefault(Integer.MIN_VALUE);
                int b = hi.toIntDefault(Integer.MIN_VALUE);
                if (a != Integer.MIN_VALUE && b != Integer.MIN_VALUE && b - a < 200) {
                    IASTAppendable terms = F.ast(e.head() == S.Sum ? S.Plus : S.Times);
                    ISymbol n = (ISymbol) copy.second().first();
                    for (int j = a; j <= b; j++) {
                        terms.append(expandSums(substitute(copy.first(), Map.of(n, F.ZZ(j))), engine));
                    }
                    return terms.argSize() == 0 ? (e.head() == S.Sum ? F.C0 : F.C1)
                            : terms.argSize() == 1 ? terms.first() : terms;
                }
            }
        }
        return copy;
    }

    private static IExpr concrete(IExpr e, Scope table, EvalEngine engine) {
        if (!e.isAST()) {
            return e;
        }
        IASTAppendable copy = F.ast(e.head(), e.argSize());
        for (IExpr a : (IAST) e) {
            copy.append(concrete(a, table, engine));
        }
        if (!isSized(copy)) {
            return copy;
        }
        IAST dist = (IAST) copy.second();
        ISymbol var = (ISymbol) dist.first().first();
        IAST fam = (IAST) dist.second();
        IExpr head = fam.first();
        String name = table.nameOf(var);
        IExpr kx = engine.evaluate(fam.second());
        int k = kx.isInteger() ? kx.toIntDefault(-1) : -1;
        if (k < 1 || k > VectorFamilies.MAX_SIZE) {
            throw new IllegalArgumentException("the size of " + usage(head) + " is " + new Expr(kx, table)
                    + ": it must be a whole number from 1 to " + VectorFamilies.MAX_SIZE);
        }
        List<IExpr> params = new ArrayList<>();
        for (int a = 3; a <= fam.argSize(); a++) {
            params.add(fam.getAt(a));
        }
        int vec = vectorArgument(head);
        params.set(vec, list(params.get(vec), k));
        List<IExpr> comps = new ArrayList<>();
        for (int j = 1; j <= k; j++) {
            if (k == 1) {
                comps.add(head == Families.MULTINOMIAL ? params.get(0) : F.C1);
            } else {
                ISymbol c = F.Dummy(name + "_" + j);
                table.nameBound(c, name + "(" + j + ")");
                comps.add(c);
            }
        }
        IExpr body = components(copy.first(), var, comps, name, k, table, engine);
        if (k == 1) {
            return body; // the point mass of a one-entry Dirichlet, Categorical or Multinomial
        }
        return F.binaryAST2(Ops.EXPECTATION, body, F.binaryAST2(Ops.DIST, F.List(comps.toArray(new IExpr[0])),
                F.function((ISymbol) head, params.toArray(new IExpr[0]))));
    }

    private static IExpr components(IExpr body, ISymbol var, List<IExpr> comps, String name, int k, Scope table,
            EvalEngine engine) {
        // no exception is thrown inside replaceAll (Symja's visitor may swallow it): the first problem is kept
        String[] bad = {null};
        IExpr out = body.replaceAll(x -> {
            if (x.isAST() && x.head() == var && x.argSize() == 1 && bad[0] == null) {
                IExpr i = engine.evaluate(x.first());
                int j = i.isInteger() ? i.toIntDefault(-1) : -1;
                if (j < 1 || j > k) {
                    bad[0] = name + "(" + new Expr(i, table) + ") is not a component: at K = " + k
                            + (k == 1 ? " the only one is " + name + "(1)"
                                    : " they are " + name + "(1), ..., " + name + "(" + k + ")");
                    return F.NIL;
                }
                return comps.get(j - 1);
            }
            return F.NIL;
        }).orElse(body);
        if (bad[0] == null && !out.isFree(var, true)) {
            bad[0] = "'" + name + "' is used other than as its components " + name + "(k)";
        }
        if (bad[0] != null) {
            throw new IllegalArgumentException(bad[0]);
        }
        return out;
    }

    /**
     * Whether every sized family's parameters lie in their domain for every K by their form alone: a Dirichlet's
     * entries positive indexed data, a probability vector's entries g(k)/Sum(g(j), {j, 1, K}) with g(k) positive
     * indexed data or an exponential (so they sum to 1 at every K).
     */
    static boolean plainParameters(IExpr e, Scope table) {
        boolean[] ok = {true};
        e.isFree(x -> {
            if (isSized(x)) {
                IAST fam = (IAST) x.second().second();
                IExpr head = fam.first();
                IExpr entries = fam.getAt(3 + vectorArgument(head));
                IExpr i = entries.first();
                IExpr body = entries.second();
                ok[0] &= head == Families.DIRICHLET ? positiveAtom(body, i, table) : normalized(body, i, fam.second(), table);
            }
            return false;
        }, true);
        return ok[0];
    }

    private static boolean positiveAtom(IExpr g, IExpr i, Scope table) {
        if (g.isAST() && g.argSize() == 1 && g.first() == i && g.head() instanceof ISymbol h) {
            String n = table.nameOf(h);
            return n != null && table.declared(n).map(d -> d.indexed() && d.positive()).orElse(false);
        }
        return g.isAST(S.Exp, 2) || g.isPower() && g.base() == S.E;
    }

    private static boolean normalized(IExpr body, IExpr i, IExpr size, Scope table) {
        if (!body.isTimes() || body.argSize() != 2) {
            return false;
        }
        for (int a = 1; a <= 2; a++) {
            IExpr g = body.getAt(a);
            IExpr d = body.getAt(3 - a);
            if (d.isPower() && d.exponent().isMinusOne() && d.base().isAST(S.Sum, 3) && d.base().second().isList()) {
                IAST it = (IAST) d.base().second();
                IExpr gj = Resolver.substitute(d.base().first(), Map.of(it.first(), i));
                if (it.argSize() == 3 && it.second().isOne() && it.getAt(3).equals(size) && gj.equals(g)
                        && positiveAtom(g, i, table)) {
                    return true;
                }
            }
        }
        return false;
    }
}
