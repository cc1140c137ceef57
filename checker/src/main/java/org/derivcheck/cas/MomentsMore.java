package org.derivcheck.cas;

import java.util.ArrayList;
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
 * Closed forms for the families after the report's (parameters as in derivations/README.md), each with
 * its existence condition:
 * <ul>
 *   <li>Beta(a, b): E[t^k (1-t)^l log(t)^i log(1-t)^j] = d^i/ds^i d^j/dr^j B(a+s, b+r)/B(a, b) at s = k, r = l,
 *       for a + k > 0 and b + l > 0 (so E[log t] = psi(a) - psi(a+b), E[log(1-t)] = psi(b) - psi(a+b))</li>
 *   <li>LogNormal(mu, s2): E[t^k log(t)^j] = d^j/ds^j exp(mu s + s2 s^2/2) at s = k, any real k</li>
 *   <li>InverseGamma(a, b): t = 1/u with u ~ Gamma(a, b), so E[t^k] needs a - k > 0</li>
 *   <li>Poisson(l), Binomial(n, p), Geometric(p) (failures before the first success): E[t^k] = sum_j S(k, j) m_j
 *       with the factorial moments m_j = l^j, n(n-1)...(n-j+1) p^j, j! ((1-p)/p)^j (S: Stirling numbers of the second kind)</li>
 *   <li>StudentT(nu, mu, s2): t = mu + sqrt(s2) T, E[T^(2r)] = nu^r prod_{q=1..r} (2q-1)/(nu-2q), needing nu > k</li>
 *   <li>Laplace(mu, b): E[(t-mu)^i] = i! b^i for even i, 0 for odd; Uniform(lo, hi): E[t^k] = (hi^(k+1) - lo^(k+1))/((k+1)(hi-lo))</li>
 * </ul>
 * Polynomial moments go up to degree 12. Each entry is confirmed independently in MomentsMoreTest.
 */
final class MomentsMore {
    private static final int MAX_DEGREE = 12;

    private MomentsMore() {
    }

    static Optional<IExpr> expect(IExpr body, IAST dist, EvalEngine engine, Reducer.Conditions conditions) {
        IAST vars = (IAST) dist.arg1();
        if (!dist.arg2().isAST() || vars.argSize() != 1 || !vars.arg1().isSymbol()) {
            return Optional.empty();
        }
        IAST fam = (IAST) dist.arg2();
        ISymbol x = (ISymbol) vars.arg1();
        IExpr h = fam.head();
        Optional<IExpr> r;
        if (h == Families.BETA) {
            r = beta(body, x, fam.arg1(), fam.arg2(), engine, conditions, "Beta(a, b)");
        } else if (h == Families.LOGNORMAL) {
            r = logNormal(body, x, fam.arg1(), fam.arg2(), engine);
        } else if (h == Families.INVERSE_GAMMA) {
            ISymbol u = F.Dummy("u");
            String xn = conditions.table == null ? "t" : new Expr(x, conditions.table).toString();
            if (conditions.table != null) {
                conditions.table.nameBound(u, "u");
            }
            IExpr sub = Resolver.substitute(body, Map.of(x, F.Power(u, F.CN1)));
            r = Moments.gamma(Moments.splitLogs(engine.evaluate(sub), u), u, fam.arg1(), fam.arg2(), engine, conditions,
                    "InverseGamma(shape, scale) (with u = 1/" + xn + " ~ Gamma(shape, scale))");
        } else if (h == Families.CATEGORICAL && fam.arg1().isList()) {
            // t takes the value i with probability p_i, i = 1..K: an exact finite sum
            IAST ps = (IAST) fam.arg1();
            List<IExpr> parts = new ArrayList<>();
            for (int i = 1; i <= ps.argSize(); i++) {
                parts.add(F.Times(ps.getAt(i), Resolver.substitute(body, Map.of(x, F.ZZ(i)))));
            }
            r = Optional.of(engine.evaluate(F.Plus(parts.toArray(new IExpr[0]))));
        } else if (h == Families.POISSON || h == Families.BINOMIAL || h == Families.GEOMETRIC || h == Ops.UNIFORM
                || h == Families.STUDENT_T || h == Families.LAPLACE) {
            r = polynomial(body, x, fam, engine, conditions);
        } else {
            return Optional.empty();
        }
        return r.map(e -> Moments.tidy(e, engine));
    }

    /** Is e the expression 1 - x? */
    private static boolean oneMinus(IExpr e, ISymbol x, EvalEngine engine) {
        return e.isPlus() && !e.isFree(x, true) && engine.evaluate(F.ExpandAll(F.Subtract(e, F.Subtract(F.C1, x)))).isZero();
    }

    /** E[body] under Beta(a, b), before the final simplification; family names the law in existence conditions. */
    static Optional<IExpr> beta(IExpr body, ISymbol x, IExpr a, IExpr b, EvalEngine engine, Reducer.Conditions c,
            String family) {
        ISymbol s = F.Dummy("s");
        ISymbol r = F.Dummy("r");
        IExpr m = F.Divide(F.Times(F.Gamma(F.Plus(a, s)), F.Gamma(F.Plus(b, r)), F.Gamma(F.Plus(a, b))),
                F.Times(F.Gamma(a), F.Gamma(b), F.Gamma(F.Plus(a, b, s, r))));
        List<IExpr> parts = new ArrayList<>();
        for (IExpr t : Moments.terms(body, engine)) {
            IExpr coef = F.C1;
            IExpr k = F.C0;
            IExpr l = F.C0;
            int i = 0;
            int j = 0;
            for (IExpr f : Moments.factors(t)) {
                if (f.isFree(x, true)) {
                    coef = F.Times(coef, f);
                } else if (f == x) {
                    k = F.Plus(k, F.C1);
                } else if (f.isPower() && f.base() == x && f.exponent().isFree(x, true)) {
                    k = F.Plus(k, f.exponent());
                } else if (f.isPower() && oneMinus(f.base(), x, engine) && f.exponent().isFree(x, true)) {
                    l = F.Plus(l, f.exponent());
                } else if (oneMinus(f, x, engine)) {
                    l = F.Plus(l, F.C1);
                } else if (f.isAST(S.Log, 2) && f.first() == x) {
                    i++;
                } else if (f.isAST(S.Log, 2) && oneMinus(f.first(), x, engine)) {
                    j++;
                } else if (f.isPower() && f.exponent().isInteger() && f.exponent().toIntDefault() > 0
                        && f.exponent().toIntDefault() <= 4 && f.base().isAST(S.Log, 2)) {
                    int n = f.exponent().toIntDefault();
                    if (f.base().first() == x) {
                        i += n;
                    } else if (oneMinus(f.base().first(), x, engine)) {
                        j += n;
                    } else {
                        return Optional.empty();
                    }
                } else {
                    return Optional.empty();
                }
            }
            k = engine.evaluate(k);
            l = engine.evaluate(l);
            existence(c, engine, F.Plus(a, k), k, F.Power(x, k), family);
            existence(c, engine, F.Plus(b, l), l, F.Power(F.Subtract(F.C1, x), l), family);
            IExpr d = m;
            if (i > 0) {
                d = F.D(d, F.List(s, F.ZZ(i)));
            }
            if (j > 0) {
                d = F.D(d, F.List(r, F.ZZ(j)));
            }
            IExpr at = Resolver.substitute(engine.evaluate(d), Map.of(s, k, r, l));
            parts.add(F.Times(coef, at));
        }
        return Optional.of(engine.evaluate(F.Plus(parts.toArray(new IExpr[0]))));
    }

    private static void existence(Reducer.Conditions c, EvalEngine engine, IExpr cond, IExpr k, IExpr moment, String family) {
        if (c.table == null || k.isNumber() && k.isReal() && k.evalf() >= 0) {
            return;
        }
        c.add(Requirement.Kind.EXISTENCE, engine.evaluate(cond), true, false, "E[" + new Expr(engine.evaluate(moment), c.table)
                + "] under " + family + " exists only when");
    }

    private static Optional<IExpr> logNormal(IExpr body, ISymbol x, IExpr mu, IExpr s2, EvalEngine engine) {
        body = Moments.splitLogs(body, x);
        ISymbol s = F.Dummy("s");
        IExpr mgf = F.Exp(F.Plus(F.Times(mu, s), F.Times(F.C1D2, s2, F.Sqr(s))));
        List<IExpr> parts = new ArrayList<>();
        for (IExpr t : Moments.terms(body, engine)) {
            IExpr coef = F.C1;
            IExpr k = F.C0;
            int j = 0;
            for (IExpr f : Moments.factors(t)) {
                if (f.isFree(x, true)) {
                    coef = F.Times(coef, f);
                } else if (f == x) {
                    k = F.Plus(k, F.C1);
                } else if (f.isPower() && f.base() == x && f.exponent().isFree(x, true)) {
                    k = F.Plus(k, f.exponent());
                } else if (f.isAST(S.Log, 2) && f.first() == x) {
                    j++;
                } else if (f.isPower() && f.base().isAST(S.Log, 2) && f.base().first() == x && f.exponent().isInteger()
                        && f.exponent().toIntDefault() > 0 && f.exponent().toIntDefault() <= 8) {
                    j += f.exponent().toIntDefault();
                } else {
                    return Optional.empty();
                }
            }
            IExpr d = j == 0 ? mgf : F.D(mgf, F.List(s, F.ZZ(j)));
            parts.add(F.Times(coef, Resolver.substitute(engine.evaluate(d), Map.of(s, engine.evaluate(k)))));
        }
        return Optional.of(engine.evaluate(F.Plus(parts.toArray(new IExpr[0]))));
    }

    /** Polynomial bodies: every term a coefficient times x^k, k = 0..12. */
    private static Optional<IExpr> polynomial(IExpr body, ISymbol x, IAST fam, EvalEngine engine, Reducer.Conditions c) {
        List<IExpr> parts = new ArrayList<>();
        for (IExpr t : Moments.terms(body, engine)) {
            IExpr coef = F.C1;
            int k = 0;
            for (IExpr f : Moments.factors(t)) {
                if (f.isFree(x, true)) {
                    coef = F.Times(coef, f);
                } else if (f == x) {
                    k++;
                } else if (f.isPower() && f.base() == x && f.exponent().isInteger() && f.exponent().toIntDefault() > 0) {
                    k += f.exponent().toIntDefault();
                } else {
                    return Optional.empty();
                }
            }
            if (k > MAX_DEGREE) {
                return Optional.empty();
            }
            parts.add(F.Times(coef, moment(k, fam, c, engine, x)));
        }
        return Optional.of(engine.evaluate(F.Plus(parts.toArray(new IExpr[0]))));
    }

    /** E[x^k] for the polynomial families. */
    private static IExpr moment(int k, IAST fam, Reducer.Conditions c, EvalEngine engine, ISymbol x) {
        IExpr h = fam.head();
        if (k == 0) {
            return F.C1;
        }
        if (h == Ops.UNIFORM) {
            IExpr lo = fam.arg1();
            IExpr hi = fam.arg2();
            return F.Divide(F.Subtract(F.Power(hi, F.ZZ(k + 1)), F.Power(lo, F.ZZ(k + 1))),
                    F.Times(F.ZZ(k + 1), F.Subtract(hi, lo)));
        }
        if (h == Families.STUDENT_T || h == Families.LAPLACE) {
            IExpr mu = h == Families.STUDENT_T ? fam.arg2() : fam.arg1();
            if (h == Families.STUDENT_T) {
                IExpr nu = fam.arg1();
                if (c.table != null) {
                    c.add(Requirement.Kind.EXISTENCE, engine.evaluate(F.Subtract(nu, F.ZZ(k))), true, false, "E["
                            + new Expr(F.Power(x, F.ZZ(k)), c.table) + "] under StudentT(nu, mu, sigma2) exists only when");
                }
            }
            List<IExpr> s = new ArrayList<>();
            for (int i = 0; i <= k; i += 2) {
                IExpr central;
                if (h == Families.LAPLACE) {
                    central = F.Times(F.ZZ(factorial(i)), F.Power(fam.arg2(), F.ZZ(i)));
                } else {
                    IExpr nu = fam.arg1();
                    IExpr prod = F.C1;
                    for (int q = 1; q <= i / 2; q++) {
                        prod = F.Times(prod, F.ZZ(2L * q - 1), F.Power(F.Subtract(nu, F.ZZ(2L * q)), F.CN1));
                    }
                    central = i == 0 ? F.C1 : F.Times(F.Power(nu, F.ZZ(i / 2)), prod, F.Power(fam.arg3(), F.ZZ(i / 2)));
                }
                IExpr mp = k - i == 0 ? F.C1 : F.Power(mu, F.ZZ(k - i));
                s.add(F.Times(F.Binomial(F.ZZ(k), F.ZZ(i)), mp, central));
            }
            return F.Plus(s.toArray(new IExpr[0]));
        }
        List<IExpr> s = new ArrayList<>();
        for (int j = 1; j <= k; j++) {
            IExpr fm;
            if (h == Families.POISSON) {
                fm = F.Power(fam.arg1(), F.ZZ(j));
            } else if (h == Families.BINOMIAL) {
                IExpr falling = F.C1;
                for (int q = 0; q < j; q++) {
                    falling = F.Times(falling, F.Subtract(fam.arg1(), F.ZZ(q)));
                }
                fm = F.Times(falling, F.Power(fam.arg2(), F.ZZ(j)));
            } else {
                IExpr p = fam.arg1();
                fm = F.Times(F.ZZ(factorial(j)), F.Power(F.Divide(F.Subtract(F.C1, p), p), F.ZZ(j)));
            }
            s.add(F.Times(F.ZZ(stirling2(k, j)), fm));
        }
        return F.Plus(s.toArray(new IExpr[0]));
    }

    private static long factorial(int n) {
        long f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** Stirling numbers of the second kind S(n, k), n <= 12. */
    static long stirling2(int n, int k) {
        long[][] s = new long[n + 1][n + 1];
        s[0][0] = 1;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= i; j++) {
                s[i][j] = j * s[i - 1][j] + s[i - 1][j - 1];
            }
        }
        return s[n][k];
    }
}
