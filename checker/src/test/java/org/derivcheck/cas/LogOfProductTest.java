package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The double compiler's log of a product with exponential factors and of a power (log(a e^z) = log a + z, log(x^k) =
 * k log x for x > 0): the value where the product over- or underflows, the same value elsewhere, and no value
 * where the real log has none. References by hand (the logs written out).
 */
class LogOfProductTest {
    private static Cas cas;
    private static Scope table;

    @BeforeAll
    static void start() {
        cas = Cas.start();
        table = Scope.builder().declare("t", true, false).declare("y", false, false).declare("x", false, false).build();
    }

    @AfterAll
    static void stop() {
        cas.close();
    }

    private static double at(String text, double t, double y, double x) {
        return Cas.compile(Cas.parse(text, table)).eval(new double[] {t, y, x}, new double[0][], new Well19937c(1));
    }

    @Test
    void logsOfProductsThatLeaveDoubleRange() {
        // log(sqrt(t) e^(-t y^2 / 2)) at t = 10^8, y = 3: the product underflows to 0 (its log was -inf)
        double t = 1e8;
        double y = 3;
        assertEquals(0.5 * Math.log(t) - t * y * y / 2, at("Log(Sqrt(t)*Exp(-t*y^2/2))", t, y, 0), 1e-6);
        assertEquals(-t * y * y / 2, at("Log(Exp(-t*y^2/2))", t, y, 0), 1e-6);
        // log(t^500) at t = 10^8: t^k overflows
        assertEquals(500 * Math.log(t), at("Log(t^500)", t, 0, 0), 1e-9 * 500 * Math.log(t));
        // ordinary magnitudes: the same value as the product's log
        assertEquals(Math.log(2.5 * Math.exp(1.25)), at("Log(t*Exp(y))", 2.5, 1.25, 0), 1e-14);
    }

    @Test
    void noValueWhereTheRealLogHasNone() {
        assertTrue(Double.isNaN(at("Log(x*Exp(y))", 1, 2, -3)), "log of a negative product");
        assertEquals(Math.log(9), at("Log(x^2)", 1, 0, -3), 1e-14, "an even power of a negative base is positive");
        assertTrue(Double.isNaN(at("Log(x^3)", 1, 0, -3)), "an odd power of a negative base");
        assertEquals(Double.NEGATIVE_INFINITY, at("Log(x*Exp(y))", 1, 2, 0));
    }
}
