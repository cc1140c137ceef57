package org.derivcheck.special;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.gamma.LogGamma;
import org.junit.jupiter.api.Test;

/** Digamma against closed forms (Abramowitz and Stegun 6.3.2-6.3.4) and a derivative of Commons Numbers' logGamma. */
class DigammaTest {
    private static final double EULER = 0.57721566490153286061;

    @Test
    void matchesClosedFormsAtIntegersAndHalfIntegers() {
        // psi(n) = H_{n-1} - gamma; psi(n + 1/2) = -gamma - 2 ln 2 + sum_{k=1..n} 2/(2k - 1).
        double h = 0;
        double odd = 0;
        for (int n = 1; n <= 80; n++) {
            assertEquals(h - EULER, Digamma.digamma(n), 2e-15 * Math.max(1, Math.abs(h - EULER)), "psi(" + n + ")");
            odd += 2.0 / (2 * n - 1);
            double half = -EULER - 2 * Math.log(2) + odd;
            assertEquals(half, Digamma.digamma(n + 0.5), 2e-15 * Math.max(1, Math.abs(half)), "psi(" + n + ".5)");
            h += 1.0 / n;
        }
        assertEquals(-EULER - 2 * Math.log(2), Digamma.digamma(0.5), 1e-15);
    }

    @Test
    void matchesReferenceValuesAndTheRecurrence() {
        // scipy.special.digamma 1.10.1 (double precision):
        assertEquals(3.117459931930661, Digamma.digamma(23.08708513699999), 1e-14);
        assertEquals(-1000000.5772140199, Digamma.digamma(1e-6), 1e-8);
        assertEquals(-10.423754940411076, Digamma.digamma(0.1), 1e-13);
        for (double x = 0.01; x < 60; x *= 1.37) {
            assertEquals(Digamma.digamma(x) + 1 / x, Digamma.digamma(x + 1), 1e-14 * Math.max(1, 1 / x));
        }
    }

    @Test
    void isTheDerivativeOfLogGamma() {
        // Central difference of Commons Numbers' logGamma, step 1e-5: truncation ~psi''(x) h^2/6 < 1e-9.
        for (double x = 0.3; x < 200; x *= 1.9) {
            double h = 1e-5;
            double fd = (LogGamma.value(x + h) - LogGamma.value(x - h)) / (2 * h);
            assertEquals(fd, Digamma.digamma(x), 1e-8 * Math.max(1, Math.abs(fd)));
        }
    }

    /**
     * Why derivcheck has its own digamma: Commons Math 3.6.1 and Hipparchus 3.0 are off by about 3e-9 at the
     * integers below 49 (the closed form psi(n) = H_{n-1} - gamma); Commons Numbers 1.2 is as accurate as ours.
     */
    @Test
    void theLibrariesDigammaAgainstTheClosedForm() {
        double h = 0;
        double[] worst = new double[4];
        for (int n = 1; n <= 80; n++) {
            double exact = h - EULER;
            double[] err = {Digamma.digamma(n) - exact, org.apache.commons.numbers.gamma.Digamma.value(n) - exact,
                org.apache.commons.math3.special.Gamma.digamma(n) - exact, org.hipparchus.special.Gamma.digamma(n) - exact};
            for (int k = 0; k < 4; k++) {
                worst[k] = Math.max(worst[k], Math.abs(err[k]) / Math.max(1, Math.abs(exact)));
            }
            h += 1.0 / n;
        }
        assertTrue(worst[0] < 2e-15, "derivcheck: " + worst[0]);
        assertTrue(worst[1] < 1e-14, "Commons Numbers: " + worst[1]);
        assertTrue(worst[2] > 1e-9 && worst[2] < 1e-8, "Commons Math 3: " + worst[2]);
        assertTrue(worst[3] > 1e-9 && worst[3] < 1e-8, "Hipparchus: " + worst[3]);
    }

    @Test
    void rejectsNonPositiveArguments() {
        assertThrows(IllegalArgumentException.class, () -> Digamma.digamma(0));
        assertThrows(IllegalArgumentException.class, () -> Digamma.digamma(Double.NaN));
    }
}
