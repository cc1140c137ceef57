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
        if (!handled(x) || x.scale() > 9) {
            return ApfloatMath.exp(x);
        }
        long p = x.precision() - x.scale() + 1;
        if (p <= 0 || p > MAX_DIGITS) {
            return ApfloatMath.exp(x);
        }
        BigDecimal r = BigDecimalMath.exp(big(x), new MathContext((int) Math.max(p, x.precision()) + GUARD));
        return new Apfloat(r, p);
    }

    /** The natural logarithm of a positive number. */
    static Apfloat log(Apfloat x) {
        if (!handled(x) || x.signum() < 0 || x.equals(ONE)) {
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
        // at the argument's full precision: near 1, big-math rounds the argument to the MathContext first
        return new Apfloat(reducedLog(big(x), (int) x.precision() + GUARD), p);
    }

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
     * log x for 0.9 <= x <= 10 to an absolute error below 10^-digits: Halley's iteration on exp,
     * y += 2 (x - e^y) / (x + e^y), from the double logarithm (cubic: 16, 48, 144 digits), until a step
     * small enough that the error after it is below 10^-digits. Not big-math's own
     * log: big-math 2.3.2 keeps constants it computed at a lower precision and reuses them at a higher one (after
     * logs at 20 and 40 digits, its log at 80 digits was wrong from the 60th digit on, see
     * PreciseElementaryTest), while its exp agreed with apfloat's at every precision tried, in any order.
     */
    private static BigDecimal halleyLog(BigDecimal x, int digits) {
        MathContext mc = new MathContext(digits + 5);
        BigDecimal y = new BigDecimal(Math.log(x.doubleValue()));
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
