package org.derivcheck.cas;

import java.util.LinkedHashSet;
import java.util.Set;
import org.hipparchus.analysis.solvers.LaguerreSolver;
import org.hipparchus.complex.Complex;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Where the integrand of an expectation may change faster than a quadrature rule's nodes see: read from the
 * expression tree, not from its printed text (the CAS writes e^(-10^6 (t - 3)^2) as
 * Exp(6000000 t - 1000000 t^2 - 9000000), which names no 3). For every sub-expression that is a polynomial in the
 * variable of an enclosing expectation, with numeric coefficients (degree 1 to 16), the real roots of the
 * polynomial (a kink of Abs or Max, a pole, a zero of a squared argument) and of its derivative (the centre of a
 * peak e^(-K P(t)) or 1/(1 + K P(t))). The largest polynomials are taken, not their parts.
 */
final class SplitPlaces {
    private static final int MAX_PLACES = 24;
    private static final int MAX_DEGREE = 16;

    private final EvalEngine engine;
    private final Set<Double> out = new LinkedHashSet<>();

    private SplitPlaces(EvalEngine engine) {
        this.engine = engine;
    }

    static double[] of(EvalEngine engine, IExpr... sides) {
        SplitPlaces p = new SplitPlaces(engine);
        for (IExpr s : sides) {
            p.walk(s, new java.util.ArrayList<>());
        }
        return p.out.stream().limit(MAX_PLACES).mapToDouble(Double::doubleValue).toArray();
    }

    private void walk(IExpr e, java.util.List<ISymbol> vars) {
        if (out.size() >= MAX_PLACES || !e.isAST()) {
            return;
        }
        IAST a = (IAST) e;
        if (a.head() == Ops.EXPECTATION && a.argSize() >= 2) {
            java.util.List<ISymbol> inner = new java.util.ArrayList<>(vars);
            for (int i = 2; i <= a.argSize(); i++) {
                if (a.get(i).isAST() && ((IAST) a.get(i)).argSize() >= 1) {
                    IExpr v = ((IAST) a.get(i)).arg1();
                    if (v.isList()) {
                        for (IExpr x : (IAST) v) {
                            if (x instanceof ISymbol s) {
                                inner.add(s);
                            }
                        }
                    } else if (v instanceof ISymbol s) {
                        inner.add(s);
                    }
                    walk(((IAST) a.get(i)), vars); // the law's parameters
                }
            }
            walk(a.arg1(), inner);
            return;
        }
        for (ISymbol v : vars) {
            if (!e.isFree(v) && polynomial(a, v)) {
                return;
            }
        }
        for (IExpr x : a) {
            walk(x, vars);
        }
    }

    /** Adds the real roots of e and of its derivative when e is a polynomial in v alone; whether it was one. */
    private boolean polynomial(IAST e, ISymbol v) {
        if (!e.isPolynomial(F.List(v))) {
            return false;
        }
        IExpr list = engine.evaluate(F.CoefficientList(e, v));
        if (!list.isList() || list.argSize() < 2 || list.argSize() > MAX_DEGREE + 1) {
            return false;
        }
        double[] c = new double[list.argSize()];
        for (int i = 0; i < c.length; i++) {
            IExpr k = ((IAST) list).get(i + 1);
            if (!k.isReal()) {
                return false; // another symbol in a coefficient: the places move with it
            }
            c[i] = k.evalf();
            if (!Double.isFinite(c[i])) {
                return false;
            }
        }
        // the turning points first: a double root (the centre of e^(-K (t - c)^2)) is found there exactly, where a
        // root finder places two roots sqrt(eps) apart
        double[] d = new double[c.length - 1];
        for (int i = 1; i < c.length; i++) {
            d[i - 1] = i * c[i];
        }
        roots(d);
        roots(c);
        return true;
    }

    private void roots(double[] c) {
        int n = c.length;
        while (n > 0 && c[n - 1] == 0) {
            n--;
        }
        if (n < 2) {
            return;
        }
        double[] k = java.util.Arrays.copyOf(c, n);
        if (n == 2) {
            add(-k[0] / k[1]);
            return;
        }
        try {
            for (Complex z : new LaguerreSolver(1e-15, 1e-15).solveAllComplex(k, 0)) {
                if (Math.abs(z.getImaginary()) <= 1e-7 * (1 + Math.abs(z.getReal()))) {
                    add(z.getReal());
                }
            }
        } catch (RuntimeException e) {
            // no convergence: the printed constants still give places
        }
    }

    /** A place, unless one lies within 1e-6 of it (relative beyond 1): the same feature found twice. */
    private void add(double x) {
        if (!Double.isFinite(x) || out.size() >= MAX_PLACES) {
            return;
        }
        for (double y : out) {
            if (Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x))) {
                return;
            }
        }
        out.add(x == 0 ? 0.0 : x);
    }
}
