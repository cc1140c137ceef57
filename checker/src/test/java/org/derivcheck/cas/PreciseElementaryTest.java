package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/**
 * big-math's exp and log against apfloat's, the independent implementation they replace: the same value to
 * the precision both claim (less 2 digits for the last digit of each), and the precision apfloat gives
 * (exactly for exp and pow; log at most one digit fewer, never more).
 */
class PreciseElementaryTest {
    private static List<Apfloat> arguments(long digits, boolean positive) {
        Random r = new Random(20261202L + digits);
        List<Apfloat> xs = new ArrayList<>();
        for (int k = -40; k <= 40; k += 3) {
            for (int i = 0; i < 4; i++) {
                String m = String.format(java.util.Locale.ROOT, "%.15f", 1 + 8.999 * r.nextDouble());
                String s = (positive || r.nextBoolean() ? "" : "-") + m + "e" + k;
                xs.add(new Apfloat(s, digits));
            }
        }
        for (int k = 1; k < digits - 2; k += 4) {
            xs.add(new Apfloat(1, digits).add(new Apfloat("1e-" + k, digits)));
            xs.add(new Apfloat(1, digits).subtract(new Apfloat("3e-" + k, digits)));
        }
        // exact-looking decimals, as the random points print
        xs.add(new Apfloat("2.5", digits));
        xs.add(new Apfloat("10", digits));
        xs.add(new Apfloat("0.5", digits));
        return xs;
    }

    /** |a - b| at most 10^(2 - p) relative to |b|, p the smaller precision. */
    private static void assertClose(Apfloat mine, Apfloat ref, String what) {
        long p = Math.min(mine.precision(), ref.precision());
        Apfloat diff = ApfloatMath.abs(mine.subtract(ref));
        if (diff.signum() == 0) {
            return;
        }
        long allowed = ref.scale() - p + 2;
        assertTrue(diff.scale() <= allowed, what + ": " + mine + " vs apfloat " + ref + " (precision " + p + ")");
    }

    /** The value to the precision claimed, and a precision at most one digit below apfloat's, never above. */
    private static void assertLogMatches(Apfloat x) {
        Apfloat ref = ApfloatMath.log(x);
        Apfloat mine = PreciseElementary.log(x);
        assertClose(mine, ref, "log(" + x + ")");
        assertTrue(mine.precision() <= ref.precision() && mine.precision() >= ref.precision() - 1,
                "log(" + x + ") precision " + mine.precision() + " vs apfloat's " + ref.precision());
    }

    @Test
    void logAgreesWithApfloat() {
        for (long digits : new long[] {20, 40, 80, 200}) {
            for (Apfloat x : arguments(digits, true)) {
                assertLogMatches(x);
            }
        }
    }

    @Test
    void expAgreesWithApfloat() {
        for (long digits : new long[] {20, 40, 80, 200}) {
            for (Apfloat x : arguments(digits, false)) {
                if (x.scale() > 8) {
                    continue; // exp(+-10^8) and beyond: apfloat's own (the same function) by construction
                }
                Apfloat ref = ApfloatMath.exp(x);
                Apfloat mine = PreciseElementary.exp(x);
                assertClose(mine, ref, "exp(" + x + ")");
                assertEquals(ref.precision(), mine.precision(), "exp(" + x + ") precision");
            }
        }
    }

    @Test
    void powAgreesWithApfloat() {
        Random r = new Random(7);
        for (long digits : new long[] {40, 80}) {
            for (Apfloat x : arguments(digits, true)) {
                if (Math.abs(x.scale()) > 12) {
                    continue;
                }
                Apfloat y = new Apfloat(String.format(java.util.Locale.ROOT, "%.6f", 6 * r.nextDouble() - 3), digits);
                Apfloat ref = ApfloatMath.pow(x, y);
                Apfloat mine = PreciseElementary.pow(x, y);
                assertClose(mine, ref, x + "^" + y);
                assertEquals(ref.precision(), mine.precision(), x + "^" + y + " precision");
            }
        }
    }

    /** Arguments far from 1 (reduced by powers of ten): big-math's own log of 1e-30000 ran for minutes. */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void logsOfHugeAndTinyArgumentsAgree() {
        for (String s : new String[] {"1e-30000", "7.25e-30001", "3.3e5000000", "2.000001e-99999999", "0.95", "9.99",
                "0.099999", "10.00001"}) {
            for (long digits : new long[] {40, 80}) {
                assertLogMatches(new Apfloat(s, digits));
            }
        }
    }

    /** Precision up and down in one JVM: a constant kept from an earlier, lower precision would show. */
    @Test
    void precisionOrderDoesNotMatter() {
        for (long digits : new long[] {20, 40, 80, 30, 160, 50, 300, 45}) {
            for (String s : new String[] {"6.331358726825863e-40", "1e-30000", "2.5", "123.456", "0.9500001"}) {
                Apfloat x = new Apfloat(s, digits);
                assertClose(PreciseElementary.log(x), ApfloatMath.log(x), "log(" + s + ") at " + digits);
                assertClose(PreciseElementary.exp(x), ApfloatMath.exp(x), "exp(" + s + ") at " + digits);
            }
        }
    }

    /**
     * exp of 10^9 <= |x| < 10^17 (argument reduction by ln 10: the result's decimal exponent passes BigDecimal's) and
     * log of arguments beyond 10^(+-10^8) (the mantissa from the apfloat): apfloat's value and precision.
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void hugeExponentsAgreeWithApfloat() {
        for (long digits : new long[] {40, 80}) {
            for (String s : new String[] {"2e9", "-2e9", "1.2345678901234e9", "-7.000000001e12", "5.5e12", "9.87654321e16",
                    "-9.87654321e16", "3.14159e15"}) {
                Apfloat x = new Apfloat(s, digits);
                Apfloat ref = ApfloatMath.exp(x);
                Apfloat mine = PreciseElementary.exp(x);
                assertClose(mine, ref, "exp(" + s + ") at " + digits);
                assertEquals(ref.precision(), mine.precision(), "exp(" + s + ") precision at " + digits);
                assertEquals(ref.scale(), mine.scale(), "exp(" + s + ") scale at " + digits);
            }
            for (String s : new String[] {"3e200000000", "7.7e-300000000", "1.000000000000001e4000000000000",
                    "9.999999e-123456789012", "5e100000001"}) {
                assertLogMatches(new Apfloat(s, digits));
            }
        }
    }

    @Test
    void beyondTheReductionsFallsBackToApfloat() {
        Apfloat big = new Apfloat("2e17", 40);
        assertEquals(ApfloatMath.exp(big.negate()), PreciseElementary.exp(big.negate()));
        Apfloat one = new Apfloat(1, 40);
        assertEquals(ApfloatMath.log(one), PreciseElementary.log(one));
    }
}
