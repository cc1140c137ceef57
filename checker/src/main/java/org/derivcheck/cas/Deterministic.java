package org.derivcheck.cas;

import java.util.Optional;
import org.derivcheck.cas.NumericFunction.QuadratureLog;
import org.derivcheck.integrate.DoubleExponential;
import org.derivcheck.integrate.Expectations;
import org.derivcheck.integrate.Laws;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Compiled expectations evaluated without randomness: a one-dimensional family by double-exponential
 * quadrature or a series (package integrate), NormalGamma as nested quadrature (tau outside, mu | tau
 * inside). Every integral's error estimate and whether it was resolved go to the frame's log.
 */
final class Deterministic {
    /** Relative accuracy asked of every integral (relative to the integral of |f p|). */
    static final double TOLERANCE = 1e-12;
    /** Nested quadrature up to this many variables; beyond, Monte Carlo. */
    static final int MAX_DIMENSIONS = 2;

    private Deterministic() {
    }

    /**
     * Where the body has a kink in the variable of a one-dimensional expectation: the zero of g in Abs(g), of
     * g - h in Max(g, h) and Min(g, h), for each g linear in the variable (a x + b, a and b free of it and of the
     * variables bound inside the body), compiled as -b/a. The quadrature splits there: double-exponential rules
     * converge only algebraically across a kink inside a segment (E[|t - 1/3|] under Uniform(0, 1) stayed
     * unresolved at 1e-12), and exponentially on each smooth piece.
     */
    static NumericCompiler.Node[] kinks(NumericCompiler c, IExpr body, IAST vars) {
        if (vars.argSize() != 1 || !(vars.arg1() instanceof ISymbol x)) {
            return new NumericCompiler.Node[0];
        }
        java.util.Set<IExpr> bound = new java.util.HashSet<>();
        walk(body, e -> {
            if (e.isAST() && e.head() == Ops.EXPECTATION && e.size() == 3 && e.getAt(2).isAST() && e.getAt(2).first().isList()) {
                for (IExpr v : (IAST) e.getAt(2).first()) {
                    bound.add(v);
                }
            } else if (e.isAST() && e.size() == 3 && e.getAt(2).isList() && ((IAST) e.getAt(2)).argSize() >= 1) {
                bound.add(((IAST) e.getAt(2)).arg1()); // Sum(f, {n, 1, N}), Product(...)
            }
        });
        java.util.List<NumericCompiler.Node> out = new java.util.ArrayList<>();
        java.util.Set<IExpr> seen = new java.util.HashSet<>();
        walk(body, e -> {
            IExpr g = e.isAST(S.Abs, 2) ? e.first()
                    : (e.isAST(S.Max, 3) || e.isAST(S.Min, 3))
                    ? F.Subtract(e.first(), e.second()) : null;
            IExpr[] ab = g == null || !g.isFree(v -> bound.contains(v), true) ? null : linear(g, x);
            if (ab != null && !ab[0].isZero() && out.size() < 16) {
                IExpr at = F.Times(F.CN1, ab[1],
                        F.Power(ab[0], F.CN1));
                if (seen.add(at)) {
                    try {
                        out.add(c.node(at));
                    } catch (RuntimeException ex) {
                        // a kink that cannot be compiled is not a cut: the quadrature runs as before
                    }
                }
            }
        });
        return out.toArray(new NumericCompiler.Node[0]);
    }

    /** e and every sub-expression of it. */
    private static void walk(IExpr e, java.util.function.Consumer<IExpr> visit) {
        visit.accept(e);
        if (e.isAST()) {
            for (IExpr a : (IAST) e) {
                walk(a, visit);
            }
        }
    }

    /** {a, b} with e = a x + b, a and b free of x (as unevaluated expressions), or null when e is not of that form. */
    static IExpr[] linear(IExpr e, ISymbol x) {
        if (e.isFree(x, true)) {
            return new IExpr[] {F.C0, e};
        }
        if (e.equals(x)) {
            return new IExpr[] {F.C1, F.C0};
        }
        if (e.isPlus()) {
            java.util.List<IExpr> as = new java.util.ArrayList<>();
            java.util.List<IExpr> bs = new java.util.ArrayList<>();
            for (IExpr t : (IAST) e) {
                IExpr[] ab = linear(t, x);
                if (ab == null) {
                    return null;
                }
                as.add(ab[0]);
                bs.add(ab[1]);
            }
            return new IExpr[] {F.Plus(as.toArray(new IExpr[0])),
                    F.Plus(bs.toArray(new IExpr[0]))};
        }
        if (e.isTimes()) {
            IExpr[] inner = null;
            java.util.List<IExpr> rest = new java.util.ArrayList<>();
            for (IExpr t : (IAST) e) {
                if (t.isFree(x, true)) {
                    rest.add(t);
                } else if (inner == null) {
                    inner = linear(t, x);
                    if (inner == null) {
                        return null;
                    }
                } else {
                    return null;
                }
            }
            IExpr k = rest.isEmpty() ? F.C1 : rest.size() == 1 ? rest.get(0) : F.Times(rest.toArray(new IExpr[0]));
            return new IExpr[] {F.Times(k, inner[0]),
                    F.Times(k, inner[1])};
        }
        return null;
    }

    static NumericCompiler.Node node(IExpr head, NumericCompiler.Node[] params, int[] vs, NumericCompiler.Node body,
            NumericCompiler.Node[] kinks) {
        String name = Ops.familyName((ISymbol) head);
        if (head == Ops.NORMAL_GAMMA) {
            return f -> {
                double[] p = values(params, f);
                if (p == null || !(p[1] > 0)) {
                    return Double.NaN;
                }
                Optional<Laws.Law> tauLaw = Laws.of("Gamma", new double[] {p[2], p[3]});
                if (tauLaw.isEmpty()) {
                    return Double.NaN;
                }
                return integrate(f, tauLaw.get(), tau -> {
                    f.slots[vs[1]] = tau;
                    Optional<Laws.Law> muLaw = Laws.of("Normal", new double[] {p[0], 1 / (p[1] * tau)});
                    if (muLaw.isEmpty()) {
                        return Double.NaN;
                    }
                    return integrate(f, muLaw.get(), mu -> {
                        f.slots[vs[0]] = mu;
                        return body.eval(f);
                    });
                });
            };
        }
        if (!Laws.knows(name)) {
            throw new CasException(CasException.Kind.ERROR, "no deterministic rule for the family " + name);
        }
        return f -> {
            double[] p = values(params, f);
            if (p == null) {
                return Double.NaN;
            }
            Optional<Laws.Law> law = Laws.of(name, p);
            if (law.isEmpty()) {
                return Double.NaN;
            }
            double[] cuts = new double[kinks.length];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = kinks[i].eval(f);
            }
            return integrate(f, law.get(), x -> {
                f.slots[vs[0]] = x;
                return body.eval(f);
            }, cuts);
        };
    }

    /** A Monte Carlo replicate for the families added after the report's: one draw from the law per evaluation. */
    static NumericCompiler.Node sampled(IExpr head, NumericCompiler.Node[] params, int[] vs, NumericCompiler.Node body) {
        String name = Ops.familyName((ISymbol) head);
        if (!Laws.knows(name)) {
            throw new CasException(CasException.Kind.ERROR, "cannot evaluate numerically: the distribution " + name);
        }
        return f -> {
            double[] p = values(params, f);
            if (p == null) {
                return Double.NaN;
            }
            Optional<Laws.Law> law = Laws.of(name, p);
            if (law.isEmpty()) {
                return Double.NaN;
            }
            f.slots[vs[0]] = law.get().sample(f.rng);
            return body.eval(f);
        };
    }

    static double[] values(NumericCompiler.Node[] params, NumericCompiler.Frame f) {
        double[] p = new double[params.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = params[i].eval(f);
            if (Double.isNaN(p[i])) {
                return null;
            }
        }
        return p;
    }

    static double integrate(NumericCompiler.Frame f, Laws.Law law, java.util.function.DoubleUnaryOperator body) {
        return integrate(f, law, body, new double[0]);
    }

    /** The expectation, the quadrature split at the cuts inside the support (kinks of the body). */
    static double integrate(NumericCompiler.Frame f, Laws.Law law, java.util.function.DoubleUnaryOperator body, double[] cuts) {
        QuadratureLog log = f.log;
        log.depth++;
        DoubleExponential.Result r;
        try {
            r = Expectations.of(law, body, TOLERANCE, cuts);
        } finally {
            log.depth--;
        }
        log.record(r);
        return r.value();
    }
}
