package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/**
 * Values beyond apfloat's range (issue 11, class 5), against references computed with mpmath at 40 digits
 * (Debian python3-mpmath: {@code mp.dps = 40}; {@code log10(2) * 10**30}, {@code loggamma(10**20) / log(10)}).
 */
class PreciseMagnitudeTest {
    private static Scope table() {
        Scope.Builder t = Scope.builder();
        t.declare("x", false, false);
        return t.build();
    }

    private static PreciseMagnitude.Mag mag(String expr, double x, int digits) {
        return PreciseMagnitude.of(Cas.parse(expr, table())).orElseThrow().eval(new double[] {x}, null, digits).orElseThrow();
    }

    /** log10 of the magnitude, to compare with a reference. */
    private static Apfloat log10(PreciseMagnitude.Mag m) {
        return m.ln().divide(ApfloatMath.log(new Apfloat(10, m.ln().precision())));
    }

    /**
     * |a - ref| below 10^-9 absolute: the references are printed to 10 decimals or more (40 significant digits), so
     * an error in the tenth decimal of a log of 10^29 is an error in the 39th digit; a wrong exponent rule is off by
     * far more (log10(2) alone is 0.3).
     */
    private static void close(String ref, Apfloat a) {
        Apfloat d = ApfloatMath.abs(a.subtract(new Apfloat(ref, 60)));
        assertTrue(d.compareTo(new Apfloat("1e-9")) < 0, a + " vs " + ref);
    }

    @Test
    void hugePowersKeepTheirExponent() {
        PreciseMagnitude.Mag m = mag("2^(10^30)", 0, 30);
        assertEquals(1, m.sign());
        close("301029995663981195213738894724.4930267682", log10(m));
        // an odd power of a negative number is negative
        assertEquals(-1, mag("(-3)^(10^25 + 1)", 0, 30).sign());
        assertEquals(1, mag("(-3)^(10^25)", 0, 30).sign());
        assertEquals(-1, mag("x^(10^20 + 1)", -1, 30).sign(), "(-1)^(odd) at x = -1");
    }

    @Test
    void gammaOfAHugeArgumentByItsLog() {
        close("1956570551809674817225.286198042518549295", log10(mag("Gamma(10^20)", 0, 30)));
    }

    @Test
    void aQuotientOfHugePowersIsAnOrdinaryNumber() {
        // (1 + 10^-20)^(10^20) = exp(10^20 log(1 + 10^-20)) = exp(1 - 5e-21 + ...): the logs of the two huge
        // powers must be carried to 60 digits for their difference to keep its 40
        PreciseMagnitude.Mag m = mag("(1 + 10^(-20))^(10^20)", 0, 40);
        close("0.999999999999999999995", m.ln());
    }

    @Test
    void sumsRelativeToTheirLargestTerm() {
        PreciseMagnitude.Mag m = mag("2^(10^30) - 2^(10^30 - 1)", 0, 30);
        assertEquals(1, m.sign()); // = 2^(10^30 - 1)
        close("301029995663981195213738894724.1919967725", log10(m));
        // terms that cancel exactly cannot be told from a tiny difference: unresolved, never a value
        assertThrows(PreciseMagnitude.Unresolved.class, () -> mag("2^(10^30) - 2^(10^30)", 0, 30));
    }

    @Test
    void undefinedWhereTheRealValueIsMissing() {
        assertTrue(PreciseMagnitude.of(Cas.parse("Log(-2^(10^30))", table())).orElseThrow().eval(new double[] {0}, null, 30)
                .isEmpty());
        assertTrue(PreciseMagnitude.of(Cas.parse("(-2)^(1/2)", table())).orElseThrow().eval(new double[] {0}, null, 30)
                .isEmpty());
    }

    @Test
    void printedWithItsDecimalExponent() {
        String s = PreciseValue.ofMagnitude(mag("2^(10^30)", 0, 30), 30).toString();
        assertTrue(s.startsWith("3.11190813687387") && s.endsWith("e+301029995663981195213738894724"), s);
    }
}
