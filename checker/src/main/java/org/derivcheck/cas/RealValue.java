package org.derivcheck.cas;

import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Evaluation under real semantics at 30 digits: every sub-expression, innermost first, must have a real
 * value. A CAS computes in the complex numbers, where Sqrt(-1)^2 = -1 and Exp(Log(-2)) = -2; under the
 * real semantics of a derivation both are undefined, and a claim whose one side is undefined where the
 * other is defined is false there.
 */
final class RealValue {
    private RealValue() {
    }

    /** Integer exponents above this are not evaluated exactly (the CAS would build numbers of millions of bits). */
    static final int MAX_EXPONENT = 10_000;

    /** Whether an expression has a power with a literal integer exponent too large to evaluate exactly. */
    static boolean tooLarge(IExpr e) {
        if (!e.isAST()) {
            return false;
        }
        IAST a = (IAST) e;
        if (a.isPower() && a.arg2().isInteger()) {
            try {
                if (Math.abs(((org.matheclipse.core.interfaces.IInteger) a.arg2()).toLong()) > MAX_EXPONENT) {
                    return true;
                }
            } catch (ArithmeticException ex) {
                return true;
            }
        }
        if (a.isPower() && !a.arg2().isNumber() && !a.arg2().isSymbol()) {
            IExpr ex = F.eval(a.arg2());
            if (ex.isInteger() && ((org.matheclipse.core.interfaces.IInteger) ex).abs().bitLength() > 14) {
                return true;
            }
        }
        for (IExpr x : a) {
            if (tooLarge(x)) {
                return true;
            }
        }
        return false;
    }

    static Cas.RealPair pair(IExpr l, IExpr r, EvalEngine engine) {
        if (tooLarge(l) || tooLarge(r)) {
            throw new CasException(CasException.Kind.LIMIT, "an integer exponent above " + MAX_EXPONENT);
        }
        IExpr lv = of(l, engine);
        IExpr rv = of(r, engine);
        boolean zero = false;
        boolean exact = false;
        double diff = Double.NaN;
        if (lv != null && rv != null) {
            IExpr d = engine.evaluate(F.Subtract(l, r));
            zero = d.isZero() && !d.isInexactNumber();
            exact = zero || d.isRational(); // an exact nonzero rational difference has an exact sign
            diff = zero ? 0 : toDouble(exact ? d : engine.evaluate(F.N(F.Subtract(lv, rv), F.ZZ(30))));
        }
        return new Cas.RealPair(toDouble(lv), toDouble(rv), zero, diff, exact);
    }

    static double toDouble(IExpr v) {
        if (v == null) {
            return Double.NaN;
        }
        try {
            return v.evalf();
        } catch (RuntimeException ex) {
            return Double.NaN;
        }
    }

    /** The real value, or null when some sub-expression has none (complex, a pole, indeterminate). */
    static IExpr of(IExpr e, EvalEngine engine) {
        if (e.isAST()) {
            IAST a = (IAST) e;
            boolean iterator = false;
            for (IExpr x : a) {
                iterator |= x.isList();
            }
            if (!iterator) { // sums and products over an index are evaluated whole
                IASTAppendable c = F.ast(a.head(), a.argSize());
                for (IExpr x : a) {
                    IExpr v = of(x, engine);
                    if (v == null) {
                        return null;
                    }
                    c.append(v);
                }
                e = c;
            }
        }
        IExpr r = engine.evaluate(F.N(e, F.ZZ(30)));
        if (r.isIndeterminate() || r.isComplexInfinity() || r.isDirectedInfinity() || r.isInfinity()
                || r.isNegativeInfinity()) {
            return null;
        }
        if (r.isNumber() && !r.isReal()) {
            return null;
        }
        return r;
    }
}
