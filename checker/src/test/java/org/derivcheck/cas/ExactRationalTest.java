package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.apfloat.AprationalMath;
import org.junit.jupiter.api.Test;

/**
 * The plain-fraction exact mode against apfloat's Aprational (an independent implementation of the same
 * arithmetic): same values at random points, same undefined points, and the fallback to apfloat past the size
 * limit.
 */
class ExactRationalTest {
    private static Scope table() {
        Scope.Builder t = Scope.builder();
        t.declare("x", false, false);
        t.declare("y", false, false);
        return t.build();
    }

    private static PreciseFunction exact(String e) {
        return PreciseFunction.exact(Cas.parse(e, table())).orElseThrow();
    }

    private static Aprational q(double v) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v);
        return d.scale() <= 0 ? new Apint(d.toBigIntegerExact())
                : new Aprational(new Apint(d.unscaledValue()), new Apint(BigInteger.TEN.pow(d.scale())));
    }

    @Test
    void rationalFunctionAgreesWithAprationalAtRandomPoints() {
        PreciseFunction f = exact("(x*y + 3/7)^3/(x + y)^2 - (x - 1)*(y + 2)/(x^2 + 1)");
        SplittableRandom rng = new SplittableRandom(42);
        for (int i = 0; i < 200; i++) {
            double x = Math.round((rng.nextDouble() * 20 - 10) * 1e6) / 1e6;
            double y = Math.round((rng.nextDouble() * 20 - 10) * 1e4) / 1e4;
            Aprational ax = q(x);
            Aprational ay = q(y);
            Aprational s = ax.add(ay);
            Optional<NumericFunction.Precise.Value> v = f.eval(new double[] {x, y}, null, 40);
            if (s.signum() == 0) {
                assertTrue(v.isEmpty(), "a pole at x + y = 0");
                continue;
            }
            Aprational t = ax.multiply(ay).add(new Aprational(new Apint(3), new Apint(7)));
            Aprational expect = AprationalMath.pow(t, 3).divide(s.multiply(s)).subtract(ax.subtract(Apint.ONE)
                    .multiply(ay.add(new Apint(2))).divide(ax.multiply(ax).add(Apint.ONE)));
            NumericFunction.Precise.Value got = v.orElseThrow();
            assertTrue(got.exact());
            assertEquals(0, got.subtract(new PreciseValue(expect, true, 40)).signum(), x + ", " + y);
            String plain = toPlain(expect);
            if (plain.length() <= 60) {
                assertEquals(plain, got.toString(), "printed value");
            } else {
                assertTrue(got.toString().contains("(exactly " + plain.substring(0, 25) + "..., " + plain.length()),
                        got.toString());
            }
            double d = new PreciseValue(expect, true, 40).toDouble();
            assertEquals(d, got.toDouble(), 2 * Math.ulp(d), "as a double");
        }
    }

    private static String toPlain(Aprational a) {
        return a.denominator().equals(Apint.ONE) ? a.numerator().toString(true)
                : a.numerator().toString(true) + "/" + a.denominator().toString(true);
    }

    @Test
    void printsLikeApfloat() {
        PreciseFunction f = exact("x/y + 1/3");
        PreciseValue v = (PreciseValue) f.eval(new double[] {2.5, -4}, null, 40).orElseThrow();
        assertEquals("-7/24", v.toString());
        assertEquals(-7.0 / 24, v.toDouble(), 1e-16);
        assertEquals(Math.log10(7.0 / 24), v.log10Abs(), 1e-12);
        assertEquals("7/24", v.negate().toString());
    }

    @Test
    void sumsProductsAbsAndData() {
        Scope.Builder t = Scope.builder();
        t.declare("x", false, false);
        t.declare("d", false, true);
        Scope s = t.build();
        PreciseFunction f = PreciseFunction.exact(Cas.parse("Sum(k^2, {k, 1, 100}) + Product(x, {k, 1, 3}) + Abs(x - 5)"
                + " + d(2)", s)).orElseThrow();
        NumericFunction.Precise.Value v = f.eval(new double[] {1.5}, new double[][] {{1, 0.25}}, 40).orElseThrow();
        // 338350 + 27/8 + 7/2 + 1/4
        assertEquals("2706857/8", v.toString());
        PreciseFunction g = PreciseFunction.exact(Cas.parse("d(3)", s)).orElseThrow();
        assertTrue(g.eval(new double[] {1.5}, new double[][] {{1, 0.25}}, 40).isEmpty(), "past the data");
    }

    @Test
    void zeroPowersAsApfloat() {
        PreciseFunction f = exact("1/x^2");
        assertTrue(f.eval(new double[] {0, 1}, null, 40).isEmpty(), "a pole");
        assertTrue(f.evaluate(new double[] {0.5, 1}, null, 40).value().isPresent());
        assertThrows(ArithmeticException.class, () -> ExactRational.Q.ZERO.pow(0));
    }

    @Test
    void valuesPastTheLimitFallBackToApfloat() {
        // (x^900)^300 has 270,000 times the bits of x: past the limit, apfloat evaluates it (exactly as before)
        PreciseFunction f = exact("(x^900)^300 - (x^300)^900 + y");
        NumericFunction.Precise.Value v = f.eval(new double[] {3, 0.5}, null, 40).orElseThrow();
        assertEquals("1/2", v.toString());
        assertThrows(ExactRational.TooLarge.class, () -> ExactRational.Q.of(3).pow(400_000));
    }
}
