package org.derivcheck.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A narrow peak away from the law's centre (issue 11, class 9): e^(-10^6 (t - 3)^2) under N(0, 1) falls between all
 * the nodes of one double-exponential rule, which returns 0 with an error estimate of 0; split at the place 3 the
 * pieces resolve it. Closed form: exp(-9a/(1 + 2a))/Sqrt(1 + 2a) at a = 10^6.
 */
class SplitQuadratureTest {
    private static final double A = 1e6;
    private static final double EXACT = Math.exp(-9 * A / (1 + 2 * A)) / Math.sqrt(1 + 2 * A);

    private static double peakUnderNormal(double x) {
        return Math.exp(-A * (x - 3) * (x - 3)) * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }

    @Test
    void onePieceMissesThePeak() {
        DoubleExponential.Result r = DoubleExponential.integrate((x, a, b) -> peakUnderNormal(x),
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 1, 1e-12);
        assertTrue(Math.abs(r.value() - EXACT) > 0.5 * EXACT, "the unsplit rule was expected to miss: " + r);
    }

    @Test
    void splitAtTheNamedPlaceTheRuleResolvesIt() {
        // places in the order a claim's constants give them, most of them far from the peak
        double[] places = {10, -10, Math.sqrt(10), -Math.sqrt(10), 6, -6, 3, -3};
        DoubleExponential.Result r = DoubleExponential.integrate((x, a, b) -> peakUnderNormal(x),
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 1, 1e-12, places);
        assertTrue(r.ok(), r.toString());
        assertEquals(EXACT, r.value(), 1e-12 * EXACT, r.toString());
        // a smooth integrand gives the same value split or not
        DoubleExponential.Result s = DoubleExponential.integrate((x, a, b) -> Math.exp(-x * x / 2) * x * x,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 1, 1e-12, places);
        assertTrue(s.ok(), s.toString());
        assertEquals(Math.sqrt(2 * Math.PI), s.value(), 1e-12);
    }

    @Test
    void theSplitsReachEveryIntegralOnTheThread() {
        Laws.Law n = Laws.of("Normal", new double[] {0, 1}).orElseThrow();
        double missed = Expectations.of(n, x -> Math.exp(-A * (x - 3) * (x - 3)), 1e-12).value();
        double found = Expectations.splitAt(new double[] {3},
                () -> Expectations.of(n, x -> Math.exp(-A * (x - 3) * (x - 3)), 1e-12)).value();
        assertTrue(Math.abs(missed - EXACT) > 0.5 * EXACT, "unsplit: " + missed);
        assertEquals(EXACT, found, 1e-10 * EXACT);
        // the places end with the run
        assertEquals(missed, Expectations.of(n, x -> Math.exp(-A * (x - 3) * (x - 3)), 1e-12).value());
    }
}
