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
    /** A value known only by its sign and ln|x| ({@link PreciseMagnitude}), when {@code v} is null. */
    private final PreciseMagnitude.Mag mag;

    PreciseValue(Apfloat v, boolean exact, int digits) {
        this.v = v;
        this.exact = exact;
        this.digits = digits;
        this.mag = null;
    }

    private PreciseValue(PreciseMagnitude.Mag mag, int digits) {
        this.v = null;
        this.exact = false;
        this.digits = digits;
        this.mag = mag;
    }

    /** A value beyond apfloat's range, known by its sign and the log of its magnitude. */
    static PreciseValue ofMagnitude(PreciseMagnitude.Mag m, int digits) {
        return new PreciseValue(m, digits);
    }

    /** The apfloat value (an Aprational when exact); null for a magnitude-only value. */
    Apfloat raw() {
        return v;
    }

    /** True when the value is known only by sign and magnitude (arithmetic on it is not available). */
    public boolean isMagnitude() {
        return v == null;
    }

    /** ln|x| of a magnitude value. */
    public Apfloat ln() {
        return mag != null ? mag.ln() : ApfloatMath.log(ApfloatMath.abs(v));
    }

    public boolean exact() {
        return exact;
    }

    /** Significant digits (for an exact value, the digits it was asked for). */
    public int digits() {
        return digits;
    }

    public int signum() {
        return v == null ? mag.sign() : v.signum();
    }

    public PreciseValue subtract(PreciseValue o) {
        if (v == null || o.v == null) {
            throw new ArithmeticException("no arithmetic on values known only by their magnitude");
        }
        boolean both = exact && o.exact;
        Apfloat d = both ? ((Aprational) v).subtract((Aprational) o.v) : v.subtract(o.v);
        return new PreciseValue(d, both, Math.min(digits, o.digits));
    }

    public PreciseValue negate() {
        if (v == null) {
            return new PreciseValue(new PreciseMagnitude.Mag(-mag.sign(), mag.ln()), digits);
        }
        return new PreciseValue(exact ? ((Aprational) v).negate() : v.negate(), exact, digits);
    }

    /** log10 |x|, or negative infinity for 0: magnitudes far outside double's range stay comparable. */
    public double log10Abs() {
        if (v == null) {
            return mag.sign() == 0 ? Double.NEGATIVE_INFINITY : mag.ln().precision(20).doubleValue() / Math.log(10);
        }
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
            return signum() * Double.POSITIVE_INFINITY;
        }
        if (l < -323) {
            return 0;
        }
        if (v == null) {
            return mag.sign() * Math.exp(mag.ln().precision(20).doubleValue());
        }
        return exact ? v.precision(30).doubleValue() : v.doubleValue();
    }

    /** For people: an exact rational as p/q (abbreviated when long), otherwise about 20 significant digits. */
    @Override
    public String toString() {
        if (v == null) {
            return magnitudeString();
        }
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

    /** sign, mantissa and decimal exponent from ln|x|: 1.0715086071862673e+301029995663981195213738894 */
    private String magnitudeString() {
        if (mag.sign() == 0) {
            return "0";
        }
        long p = mag.ln().precision();
        if (Math.abs(mag.ln().precision(20).doubleValue()) < 30) {
            // a number of ordinary size (a quotient of huge powers): 25 digits show a difference far down
            Apfloat x = ApfloatMath.round(ApfloatMath.exp(mag.ln()), Math.min(25, Math.max(digits, 1)),
                    java.math.RoundingMode.HALF_EVEN);
            return (mag.sign() < 0 ? "-" : "") + x.toString(true);
        }
        Apfloat l10 = mag.ln().divide(ApfloatMath.log(new Apfloat(10, p)));
        Apfloat e = l10.floor();
        Apfloat m = ApfloatMath.round(ApfloatMath.pow(new Apfloat(10, p), l10.subtract(e).precision(Math.min(p, 40))),
                Math.min(17, digits), java.math.RoundingMode.HALF_EVEN);
        if (m.compareTo(new Apfloat(10)) >= 0) {
            m = m.divide(new Apfloat(10, m.precision()));
            e = e.add(Apfloat.ONE);
        }
        String mant = m.toString(true);
        return (mag.sign() < 0 ? "-" : "") + mant + "e" + (e.signum() >= 0 ? "+" : "") + e.toString(true);
    }
}
