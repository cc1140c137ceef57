package org.derivcheck.cas;

import java.util.Optional;
import org.derivcheck.cas.NumericFunction.QuadratureLog;
import org.derivcheck.integrate.DoubleExponential;
import org.derivcheck.integrate.Expectations;
import org.derivcheck.integrate.Laws;
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

    static NumericCompiler.Node node(IExpr head, NumericCompiler.Node[] params, int[] vs, NumericCompiler.Node body) {
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
            return integrate(f, law.get(), x -> {
                f.slots[vs[0]] = x;
                return body.eval(f);
            });
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
        QuadratureLog log = f.log;
        log.depth++;
        DoubleExponential.Result r;
        try {
            r = Expectations.of(law, body, TOLERANCE);
        } finally {
            log.depth--;
        }
        log.record(r);
        return r.value();
    }
}
