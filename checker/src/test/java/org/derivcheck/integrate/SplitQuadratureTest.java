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

    @Test
    void aNestedIntegralIsSplitWhereItsIntegrandHasAPeak() {
        // E_u[E_t[e^(-10^6 (t - 3)^2) u^2]] with u ~ U(0, 1): the peak is in the inner integral
        Laws.Law n = Laws.of("Normal", new double[] {0, 1}).orElseThrow();
        Laws.Law u = Laws.of("Uniform", new double[] {0, 1}).orElseThrow();
        double[] places = {10, -10, Math.sqrt(10), 6, 3, -3, 0.5};
        double nested = Expectations.splitAt(places, () -> Expectations.of(u,
                y -> y * y * Expectations.of(n, x -> Math.exp(-A * (x - 3) * (x - 3)), 1e-12).value(), 1e-12)).value();
        assertEquals(EXACT / 3, nested, 1e-9 * EXACT);
    }

    @Test
    void featuresAreThePlacesWithANarrowPeakOrPole() {
        Laws.Law n = Laws.of("Normal", new double[] {0, 1}).orElseThrow();
        DoubleExponential.Integrand peak = (x, a, b) -> peakUnderNormal(x);
        double[] found = Expectations.features(peak, n, new double[] {-3, 1, 2.9, 3, 10});
        assertEquals(1, found.length, java.util.Arrays.toString(found));
        assertEquals(3, found[0]);
        // a smooth integrand has none; a kink (|t - 1|) does
        DoubleExponential.Integrand smooth = (x, a, b) -> Math.exp(-x * x / 2) * (1 + x * x);
        assertEquals(0, Expectations.features(smooth, n, new double[] {-3, 0, 1, 2.9, 3}).length);
        DoubleExponential.Integrand kink = (x, a, b) -> Math.exp(-x * x / 2) * Math.abs(x - 1);
        assertEquals(0, Expectations.features(kink, n, new double[] {1}).length); // 0 at the kink: the body's own cuts
        DoubleExponential.Integrand kinkUp = (x, a, b) -> Math.exp(-x * x / 2) * (1 + Math.abs(x - 1));
        assertEquals(1, Expectations.features(kinkUp, n, new double[] {1}).length);
    }
}
