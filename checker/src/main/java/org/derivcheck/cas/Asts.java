package org.derivcheck.cas;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/** Copies and exact constants of Symja expressions, for the classes of this package. */
final class Asts {
    private Asts() {
    }

    /**
     * A copy whose every node is new: Symja may sort the arguments of a mutable AST in place while it
     * evaluates, which must never change an expression as the student wrote it.
     */
    static IExpr deepCopy(IExpr e) {
        if (!e.isAST()) {
            return e;
        }
        org.matheclipse.core.interfaces.IAST a = (org.matheclipse.core.interfaces.IAST) e;
        org.matheclipse.core.interfaces.IASTAppendable c = F.ast(deepCopy(a.head()), a.argSize());
        for (IExpr x : a) {
            c.append(deepCopy(x));
        }
        return c;
    }

    static IExpr exact(double v) {
        java.math.BigDecimal d = new java.math.BigDecimal(v);
        if (d.scale() <= 0) {
            return F.ZZ(d.toBigIntegerExact());
        }
        return F.QQ(F.ZZ(d.unscaledValue()), F.ZZ(java.math.BigInteger.TEN.pow(d.scale())));
    }
}
