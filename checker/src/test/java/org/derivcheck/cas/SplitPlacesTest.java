package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The places where a quadrature is split are read from the expression tree: the CAS writes e^(-10^6 (t - 3)^2) as
 * Exp(6000000 t - 1000000 t^2 - 9000000), whose printed constants name no 3; the turning point of the polynomial does.
 */
class SplitPlacesTest {
    private static Scope table() {
        Scope.Builder t = Scope.builder();
        t.declare("t", false, false);
        t.declare("u", false, false);
        t.declare("a", true, false);
        return t.build();
    }

    private static double[] places(String text) {
        Expr e = Cas.parse(text, table());
        org.matheclipse.core.interfaces.IExpr x = SymjaRuntime.engine().evaluate(F_expand(e));
        return SplitPlaces.of(SymjaRuntime.engine(), x);
    }

    private static org.matheclipse.core.interfaces.IExpr F_expand(Expr e) {
        return org.matheclipse.core.expression.F.Expand(e.ast);
    }

    private static boolean has(double[] ps, double v) {
        return Arrays.stream(ps).anyMatch(p -> Math.abs(p - v) <= 1e-9 * Math.max(1, Math.abs(v)));
    }

    @Test
    void theCentreOfAnExpandedPeak() {
        double[] ps = places("Expectation(Exp(-10^6*(t - 3)^2), t ~ Normal(0, 1))");
        assertTrue(has(ps, 3), Arrays.toString(ps));
    }

    @Test
    void rootsOfKinksAndPolesAndTurningPointsOfCubics() {
        assertTrue(has(places("Expectation(Abs(2*t - 7), t ~ Normal(0, 1))"), 3.5));
        assertTrue(has(places("Expectation(1/(1 + 10^8*(t - 1)^2), t ~ Exponential(1))"), 1));
        double[] ps = places("Expectation(Exp(-10^6*(t^3 - 8)^2), t ~ Normal(0, 1))");
        assertTrue(has(ps, 2), Arrays.toString(ps));
    }

    @Test
    void onlyPolynomialsInTheVariableWithNumericCoefficients() {
        // the peak moves with a: no fixed place; outside an expectation t names nothing
        assertEquals(0, places("Expectation(Exp(-10^6*(t - a)^2), t ~ Normal(0, 1))").length);
        assertEquals(0, places("(t - 3)^2").length);
    }
}
