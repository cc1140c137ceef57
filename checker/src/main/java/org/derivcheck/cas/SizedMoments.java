package org.derivcheck.cas;

import java.util.Map;
import java.util.Optional;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Closed forms of expectations over a vector family of symbolic dimension K (SizedFamilies), with the sums over
 * 1..K kept symbolic. The body is taken apart by linearity: sums of terms, factors free of the variable, and
 * sums {@code Sum(f, {j, lo, hi})} whose bounds do not involve it; a term in which the variable appears only
 * through one component t(i) (i any index expression) is the expectation under that component's marginal:
 * <ul>
 *   <li>Dirichlet(alpha, K): t(i) ~ Beta(alpha(i), A - alpha(i)), A = Sum(alpha(j), {j, 1, K}) (MomentsMore's Beta
 *       table: E[t(i)] = alpha(i)/A, E[log t(i)] = psi(alpha(i)) - psi(A), ...)</li>
 *   <li>OneHotCategorical(p, K): z(i) ~ Bernoulli(p(i))</li>
 *   <li>Multinomial(n, p, K): x(i) ~ Binomial(n, p(i))</li>
 * </ul>
 * A term with two different components (t(i) t(j): whether i = j is not known) has no closed form here; such
 * claims are decided by the instances at concrete K alone. No condition is recorded: the instances check the
 * parameter domains and existence at every K they try.
 */
final class SizedMoments {
    private SizedMoments() {
    }

    static Optional<IExpr> expect(IExpr body, IAST dist, EvalEngine engine) {
        ISymbol var = (ISymbol) dist.first().first();
        IAST fam = (IAST) dist.second();
        Optional<IExpr> r = linear(engine.evaluate(body), var, fam, engine);
        return r.map(engine::evaluate);
    }

    private static Optional<IExpr> linear(IExpr body, ISymbol var, IAST fam, EvalEngine engine) {
        if (body.isFree(var, true)) {
            return Optional.of(body);
        }
        if (body.isPlus()) {
            IASTAppendable out = F.ast(S.Plus, body.argSize());
            for (IExpr t : (IAST) body) {
                Optional<IExpr> e = linear(t, var, fam, engine);
                if (e.isEmpty()) {
                    return Optional.empty();
                }
                out.append(e.get());
            }
            return Optional.of(out);
        }
        if (body.isAST(S.Sum, 3) && body.second().isList() && body.second().isFree(var, true)) {
            return linear(body.first(), var, fam, engine).map(e -> F.Sum(e, body.second()));
        }
        if (body.isTimes()) {
            IASTAppendable coef = F.ast(S.Times);
            IASTAppendable rest = F.ast(S.Times);
            for (IExpr f : (IAST) body) {
                (f.isFree(var, true) ? coef : rest).append(f);
            }
            if (coef.argSize() > 0 && rest.argSize() == 1 && (rest.first().isPlus() || rest.first().isAST(S.Sum, 3))) {
                return linear(rest.first(), var, fam, engine).map(e -> F.Times(coef.oneIdentity1(), e));
            }
        }
        return marginal(body, var, fam, engine);
    }

    /** A term in one component t(i): its expectation under the marginal law of t(i). */
    private static Optional<IExpr> marginal(IExpr term, ISymbol var, IAST fam, EvalEngine engine) {
        IExpr[] index = {null};
        boolean[] one = {true};
        term.isFree(x -> {
            if (x.isAST() && x.head() == var && x.argSize() == 1) {
                if (index[0] == null) {
                    index[0] = x.first();
                } else if (!index[0].equals(x.first())) {
                    one[0] = false;
                }
            }
            return false;
        }, true);
        if (!one[0] || index[0] == null) {
            return Optional.empty();
        }
        IExpr i = index[0];
        ISymbol x = F.Dummy("x");
        IExpr t = term.replaceAll(y -> y.isAST() && y.head() == var && y.argSize() == 1 ? x : F.NIL).orElse(term);
        if (!t.isFree(var, true)) {
            return Optional.empty();
        }
        IExpr head = fam.first();
        IExpr size = fam.second();
        IExpr entries = fam.getAt(3 + SizedFamilies.vectorArgument(head));
        IExpr pi = SizedFamilies.entry(entries, i);
        IAST law;
        if (head == Families.DIRICHLET) {
            ISymbol j = F.Dummy("j");
            IExpr total = F.Sum(SizedFamilies.entry(entries, j), F.List(j, F.C1, size));
            law = F.binaryAST2(Families.BETA, pi, F.Subtract(total, pi));
        } else if (head == Families.ONE_HOT) {
            law = F.unaryAST1(Ops.BERNOULLI, pi);
        } else if (head == Families.MULTINOMIAL) {
            law = F.binaryAST2(Families.BINOMIAL, fam.getAt(3), pi);
        } else {
            return Optional.empty();
        }
        Optional<IExpr> e = Moments.expect(t, F.binaryAST2(Ops.DIST, F.List(x), law), engine);
        return e.filter(v -> v.isFree(x, true) && v.isFree(y -> y == Ops.EXPECTATION, true));
    }

    /**
     * The expression with every bound summation index renamed by its nesting depth, so that Sum(alpha(j), {j, 1, K})
     * and Sum(alpha(i), {i, 1, K}) are the same expression.
     */
    static IExpr canonicalIndices(IExpr e) {
        return canonical(e, 0);
    }

    /**
     * Finite sums in a normal form: each body expanded, a sum of a sum of terms split into sums of the terms, and
     * factors free of the index taken out (a constant summed over lo..hi is (hi - lo + 1) times it).
     */
    static IExpr normalSums(IExpr e, EvalEngine engine) {
        if (!e.isAST()) {
            return e;
        }
        IASTAppendable copy = F.ast(e.head(), e.argSize());
        for (IExpr a : (IAST) e) {
            copy.append(normalSums(a, engine));
        }
        if (!(copy.isAST(S.Sum, 3) && copy.second().isList() && copy.second().argSize() == 3 && copy.second().first().isSymbol())) {
            return copy;
        }
        IAST it = (IAST) copy.second();
        ISymbol n = (ISymbol) it.first();
        IExpr body = engine.evaluate(F.ExpandAll(copy.first()));
        IASTAppendable out = F.ast(S.Plus);
        for (IExpr t : body.isPlus() ? (IAST) body : F.List(body)) {
            IASTAppendable coef = F.ast(S.Times);
            IASTAppendable rest = F.ast(S.Times);
            for (IExpr f : t.isTimes() ? (IAST) t : F.List(t)) {
                (freeOf(f, n) ? coef : rest).append(f);
            }
            IExpr r = rest.argSize() == 0 ? F.Plus(it.getAt(3), F.Negate(it.second()), F.C1)
                    : F.Sum(rest.oneIdentity1(), it);
            out.append(F.Times(coef.oneIdentity1(), r));
        }
        return out.oneIdentity0();
    }

    /** Whether n does not occur in e other than bound by a sum or product over n. */
    static boolean freeOf(IExpr e, ISymbol n) {
        if (e == n) {
            return false;
        }
        if (!e.isAST()) {
            return true;
        }
        if ((e.head() == S.Sum || e.head() == S.Product) && e.argSize() == 2 && e.second().isList()
                && e.second().first() == n) {
            for (int q = 2; q <= e.second().argSize(); q++) {
                if (!freeOf(e.second().getAt(q), n)) {
                    return false;
                }
            }
            return true;
        }
        for (IExpr a : (IAST) e) {
            if (!freeOf(a, n)) {
                return false;
            }
        }
        return freeOf(e.head(), n);
    }

    private static final java.util.List<ISymbol> CANON = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static ISymbol canon(int depth) {
        synchronized (CANON) {
            while (CANON.size() <= depth) {
                CANON.add(F.Dummy("j" + CANON.size()));
            }
            return CANON.get(depth);
        }
    }

    private static IExpr canonical(IExpr e, int depth) {
        if (!e.isAST()) {
            return e;
        }
        IExpr ex = e;
        int d = depth;
        if ((e.head() == S.Sum || e.head() == S.Product) && e.argSize() == 2 && e.second().isList()
                && e.second().first().isSymbol()) {
            ISymbol c = canon(depth);
            ISymbol n = (ISymbol) e.second().first();
            IASTAppendable it = F.ListAlloc(3);
            it.append(c);
            for (int q = 2; q <= e.second().argSize(); q++) {
                it.append(e.second().getAt(q));
            }
            ex = F.binaryAST2(e.head(), Resolver.substitute(e.first(), Map.of(n, c)), it);
            d = depth + 1;
        }
        IASTAppendable out = F.ast(ex.head(), ex.argSize());
        for (IExpr a : (IAST) ex) {
            out.append(canonical(a, d));
        }
        return out;
    }
}
