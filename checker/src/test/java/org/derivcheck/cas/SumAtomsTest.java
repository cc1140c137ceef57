package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.junit.jupiter.api.Test;

/**
 * Hiding data sums from the CAS changes no result: each expression evaluated with the sums hidden equals its
 * plain evaluation (their difference expands to 0), sums that hold a derivative's variable stay visible, and
 * the hidden sums come back in the result.
 */
class SumAtomsTest {
    private static final String[] CASES = {
        "D(Log(b + Sum(x(n), {n, 1, nn})), mu)",
        "D(Log(b + mu*Sum(x(n), {n, 1, nn})), mu)",
        "D(Log(b + Sum(mu*x(n), {n, 1, nn})), mu)",
        "D(-tau/2*(Sum(x(n)^2, {n, 1, nn}) - 2*mu*Sum(x(n), {n, 1, nn}) + nn*mu^2), mu)",
        "D(a*Log(b + 1/2*(Sum(x(n)^2, {n, 1, nn}) - Sum(x(n), {n, 1, nn})^2/nn)), b)",
        "Sum((x(n) - mu)^2, {n, 1, nn}) - Sum(x(n)^2, {n, 1, nn}) + 2*mu*Sum(x(n), {n, 1, nn}) - nn*mu^2",
        "D(Sum(Log(x(n)) + y(n), {n, 1, 4})*Sum(x(n), {n, 1, nn}), x(2))",
    };

    @Test
    void sameResultAsThePlainEvaluation() {
        EvalEngine engine = SymjaRuntime.engine();
        for (String s : CASES) {
            IExpr plain = engine.evaluate(engine.parse(s));
            IExpr hidden = SumAtoms.evaluate(engine.parse(s), engine);
            IExpr diff = engine.evaluate(F.ExpandAll(F.Subtract(plain, hidden)));
            assertTrue(diff.isZero(), s + ": plain " + plain + ", with sums hidden " + hidden);
            assertFalse(hidden.toString().contains("datasum"), s + ": a stand-in left in " + hidden);
        }
    }

    @Test
    void sumsWithTheVariableOfADerivativeStayVisible() {
        EvalEngine engine = SymjaRuntime.engine();
        // the sum's upper bound is the variable: d/dN of Sum(x(n), {n, 1, N}) is not 0 in general, so it must stay
        IExpr r = SumAtoms.evaluate(engine.parse("D(Sum(x(n), {n, 1, nn}), nn)"), engine);
        assertFalse(r.isZero(), "D over the sum's bound became " + r);
        // data that is the variable: d/dx(2) of a sum over x
        IExpr q = SumAtoms.evaluate(engine.parse("D(Sum(x(n)^2, {n, 1, nn}), x)"), engine);
        assertEquals(engine.evaluate(engine.parse("D(Sum(x(n)^2, {n, 1, nn}), x)")), q);
    }
}
