package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Closed-form expectations from a table of known moments, used instead of definite integrals (which
 * Symja 3.0.0 leaves unevaluated). The body is expanded into terms; each term must be a coefficient
 * free of the random variable times a monomial the table knows:
 * <ul>
 *   <li>x ~ Normal(m, v) (v the variance): E[x^k] = sum_i C(k, 2i) m^(k-2i) v^i (2i-1)!!, k = 0, 1, 2, ...</li>
 *   <li>x ~ Gamma(a, b) (b the rate): E[x^k log(x)^j] = d^j/ds^j [Gamma(a+s) / (Gamma(a) b^s)] at s = k,
 *       for any k > -a and j = 0, 1, 2, ... (so E[x] = a/b, E[log x] = psi(a) - log b, E[1/x] = b/(a-1))</li>
 *   <li>x ~ Exponential(r) = Gamma(1, r); x ~ Bernoulli(p): E[f(x)] = p f(1) + (1-p) f(0)</li>
 *   <li>{mu, tau} ~ NormalGamma(m, l, a, b): tau ~ Gamma(a, b), mu | tau ~ Normal(m, 1/(l tau)), taken inner first</li>
 * </ul>
 * Both also take an exponential of a linear function of x beside the monomial: E[x^k e^(c x)] by exponential tilting
 * (Normal: e^(c m + c^2 v / 2) E[y^k] with y ~ Normal(m + c v, v); Gamma: Gamma(a + k) b^a / (Gamma(a) (b - c)^(a + k)),
 * existing only when c < b). Anything else (log of a sum, exp of x^2, ...) is left to quadrature or Monte Carlo. Each entry is confirmed by Monte
 * Carlo in MomentsTest.
 */
final class Moments {
    private Moments() {
    }

    static Optional<IExpr> expect(IExpr body, IAST dist, EvalEngine engine) {
        return expect(body, dist, engine, new Reducer.Conditions(null));
    }

    static Optional<IExpr> expect(IExpr body, IAST dist, EvalEngine engine, Reducer.Conditions conditions) {
        IAST vars = (IAST) dist.arg1();
        IAST fam = (IAST) dist.arg2();
        IExpr h = fam.head();
        if (h == Ops.NORMAL) {
            return normal(body, (ISymbol) vars.arg1(), fam.arg1(), fam.arg2(), engine);
        }
        if (h == Ops.GAMMA) {
            return gamma(body, (ISymbol) vars.arg1(), fam.arg1(), fam.arg2(), engine, conditions, "Gamma(shape, rate)");
        }
        if (h == Ops.EXPONENTIAL) {
            return gamma(body, (ISymbol) vars.arg1(), F.C1, fam.arg1(), engine, conditions, "Exponential(rate)");
        }
        if (h == Ops.BERNOULLI) {
            ISymbol x = (ISymbol) vars.arg1();
            IExpr p = fam.arg1();
            IExpr at1 = Resolver.substitute(body, java.util.Map.of(x, F.C1));
            IExpr at0 = Resolver.substitute(body, java.util.Map.of(x, F.C0));
            return Optional.of(engine.evaluate(F.Plus(F.Times(p, at1), F.Times(F.Subtract(F.C1, p), at0))));
        }
        if (h == Ops.NORMAL_GAMMA) {
            ISymbol mu = (ISymbol) vars.arg1();
            ISymbol tau = (ISymbol) vars.arg2();
            IExpr variance = F.Power(F.Times(fam.arg2(), tau), F.CN1);
            Optional<IExpr> inner = normal(body, mu, fam.arg1(), variance, engine);
            if (inner.isEmpty()) {
                return Optional.empty();
            }
            return gamma(inner.get(), tau, fam.getAt(3), fam.getAt(4), engine, conditions, "NormalGamma(m, lambda, a, b)");
        }
        if (h == SizedFamilies.SIZED) {
            return SizedMoments.expect(body, dist, engine);
        }
        if (VectorFamilies.isVector(h)) {
            return MomentsVector.expect(body, vars, fam, engine, conditions);
        }
        return MomentsMore.expect(body, dist, engine, conditions);
    }

    /** The terms of the fully expanded body. */
    static List<IExpr> terms(IExpr body, EvalEngine engine) {
        IExpr ex = engine.evaluate(F.ExpandAll(body));
        List<IExpr> out = new ArrayList<>();
        if (ex.isPlus()) {
            for (IExpr t : (IAST) ex) {
                out.add(t);
            }
        } else {
            out.add(ex);
        }
        return out;
    }

    /** A term split as coefficient * x^k * log(x)^j; empty when the term has x elsewhere. */
    private record Monomial(IExpr coefficient, IExpr k, int j) {
    }

    private static Optional<Monomial> split(IExpr term, ISymbol x) {
        List<IExpr> factors = new ArrayList<>();
        if (term.isTimes()) {
            for (IExpr f : (IAST) term) {
                factors.add(f);
            }
        } else {
            factors.add(term);
        }
        IExpr coefficient = F.C1;
        IExpr k = F.C0;
        int j = 0;
        for (IExpr f : factors) {
            if (f.isFree(x, true)) {
                coefficient = F.Times(coefficient, f);
            } else if (f == x) {
                k = F.Plus(k, F.C1);
            } else if (f.isPower() && f.base() == x && f.exponent().isFree(x, true)) {
                k = F.Plus(k, f.exponent());
            } else if (f.isAST(S.Log, 2) && f.first() == x) {
                j += 1;
            } else if (f.isPower() && f.base().isAST(S.Log, 2) && f.base().first() == x && f.exponent().isInteger()
                    && f.exponent().toIntDefault() > 0 && f.exponent().toIntDefault() <= 8) {
                j += f.exponent().toIntDefault();
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Monomial(coefficient, k, j));
    }

    private static Optional<IExpr> normal(IExpr body, ISymbol x, IExpr m, IExpr v, EvalEngine engine) {
        List<IExpr> parts = new ArrayList<>();
        boolean tilted = false;
        for (IExpr t : terms(body, engine)) {
            Optional<Tilt> tilt = tilt(t, x, engine);
            if (tilt.isEmpty()) {
                return Optional.empty();
            }
            Optional<Monomial> mono = split(tilt.get().rest(), x);
            if (mono.isEmpty() || mono.get().j() != 0) {
                return Optional.empty();
            }
            IExpr k = engine.evaluate(mono.get().k());
            if (!k.isInteger() || k.toIntDefault() < 0 || k.toIntDefault() > 12) {
                return Optional.empty();
            }
            IExpr c = tilt.get().slope();
            if (c.isZero()) {
                parts.add(F.Times(mono.get().coefficient(), normalMoment(k.toIntDefault(), m, v)));
            } else {
                // exponential tilting: x^k e^(c x) times the Normal(m, v) density is e^(c m + c^2 v / 2) x^k times
                // the Normal(m + c v, v) density, so E[x^k e^(c x + d)] = e^(d + c m + c^2 v / 2) E[y^k], y ~ N(m + c v, v)
                tilted = true;
                IExpr scale = F.Exp(F.Plus(tilt.get().offset(), F.Times(c, m), F.Times(F.C1D2, F.Sqr(c), v)));
                parts.add(F.Times(mono.get().coefficient(), scale, normalMoment(k.toIntDefault(), F.Plus(m, F.Times(c, v)), v)));
            }
        }
        IExpr sum = F.Plus(parts.toArray(new IExpr[0]));
        return Optional.of(engine.evaluate(tilted ? sum : F.ExpandAll(sum)));
    }

    /** A term as rest * e^(slope x + offset), slope and offset free of x (slope 0: no exponential of x in it). */
    private record Tilt(IExpr rest, IExpr slope, IExpr offset) {
    }

    /** The exponentials of x among the term's factors, when their exponents together are linear in x; else empty. */
    private static Optional<Tilt> tilt(IExpr term, ISymbol x, EvalEngine engine) {
        List<IExpr> rest = new ArrayList<>();
        List<IExpr> exponents = new ArrayList<>();
        for (IExpr f : factors(term)) {
            if (f.isPower() && f.base() == S.E && !f.exponent().isFree(x, true)) {
                exponents.add(f.exponent());
            } else {
                rest.add(f);
            }
        }
        if (exponents.isEmpty()) {
            return Optional.of(new Tilt(term, F.C0, F.C0));
        }
        IExpr e = engine.evaluate(F.Expand(F.Plus(exponents.toArray(new IExpr[0]))));
        IExpr slope = engine.evaluate(F.D(e, x));
        if (!slope.isFree(x, true) || !slope.isFree(y -> y.isAST(S.D) || y.isAST(S.Derivative), true)) {
            return Optional.empty();
        }
        IExpr offset = engine.evaluate(F.Expand(F.Subtract(e, F.Times(slope, x))));
        if (!offset.isFree(x, true)) {
            return Optional.empty();
        }
        IExpr r = rest.isEmpty() ? F.C1 : rest.size() == 1 ? rest.get(0) : F.Times(rest.toArray(new IExpr[0]));
        return Optional.of(new Tilt(r, slope, offset));
    }

    /** E[x^k] for x ~ Normal(m, v). */
    static IExpr normalMoment(int k, IExpr m, IExpr v) {
        List<IExpr> s = new ArrayList<>();
        long doubleFactorial = 1; // (2i-1)!!
        for (int i = 0; 2 * i <= k; i++) {
            if (i > 0) {
                doubleFactorial *= 2L * i - 1;
            }
            // m^0 and v^0 are written as 1: Symja makes 0^0 Indeterminate when m = 0
            IExpr mp = k - 2 * i == 0 ? F.C1 : F.Power(m, F.ZZ(k - 2L * i));
            IExpr vp = i == 0 ? F.C1 : F.Power(v, F.ZZ(i));
            s.add(F.Times(F.Binomial(F.ZZ(k), F.ZZ(2L * i)), mp, vp, F.ZZ(doubleFactorial)));
        }
        return F.Plus(s.toArray(new IExpr[0]));
    }

    /**
     * For x > 0 almost surely: log(c x^k) = log(c) + k log(x) on the principal branch for any c, so the
     * log of a product is split around x (and only around x).
     */
    static IExpr splitLogs(IExpr body, ISymbol x) {
        return body.replaceAll(e -> {
            if (!e.isAST(S.Log, 2) || e.first().isFree(x, true) || e.first() == x) {
                return F.NIL;
            }
            IExpr arg = e.first();
            List<IExpr> rest = new ArrayList<>();
            IExpr k = F.C0;
            List<IExpr> factors = new ArrayList<>();
            if (arg.isTimes()) {
                for (IExpr f : (IAST) arg) {
                    factors.add(f);
                }
            } else {
                factors.add(arg);
            }
            for (IExpr f : factors) {
                if (f == x) {
                    k = F.Plus(k, F.C1);
                } else if (f.isPower() && f.base() == x && f.exponent().isFree(x, true) && f.exponent().isRealResult()) {
                    k = F.Plus(k, f.exponent());
                } else if (f.isFree(x, true)) {
                    rest.add(f);
                } else {
                    return F.NIL;
                }
            }
            IExpr logRest = rest.isEmpty() ? F.C0 : F.Log(rest.size() == 1 ? rest.get(0) : F.Times(rest.toArray(new IExpr[0])));
            return F.Plus(logRest, F.Times(k, F.Log(x)));
        }).orElse(body);
    }

    /** Gamma(x + k) = Gamma(x) x (x+1) ... (x+k-1) and Gamma(x - k) = Gamma(x) / ((x-1) ... (x-k)), whole k up to 8. */
    static IExpr shiftGamma(IExpr e) {
        return e.replaceAll(g -> {
            if (!g.isAST(S.Gamma, 2) || !g.first().isPlus() || !g.first().first().isInteger()) {
                return F.NIL;
            }
            int k = g.first().first().toIntDefault();
            if (k == 0 || Math.abs(k) > 8) {
                return F.NIL;
            }
            IExpr base = ((IAST) g.first()).rest().oneIdentity0();
            List<IExpr> factors = new ArrayList<>();
            factors.add(F.Gamma(base));
            for (int i = 0; i < Math.abs(k); i++) {
                IExpr f = k > 0 ? F.Plus(base, F.ZZ(i)) : F.Power(F.Plus(base, F.ZZ(-(i + 1))), F.CN1);
                factors.add(f);
            }
            return F.Times(factors.toArray(new IExpr[0]));
        }).orElse(e);
    }

    static Optional<IExpr> gamma(IExpr body, ISymbol x, IExpr a, IExpr b, EvalEngine engine, Reducer.Conditions conditions,
            String family) {
        body = splitLogs(body, x);
        List<IExpr> parts = new ArrayList<>();
        ISymbol s = F.Dummy("s");
        IExpr mgf = F.Divide(F.Gamma(F.Plus(a, s)), F.Times(F.Gamma(a), F.Power(b, s)));
        boolean tilted = false;
        for (IExpr t : terms(body, engine)) {
            Optional<Tilt> tilt = tilt(t, x, engine);
            if (tilt.isEmpty()) {
                return Optional.empty();
            }
            Optional<Monomial> mono = split(tilt.get().rest(), x);
            if (mono.isEmpty()) {
                return Optional.empty();
            }
            IExpr k = engine.evaluate(mono.get().k());
            IExpr c = tilt.get().slope();
            if (!c.isZero()) {
                // E[x^k e^(c x)] = Gamma(a + k) / Gamma(a) b^a / (b - c)^(a + k): the density times e^(c x) is a Gamma(a, b - c)
                // one, so the expectation exists only when c < b (and a + k > 0)
                if (mono.get().j() != 0) {
                    return Optional.empty();
                }
                if (conditions.table != null) {
                    conditions.add(Requirement.Kind.EXISTENCE, engine.evaluate(F.Subtract(b, c)), true, false, "E["
                            + new Expr(F.Exp(F.Times(c, x)), conditions.table) + "] under " + family + " exists only when");
                }
                if (!(k.isNumber() && k.isReal() && k.evalf() >= 0) && conditions.table != null) {
                    conditions.add(Requirement.Kind.EXISTENCE, engine.evaluate(F.Plus(a, k)), true, false, "E["
                            + new Expr(F.Times(F.Power(x, k), F.Exp(F.Times(c, x))), conditions.table) + "] under " + family
                            + " exists only when");
                }
                // (b / (b - c))^a rather than b^a (b - c)^-a: the two powers overflow and underflow together in double
                // (inf * 0 at large a), their ratio does not
                IExpr at = F.Times(F.Gamma(F.Plus(a, k)), F.Power(F.Gamma(a), F.CN1),
                        F.Power(F.Times(b, F.Power(F.Subtract(b, c), F.CN1)), a),
                        F.Power(F.Subtract(b, c), F.Negate(k)), F.Exp(tilt.get().offset()));
                parts.add(F.Times(mono.get().coefficient(), at));
                tilted = true;
                continue;
            }
            if (!(k.isNumber() && k.isReal() && k.evalf() >= 0) && conditions.table != null) {
                conditions.add(Requirement.Kind.EXISTENCE, engine.evaluate(F.Plus(a, k)), true, false, "E["
                        + new Expr(F.Power(x, k), conditions.table) + "] under " + family + " exists only when");
            }
            IExpr moment = mono.get().j() == 0 ? mgf : F.D(mgf, F.List(s, F.ZZ(mono.get().j())));
            IExpr at = engine.evaluate(moment);
            at = Resolver.substitute(at, java.util.Map.of(s, k));
            parts.add(F.Times(mono.get().coefficient(), at));
        }
        IExpr sum = engine.evaluate(F.Plus(parts.toArray(new IExpr[0])));
        // Gamma(a+k)/Gamma(a) to polynomials in a, psi(a+k) to psi(a) plus rational terms; a tilted term keeps its
        // power of (b - c) unexpanded (a diagnosis compares the student's (r + 1)^2 with it, not with r^2 + 2 r + 1)
        return Optional.of(tilted ? engine.evaluate(Simplification.shiftPolyGamma(shiftGamma(sum))) : tidy(sum, engine));
    }

    /** The factors of a product (the term itself when it is not one). */
    static List<IExpr> factors(IExpr term) {
        List<IExpr> out = new ArrayList<>();
        if (term.isTimes()) {
            for (IExpr f : (IAST) term) {
                out.add(f);
            }
        } else {
            out.add(term);
        }
        return out;
    }

    /** A closed form as the table returns it: Gamma and PolyGamma shifted to their lowest arguments, expanded. */
    static IExpr tidy(IExpr e, EvalEngine engine) {
        return engine.evaluate(F.ExpandAll(engine.evaluate(Simplification.shiftPolyGamma(shiftGamma(e)))));
    }
}
