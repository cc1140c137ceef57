package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Closed forms for the vector and matrix families (VectorFamilies; parameters as in derivations/README.md).
 * The body is expanded into terms, each a coefficient free of the components times a monomial:
 * <ul>
 *   <li>t ~ Dirichlet(alpha), A = sum alpha: E[prod t_i^k_i log(t_i)^j_i] = the j-th derivatives of
 *       M(s) = Gamma(A) prod Gamma(alpha_i + s_i) / (Gamma(A + sum s) prod Gamma(alpha_i)) at s = k, for
 *       alpha_i + k_i > 0 (so E[t_i] = alpha_i/A, E[log t_i] = psi(alpha_i) - psi(A)); a body in one component
 *       (or K = 2) is the marginal Beta(alpha_i, A - alpha_i) of MomentsMore</li>
 *   <li>z ~ OneHotCategorical(p): E[f(z)] = sum_i p_i f(e_i), exactly, for any f</li>
 *   <li>x ~ Multinomial(n, p): E[prod x_i^k_i] = sum over j <= k of prod S(k_i, j_i) n (n-1) ... (n-J+1) prod p_i^j_i
 *       (factorial moments; S the Stirling numbers of the second kind), total degree up to 12</li>
 *   <li>x ~ MvNormal(m, S): polynomial moments up to degree 8 from the derivatives of exp(s.m + s.S.s/2) at 0
 *       (so E[x] = m, E[x x^T] = S + m m^T, E[x^T A x] = Tr(A S) + m^T A m)</li>
 *   <li>L ~ Wishart(nu, W) (D x D): E[L_ij] = nu W_ij, E[L_ij L_kl] = nu^2 W_ij W_kl + nu (W_ik W_jl + W_il W_jk),
 *       E[log |L|] = sum_{i=1..D} psi((nu + 1 - i)/2) + D log 2 + log |W|, E[L^-1] = W^-1/(nu - D - 1) for
 *       nu > D + 1 (Inverse(L) written in the body; a term with L^-1 and L together has no entry)</li>
 * </ul>
 * Anything else is left to the deterministic fallback. Each entry is confirmed independently in MomentsVectorTest.
 */
final class MomentsVector {
    private static final int MAX_POLY_DEGREE = 12;
    private static final int MAX_NORMAL_DEGREE = 8;

    private MomentsVector() {
    }

    static Optional<IExpr> expect(IExpr body, IAST vars, IAST fam, EvalEngine engine, Reducer.Conditions c) {
        IExpr h = fam.head();
        Optional<VectorFamilies.Shape> shape = VectorFamilies.shapeOf(fam);
        if (shape.isEmpty() || vars.argSize() != shape.get().components()) {
            return Optional.empty();
        }
        List<ISymbol> xs = new ArrayList<>();
        for (IExpr v : vars) {
            if (!v.isSymbol()) {
                return Optional.empty();
            }
            xs.add((ISymbol) v);
        }
        Optional<IExpr> r;
        if (h == Families.ONE_HOT) {
            r = oneHot(body, xs, (IAST) fam.arg1(), engine);
        } else if (h == Families.DIRICHLET) {
            r = dirichlet(body, xs, (IAST) fam.arg1(), engine, c);
        } else if (h == Families.MULTINOMIAL) {
            r = multinomial(body, xs, fam.arg1(), (IAST) fam.arg2(), engine);
        } else if (h == Families.MV_NORMAL) {
            r = mvNormal(body, xs, (IAST) fam.arg1(), (IAST) fam.arg2(), engine);
        } else if (h == Families.WISHART) {
            r = wishart(body, xs, fam.arg1(), (IAST) fam.arg2(), shape.get(), engine, c);
        } else {
            return Optional.empty();
        }
        return r.map(e -> Moments.tidy(e, engine));
    }

    private static boolean free(IExpr e, List<ISymbol> xs) {
        for (ISymbol x : xs) {
            if (!e.isFree(x, true)) {
                return false;
            }
        }
        return true;
    }

    /** A term as coefficient * prod x_i^k_i * prod log(x_i)^j_i * log(det)^d. */
    private record Mono(IExpr coef, IExpr[] k, int[] j, int logDet) {
        int degree() {
            int d = 0;
            for (IExpr e : k) {
                d += e.toIntDefault();
            }
            return d;
        }

        boolean integerPowers() {
            for (IExpr e : k) {
                if (!e.isInteger() || e.toIntDefault() < 0) {
                    return false;
                }
            }
            return true;
        }

        boolean noLogs() {
            for (int v : j) {
                if (v != 0) {
                    return false;
                }
            }
            return logDet == 0;
        }
    }

    private static Optional<Mono> split(IExpr term, List<ISymbol> xs, boolean logs, IExpr det, EvalEngine engine) {
        Map<IExpr, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < xs.size(); i++) {
            index.put(xs.get(i), i);
        }
        IExpr coef = F.C1;
        IExpr[] k = new IExpr[xs.size()];
        java.util.Arrays.fill(k, F.C0);
        int[] j = new int[xs.size()];
        int logDet = 0;
        for (IExpr f : Moments.factors(term)) {
            IExpr base = f;
            IExpr exp = F.C1;
            if (f.isPower()) {
                base = f.base();
                exp = f.exponent();
            }
            Integer i = index.get(base);
            if (free(f, xs)) {
                coef = F.Times(coef, f);
            } else if (i != null && free(exp, xs)) {
                k[i] = F.Plus(k[i], exp);
            } else if (base.isAST(S.Log, 2) && exp.isInteger() && exp.toIntDefault() >= 1 && exp.toIntDefault() <= 4) {
                Integer li = index.get(base.first());
                if (logs && li != null) {
                    j[li] += exp.toIntDefault();
                } else if (det != null && engine.evaluate(F.ExpandAll(F.Subtract(base.first(), det))).isZero()) {
                    logDet += exp.toIntDefault();
                } else {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = engine.evaluate(k[i]);
        }
        return Optional.of(new Mono(coef, k, j, logDet));
    }

    private static Optional<IExpr> oneHot(IExpr body, List<ISymbol> xs, IAST p, EvalEngine engine) {
        List<IExpr> parts = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            Map<IExpr, IExpr> at = new IdentityHashMap<>();
            for (int q = 0; q < xs.size(); q++) {
                at.put(xs.get(q), q == i ? F.C1 : F.C0);
            }
            parts.add(F.Times(p.getAt(i + 1), Resolver.substitute(body, at)));
        }
        return Optional.of(engine.evaluate(F.Plus(parts.toArray(new IExpr[0]))));
    }

    private static Optional<IExpr> dirichlet(IExpr body, List<ISymbol> xs, IAST alpha, EvalEngine engine, Reducer.Conditions c) {
        int kk = xs.size();
        IExpr total = VectorFamilies.total(alpha);
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < kk; i++) {
            if (!body.isFree(xs.get(i), true)) {
                used.add(i);
            }
        }
        if (used.isEmpty()) {
            return Optional.of(engine.evaluate(body));
        }
        // one component, or K = 2 (t_2 = 1 - t_1): the marginal Beta(alpha_i, A - alpha_i)
        if (used.size() == 1 || kk == 2) {
            int i = used.get(0);
            IExpr b = body;
            if (kk == 2) {
                i = 0;
                b = Resolver.substitute(body, Map.of(xs.get(1), F.Subtract(F.C1, xs.get(0))));
            }
            Optional<IExpr> m = MomentsMore.beta(engine.evaluate(b), xs.get(i), alpha.getAt(i + 1),
                    engine.evaluate(F.Subtract(total, alpha.getAt(i + 1))), engine, c, "Dirichlet({alpha1, ..., alphaK}) (its "
                            + "component " + (i + 1) + " is Beta(alpha" + (i + 1) + ", sum of the others))");
            if (m.isPresent() || kk == 2) {
                return m;
            }
        }
        IExpr split = body;
        for (ISymbol x : xs) {
            split = Moments.splitLogs(split, x);
        }
        ISymbol[] s = new ISymbol[kk];
        IExpr[] num = new IExpr[kk + 1];
        IExpr[] den = new IExpr[kk + 1];
        for (int i = 0; i < kk; i++) {
            s[i] = F.Dummy("s" + (i + 1));
            num[i] = F.Gamma(F.Plus(alpha.getAt(i + 1), s[i]));
            den[i] = F.Gamma(alpha.getAt(i + 1));
        }
        num[kk] = F.Gamma(total);
        den[kk] = F.Gamma(F.Plus(total, F.Plus(s)));
        IExpr mgf = F.Divide(F.Times(num), F.Times(den));
        List<IExpr> parts = new ArrayList<>();
        for (IExpr t : Moments.terms(split, engine)) {
            Optional<Mono> mono = split(t, xs, true, null, engine);
            if (mono.isEmpty()) {
                return Optional.empty();
            }
            Mono mo = mono.get();
            IExpr d = mgf;
            Map<IExpr, IExpr> at = new IdentityHashMap<>();
            for (int i = 0; i < kk; i++) {
                if (mo.j()[i] > 0) {
                    d = F.D(d, F.List(s[i], F.ZZ(mo.j()[i])));
                }
                at.put(s[i], mo.k()[i]);
                existence(c, engine, alpha.getAt(i + 1), mo.k()[i], xs.get(i));
            }
            parts.add(F.Times(mo.coef(), Resolver.substitute(engine.evaluate(d), at)));
        }
        return Optional.of(engine.evaluate(F.Plus(parts.toArray(new IExpr[0]))));
    }

    private static void existence(Reducer.Conditions c, EvalEngine engine, IExpr a, IExpr k, ISymbol x) {
        if (c.table == null || k.isNumber() && k.isReal() && k.evalf() >= 0) {
            return;
        }
        c.add(Requirement.Kind.EXISTENCE, engine.evaluate(F.Plus(a, k)), true, false, "E[" + new Expr(F.Power(x, k), c.table)
                + "] under Dirichlet({alpha1, ..., alphaK}) exists only when");
    }

    private static Optional<IExpr> multinomial(IExpr body, List<ISymbol> xs, IExpr n, IAST p, EvalEngine engine) {
        List<IExpr> parts = new ArrayList<>();
        for (IExpr t : Moments.terms(body, engine)) {
            Optional<Mono> mono = split(t, xs, false, null, engine);
            if (mono.isEmpty() || !mono.get().integerPowers() || mono.get().degree() > MAX_POLY_DEGREE) {
                return Optional.empty();
            }
            int[] k = new int[xs.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = mono.get().k()[i].toIntDefault();
            }
            List<IExpr> sum = new ArrayList<>();
            int[] jv = new int[k.length];
            enumerate(k, jv, 0, n, p, sum);
            parts.add(F.Times(mono.get().coef(), F.Plus(sum.toArray(new IExpr[0]))));
        }
        return Optional.of(engine.evaluate(F.Plus(parts.toArray(new IExpr[0]))));
    }

    /** Adds prod S(k_i, j_i) n^(J falling) prod p_i^j_i over all j with 0 <= j_i <= k_i (j_i >= 1 where k_i >= 1). */
    private static void enumerate(int[] k, int[] j, int at, IExpr n, IAST p, List<IExpr> out) {
        if (at == k.length) {
            long s = 1;
            int total = 0;
            IExpr w = F.C1;
            for (int i = 0; i < k.length; i++) {
                s *= MomentsMore.stirling2(k[i], j[i]);
                total += j[i];
                if (j[i] > 0) {
                    w = F.Times(w, F.Power(p.getAt(i + 1), F.ZZ(j[i])));
                }
            }
            if (s == 0) {
                return;
            }
            IExpr falling = F.C1;
            for (int q = 0; q < total; q++) {
                falling = F.Times(falling, F.Subtract(n, F.ZZ(q)));
            }
            out.add(F.Times(F.ZZ(s), falling, w));
            return;
        }
        for (int v = k[at] == 0 ? 0 : 1; v <= k[at]; v++) {
            j[at] = v;
            enumerate(k, j, at + 1, n, p, out);
        }
        j[at] = 0;
    }

    private static Optional<IExpr> mvNormal(IExpr body, List<ISymbol> xs, IAST m, IAST cov, EvalEngine engine) {
        int kk = xs.size();
        ISymbol[] s = new ISymbol[kk];
        List<IExpr> lin = new ArrayList<>();
        List<IExpr> quad = new ArrayList<>();
        for (int i = 0; i < kk; i++) {
            s[i] = F.Dummy("s" + (i + 1));
        }
        for (int i = 0; i < kk; i++) {
            lin.add(F.Times(s[i], m.getAt(i + 1)));
            for (int q = 0; q < kk; q++) {
                quad.add(F.Times(F.C1D2, s[i], s[q], cov.getAt(i + 1).getAt(q + 1)));
            }
        }
        IExpr mgf = F.Exp(F.Plus(F.Plus(lin.toArray(new IExpr[0])), F.Plus(quad.toArray(new IExpr[0]))));
        Map<IExpr, IExpr> zero = new IdentityHashMap<>();
        for (ISymbol v : s) {
            zero.put(v, F.C0);
        }
        List<IExpr> parts = new ArrayList<>();
        for (IExpr t : Moments.terms(body, engine)) {
            Optional<Mono> mono = split(t, xs, false, null, engine);
            if (mono.isEmpty() || !mono.get().integerPowers() || mono.get().degree() > MAX_NORMAL_DEGREE) {
                return Optional.empty();
            }
            IExpr d = mgf;
            for (int i = 0; i < kk; i++) {
                int ki = mono.get().k()[i].toIntDefault();
                if (ki > 0) {
                    d = engine.evaluate(F.D(d, F.List(s[i], F.ZZ(ki))));
                }
            }
            parts.add(F.Times(mono.get().coef(), engine.evaluate(Resolver.substitute(engine.evaluate(d), zero))));
        }
        return Optional.of(engine.evaluate(F.Plus(parts.toArray(new IExpr[0]))));
    }

    private static Optional<IExpr> wishart(IExpr body, List<ISymbol> xs, IExpr nu, IAST w, VectorFamilies.Shape shape,
            EvalEngine engine, Reducer.Conditions c) {
        int d = shape.n();
        IExpr det = engine.evaluate(F.ExpandAll(F.Det(VectorFamilies.value(xs, shape))));
        List<IExpr> parts = new ArrayList<>();
        for (IExpr t : Moments.terms(body, engine)) {
            if (!t.isFree(x -> x == WINV, true)) {
                // coef * (L^-1)_ij: E = (W^-1)_ij / (nu - D - 1), for nu > D + 1 (the inverse Wishart's mean)
                IExpr coef = F.C1;
                IExpr entry = null;
                for (IExpr f : Moments.factors(t)) {
                    if (f.isAST(WINV, 4) && f.getAt(3) == xs.get(0) && entry == null) {
                        entry = f;
                    } else if (free(f, xs) && f.isFree(x -> x == WINV, true)) {
                        coef = F.Times(coef, f);
                    } else {
                        return Optional.empty();
                    }
                }
                if (entry == null) {
                    return Optional.empty();
                }
                IExpr winv = engine.evaluate(F.Inverse(w));
                IExpr dof = engine.evaluate(F.Subtract(nu, F.ZZ(d + 1)));
                if (c.table != null && !(dof.isNumber() && dof.isReal() && dof.evalf() > 0)) {
                    c.add(Requirement.Kind.EXISTENCE, dof, true, false, "E[Inverse(L)] under Wishart(nu, W) with D = " + d
                            + " exists only when nu - D - 1 =");
                }
                parts.add(F.Times(coef, F.Divide(winv.getAt(entry.first().toIntDefault()).getAt(entry.second()
                        .toIntDefault()), dof)));
                continue;
            }
            Optional<Mono> mono = split(t, xs, false, det, engine);
            if (mono.isEmpty() || !mono.get().integerPowers()) {
                return Optional.empty();
            }
            Mono mo = mono.get();
            int degree = mo.degree();
            if (mo.logDet() > 1 || mo.logDet() == 1 && degree > 0 || degree > 2) {
                return Optional.empty();
            }
            IExpr e;
            if (mo.logDet() == 1) {
                List<IExpr> psi = new ArrayList<>();
                for (int i = 1; i <= d; i++) {
                    psi.add(F.PolyGamma(F.C0, F.Times(F.C1D2, F.Plus(nu, F.ZZ(1 - i)))));
                }
                e = F.Plus(F.Plus(psi.toArray(new IExpr[0])), F.Times(F.ZZ(d), F.Log(F.C2)), F.Log(F.Det(w)));
            } else {
                List<int[]> entries = new ArrayList<>();
                for (int u = 0; u < xs.size(); u++) {
                    for (int r = 0; r < mo.k()[u].toIntDefault(); r++) {
                        entries.add(entry(u, d));
                    }
                }
                if (entries.isEmpty()) {
                    e = F.C1;
                } else if (entries.size() == 1) {
                    e = F.Times(nu, wij(w, entries.get(0)[0], entries.get(0)[1]));
                } else {
                    int i = entries.get(0)[0];
                    int j = entries.get(0)[1];
                    int k = entries.get(1)[0];
                    int l = entries.get(1)[1];
                    e = F.Plus(F.Times(F.Sqr(nu), wij(w, i, j), wij(w, k, l)),
                            F.Times(nu, F.Plus(F.Times(wij(w, i, k), wij(w, j, l)), F.Times(wij(w, i, l), wij(w, j, k)))));
                }
            }
            parts.add(F.Times(mo.coef(), e));
        }
        return Optional.of(engine.evaluate(F.Plus(parts.toArray(new IExpr[0]))));
    }

    /** WINV(i, j, L_11): entry (i, j) of the inverse of the Wishart variable whose first component is L_11. */
    static final ISymbol WINV = F.Dummy("WishartInverse");

    /** The body with Inverse(L) of the Wishart variable L of dist replaced by the matrix of WINV entries. */
    static IExpr markInverse(IExpr body, IAST dist) {
        if (!dist.isAST(Ops.DIST, 3) || !dist.arg2().isAST() || dist.arg2().head() != Families.WISHART
                || !dist.arg1().isList()) {
            return body;
        }
        Optional<VectorFamilies.Shape> shape = VectorFamilies.shapeOf((IAST) dist.arg2());
        if (shape.isEmpty() || dist.arg1().argSize() != shape.get().components()) {
            return body;
        }
        List<IExpr> xs = new ArrayList<>();
        for (IExpr x : (IAST) dist.arg1()) {
            xs.add(x);
        }
        IExpr v = VectorFamilies.value(xs, shape.get());
        int d = shape.get().n();
        IExpr first = xs.get(0);
        return body.replaceAll(e -> {
            if (e.isAST(S.Inverse, 2) && e.first().equals(v)) {
                List<IExpr> comps = new ArrayList<>();
                for (int i = 1; i <= d; i++) {
                    for (int j = i; j <= d; j++) {
                        comps.add(F.ternaryAST3(WINV, F.ZZ(i), F.ZZ(j), first));
                    }
                }
                return VectorFamilies.value(comps, shape.get());
            }
            return F.NIL;
        }).orElse(body);
    }

    /** The WINV entries of dist's variable back as entries of Inverse(L), for the fallback. */
    static IExpr unmarkInverse(IExpr body, IAST dist, EvalEngine engine) {
        if (body.isFree(x -> x == WINV, true) || !dist.arg1().isList()) {
            return body;
        }
        Optional<VectorFamilies.Shape> shape = VectorFamilies.shapeOf((IAST) dist.arg2());
        if (shape.isEmpty()) {
            return body;
        }
        List<IExpr> xs = new ArrayList<>();
        for (IExpr x : (IAST) dist.arg1()) {
            xs.add(x);
        }
        IExpr inv = engine.evaluate(F.Inverse(VectorFamilies.value(xs, shape.get())));
        return engine.evaluate(body.replaceAll(e -> e.isAST(WINV, 4) && e.getAt(3) == xs.get(0)
                ? inv.getAt(e.first().toIntDefault()).getAt(e.second().toIntDefault()) : F.NIL).orElse(body));
    }

    private static IExpr wij(IAST w, int i, int j) {
        return w.getAt(i + 1).getAt(j + 1);
    }

    /** (i, j), 0-based, of the u-th upper-triangle component. */
    private static int[] entry(int u, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                if (VectorFamilies.upper(i, j, d) == u) {
                    return new int[] {i, j};
                }
            }
        }
        throw new IllegalStateException("component " + u);
    }
}
