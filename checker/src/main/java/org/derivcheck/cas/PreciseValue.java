package org.derivcheck.cas;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Aprational;

/**
 * A number from {@link PreciseFunction}: exact (a rational) or with a stated number of significant digits.
 * Arithmetic between two values keeps exactness only when both are exact.
 */
public final class PreciseValue {
    private final Apfloat v;
    private final boolean exact;
    private final int digits;

    PreciseValue(Apfloat v, boolean exact, int digits) {
        this.v = v;
        this.exact = exact;
        this.digits = digits;
    }

    public boolean exact() {
        return exact;
    }

    /** Significant digits (for an exact value, the digits it was asked for). */
    public int digits() {
        return digits;
    }

    public int signum() {
        return v.signum();
    }

    public PreciseValue subtract(PreciseValue o) {
        boolean both = exact && o.exact;
        Apfloat d = both ? ((Aprational) v).subtract((Aprational) o.v) : v.subtract(o.v);
        return new PreciseValue(d, both, Math.min(digits, o.digits));
    }

    public PreciseValue negate() {
        return new PreciseValue(exact ? ((Aprational) v).negate() : v.negate(), exact, digits);
    }

    /** log10 |x|, or negative infinity for 0: magnitudes far outside double's range stay comparable. */
    public double log10Abs() {
        if (v.signum() == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        Apfloat a = ApfloatMath.abs(v);
        if (exact) {
            Aprational q = (Aprational) a;
            return log10(q.numerator()) - log10(q.denominator());
        }
        return log10(a);
    }

    private static double log10(Apfloat a) {
        long scale = a.scale(); // a = m * 10^scale with 0.1 <= m < 1
        Apfloat m = ApfloatMath.scale(a, -scale);
        return scale + Math.log10(m.precision(20).doubleValue());
    }

    /** The value as a double (infinite when it overflows double's range, 0 when it underflows). */
    public double toDouble() {
        double l = log10Abs();
        if (l > 308.2) {
            return v.signum() * Double.POSITIVE_INFINITY;
        }
        if (l < -323) {
            return 0;
        }
        return exact ? v.precision(30).doubleValue() : v.doubleValue();
    }

    /** For people: an exact rational as p/q (abbreviated when long), otherwise about 20 significant digits. */
    @Override
    public String toString() {
        if (exact) {
            Aprational q = (Aprational) v;
            String s = q.denominator().equals(org.apfloat.Apint.ONE) ? q.numerator().toString(true)
                    : q.numerator().toString(true) + "/" + q.denominator().toString(true);
            if (s.length() <= 60) {
                return s;
            }
            return new PreciseValue(v.precision(25), false, 25).toString() + " (exactly " + s.substring(0, 25) + "..., "
                    + s.length() + " characters)";
        }
        Apfloat r = ApfloatMath.round(v, Math.min(20, digits), java.math.RoundingMode.HALF_EVEN);
        double l = log10Abs();
        if (Math.abs(l) < 15) {
            String s = r.toString(true);
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        return r.toString(false);
    }
}
