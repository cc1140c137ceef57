package org.derivcheck.cas;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.MathContext;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * exp, log and real powers of apfloat numbers, computed with big-math's BigDecimal exp (log by Halley's iteration
 * on it) and returned as
 * apfloat numbers with the precision apfloat itself would give them (exp loses the digits of the argument's
 * integer part, log the digits the argument shares with 1), so the rest of the precise evaluation keeps
 * apfloat's error bookkeeping. At 40-80 digits apfloat's AGM logarithm took about 1.3 ms and its exp (Newton
 * on the log) about 5 ms; big-math's took 0.3 ms and 0.1 ms (C1, this machine): the high-precision re-checks
 * of random points spent most of derivcheck's time there. Outside the range where a BigDecimal holds the
 * value comfortably (decimal exponents beyond 10^8), and for exact (infinite-precision) or non-decimal
 * arguments, apfloat's own functions are used, as before.
 */
final class PreciseElementary {
    private static final int GUARD = 10;
    /** Largest decimal exponent handled through BigDecimal (its scale is an int). */
    private static final long MAX_SCALE = 100_000_000L;
    private static final long MAX_DIGITS = 20_000L;
    private static final Apfloat ONE = new Apfloat(1);

    private PreciseElementary() {
    }

    private static boolean handled(Apfloat x) {
        return x.signum() != 0 && x.radix() == 10 && x.precision() != Apfloat.INFINITE && x.precision() <= MAX_DIGITS
                && Math.abs(x.scale()) <= MAX_SCALE;
    }

    private static BigDecimal big(Apfloat x) {
        return new BigDecimal(x.toString(false));
    }

    static Apfloat exp(Apfloat x) {
        // exp(x) in an x of n integer digits keeps precision(x) - n + 1 digits (apfloat's rule); |x| < 10^9 keeps
        // the result's decimal exponent (up to 4.3e8) inside BigDecimal's range
        if (!handled(x) || x.scale() > 17) {
            return ApfloatMath.exp(x);
        }
        long p = x.precision() - x.scale() + 1;
        if (p <= 0 || p > MAX_DIGITS) {
            return ApfloatMath.exp(x);
        }
        if (x.scale() > 9) {
            return expReduced(x, (int) p);
        }
        BigDecimal r = BigDecimalMath.exp(big(x), new MathContext((int) Math.max(p, x.precision()) + GUARD));
        return new Apfloat(r, p);
    }

    /**
     * exp(x) for 10^9 <= |x| < 10^17, where the result's decimal exponent passes BigDecimal's int scale: x = k ln 10
     * + r with k = round(x / ln 10) and |r| <= ln 10 / 2, so exp(x) = exp(r) 10^k, the power of ten an apfloat
     * exponent shift. ln 10 is taken with the digits of x's integer part more, so that k ln 10 (and r) has an
     * absolute error below 10^-(p + GUARD). apfloat's own exp here computes a logarithm by AGM at each Newton step:
     * 2-5 ms each, the most of derivcheck's high-precision re-checks of points like b^a with a, b near 10^8.
     */
    private static Apfloat expReduced(Apfloat x, int p) {
        BigDecimal bx = big(x);
        int w = (int) x.scale() + p + GUARD;
        BigDecimal ln10 = LN10.computeIfAbsent(w, d -> halleyLog(BigDecimal.TEN, d));
        BigDecimal k = bx.divide(ln10, 0, java.math.RoundingMode.HALF_EVEN);
        BigDecimal r = bx.subtract(ln10.multiply(k));
        BigDecimal er = BigDecimalMath.exp(r, new MathContext(p + GUARD));
        return ApfloatMath.scale(new Apfloat(er, p), k.longValueExact());
    }

    /** The natural logarithm of a positive number. */
    static Apfloat log(Apfloat x) {
        boolean huge = x.signum() > 0 && x.radix() == 10 && x.precision() != Apfloat.INFINITE
                && x.precision() <= MAX_DIGITS && Math.abs(x.scale()) > MAX_SCALE && Math.abs(x.scale()) < Long.MAX_VALUE / 4;
        if (!huge && (!handled(x) || x.signum() < 0 || x.equals(ONE))) {
            return ApfloatMath.log(x);
        }
        long p = x.precision() - ONE.equalDigits(x);
        if (x.scale() > 1) {
            // apfloat's rule: log(m 10^e) keeps the digits of e - 1 more (the result's larger integer part is
            // known to the argument's relative precision)
            p += Long.toString(x.scale() - 1).length() - 1;
        }
        if (p <= 0) {
            return ApfloatMath.log(x);
        }
        if (huge) {
            // beyond BigDecimal's int exponent: log(m 10^e) = log m + e ln 10 with the mantissa m in [1, 10) taken
            // from the apfloat itself (apfloat's AGM logarithm took milliseconds here)
            long e = x.scale() - 1;
            int digits = (int) x.precision() + GUARD;
            int more = digits + Long.toString(Math.abs(e)).length() + 1;
            BigDecimal ln10 = LN10.computeIfAbsent(more, d -> halleyLog(BigDecimal.TEN, d));
            MathContext mc = new MathContext(more);
            BigDecimal m = big(ApfloatMath.scale(x, -e));
            return new Apfloat(halleyLog(m, digits).add(ln10.multiply(BigDecimal.valueOf(e), mc), mc), p);
        }
        // at the argument's full precision: near 1, big-math rounds the argument to the MathContext first
        return new Apfloat(reducedLog(big(x), (int) x.precision() + GUARD), p);
    }

    /** Largest |z| for the series of log(1 + z) in {@link #halleyLog} (each term 6 digits below the last). */
    private static final BigDecimal SERIES = new BigDecimal("1e-6");

    private static final java.util.concurrent.ConcurrentHashMap<Integer, BigDecimal> LN10 =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * log x = log m + e ln 10 with x = m 10^e, 1 <= m < 10 (arguments in [0.9, 10) directly, so that a logarithm
     * near 0 loses nothing to the cancellation of log m against ln 10).
     */
    private static BigDecimal reducedLog(BigDecimal x, int digits) {
        if (x.compareTo(new BigDecimal("0.9")) >= 0 && x.compareTo(BigDecimal.TEN) < 0) {
            return halleyLog(x, digits);
        }
        int e = x.precision() - x.scale() - 1;
        BigDecimal m = x.movePointLeft(e);
        // e ln 10 to 'digits' digits after the point needs the digits of e more
        int more = digits + Integer.toString(Math.abs(e)).length() + 1;
        BigDecimal ln10 = LN10.computeIfAbsent(more, d -> halleyLog(BigDecimal.TEN, d));
        MathContext mc = new MathContext(more);
        return halleyLog(m, digits).add(ln10.multiply(BigDecimal.valueOf(e), mc), mc);
    }

    /**
     * log x for 0.9 <= x <= 10 to an absolute error below 10^-digits: the series of log(1 + z) after one exp of
     * the double logarithm (below); where that start is not close enough, Halley's iteration on exp,
     * y += 2 (x - e^y) / (x + e^y), from the double logarithm (cubic: 16, 48, 144 digits), until a step
     * small enough that the error after it is below 10^-digits. Not big-math's own
     * log: big-math 2.3.2 keeps constants it computed at a lower precision and reuses them at a higher one (after
     * logs at 20 and 40 digits, its log at 80 digits was wrong from the 60th digit on, see
     * PreciseElementaryTest), while its exp agreed with apfloat's at every precision tried, in any order.
     */
    private static BigDecimal halleyLog(BigDecimal x, int digits) {
        MathContext mc = new MathContext(digits + 5);
        BigDecimal y = new BigDecimal(Math.log(x.doubleValue()));
        // one exp, then the series: x = e^y (1 + z) with |z| about 1e-16 (the double log is within an ulp), so
        // log x = y + z - z^2/2 + z^3/3 - ..., each term 16 digits below the last; the tail after a term |z|^n
        // is below |z|^(n+1) / (1 - |z|). Halley's iteration needed two exps for the 50 digits of a 40-digit check.
        BigDecimal ey0 = BigDecimalMath.exp(y, mc);
        BigDecimal z = x.subtract(ey0, mc).divide(ey0, mc);
        if (z.abs().compareTo(SERIES) <= 0) {
            BigDecimal eps = BigDecimal.ONE.movePointLeft(digits + 3);
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal pw = z;
            for (int n = 1; pw.signum() != 0; n++) {
                BigDecimal term = pw.divide(BigDecimal.valueOf(n), mc);
                sum = n % 2 == 1 ? sum.add(term, mc) : sum.subtract(term, mc);
                if (pw.abs().compareTo(eps) < 0) {
                    break;
                }
                pw = pw.multiply(z, mc);
            }
            return y.add(sum, mc);
        }
        // the error after a step is about |step|^3 / 12 (cubic convergence): a step below 10^-((digits + 2) / 3 + 1)
        // leaves an error below 10^-(digits + 2), so no further exp is needed to see it
        BigDecimal enough = BigDecimal.ONE.movePointLeft((digits + 2 + 2) / 3 + 1);
        for (int it = 0; it < 12; it++) {
            BigDecimal ey = BigDecimalMath.exp(y, mc);
            BigDecimal step = x.subtract(ey, mc).multiply(BigDecimal.valueOf(2), mc).divide(x.add(ey, mc), mc);
            y = y.add(step, mc);
            if (step.abs().compareTo(enough) < 0) {
                return y;
            }
        }
        throw new ArithmeticException("log did not converge");
    }

    /** x^y = exp(y log x) for x > 0 (the way apfloat's pow computes it, with the same precision). */
    static Apfloat pow(Apfloat x, Apfloat y) {
        if (!handled(x) || x.signum() < 0 || y.signum() == 0 || y.precision() == Apfloat.INFINITE) {
            return ApfloatMath.pow(x, y);
        }
        return exp(y.multiply(log(x)));
    }
}
