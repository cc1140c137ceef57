package org.derivcheck.cas;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Aprational;

/**
 * A number from {@link PreciseFunction}: exact (a rational) or with a stated number of significant digits.
 * Arithmetic between two values keeps exactness only when both are exact. Seen from outside as a
 * {@link NumericFunction.Precise.Value}.
 */
final class PreciseValue implements NumericFunction.Precise.Value {
    /** The apfloat value; for a value made from a fraction, made on first need. */
    private Apfloat v;
    /** The exact value as a plain fraction, when it was computed so (arithmetic on it needs no apfloat). */
    private final ExactRational.Q q;
    private final boolean exact;
    private final int digits;
    /** A value known only by its sign and ln|x| ({@link PreciseMagnitude}), when {@code v} is null. */
    private final PreciseMagnitude.Mag mag;

    PreciseValue(Apfloat v, boolean exact, int digits) {
        this.v = v;
        this.q = null;
        this.exact = exact;
        this.digits = digits;
        this.mag = null;
    }

    /** An exact value computed on plain fractions. */
    PreciseValue(ExactRational.Q q, int digits) {
        this.v = null;
        this.q = q;
        this.exact = true;
        this.digits = digits;
        this.mag = null;
    }

    private PreciseValue(PreciseMagnitude.Mag mag, int digits) {
        this.v = null;
        this.q = null;
        this.exact = false;
        this.digits = digits;
        this.mag = mag;
    }

    /** The apfloat value (made from the fraction on first need); null for a magnitude-only value. */
    private Apfloat val() {
        if (v == null && q != null) {
            v = q.toAprational();
        }
        return v;
    }

    /** A value beyond apfloat's range, known by its sign and the log of its magnitude. */
    static PreciseValue ofMagnitude(PreciseMagnitude.Mag m, int digits) {
        return new PreciseValue(m, digits);
    }

    /** The apfloat value (an Aprational when exact); null for a magnitude-only value. */
    Apfloat raw() {
        return val();
    }

    /** True when the value is known only by sign and magnitude (arithmetic on it is not available). */
    @Override
    public boolean isMagnitude() {
        return v == null && q == null;
    }

    /** ln|x| of a magnitude value. */
    @Override
    public Apfloat ln() {
        return mag != null ? mag.ln() : ApfloatMath.log(ApfloatMath.abs(val()));
    }

    @Override
    public boolean exact() {
        return exact;
    }

    /** Significant digits (for an exact value, the digits it was asked for). */
    @Override
    public int digits() {
        return digits;
    }

    @Override
    public int signum() {
        return q != null ? q.signum() : v == null ? mag.sign() : v.signum();
    }

    @Override
    public PreciseValue subtract(NumericFunction.Precise.Value other) {
        PreciseValue o = (PreciseValue) other;
        if (q != null && o.q != null) {
            return new PreciseValue(q.add(o.q.negate()), Math.min(digits, o.digits));
        }
        if (isMagnitude() || o.isMagnitude()) {
            throw new ArithmeticException("no arithmetic on values known only by their magnitude");
        }
        boolean both = exact && o.exact;
        Apfloat d = both ? ((Aprational) val()).subtract((Aprational) o.val()) : val().subtract(o.val());
        return new PreciseValue(d, both, Math.min(digits, o.digits));
    }

    PreciseValue negate() {
        if (q != null) {
            return new PreciseValue(q.negate(), digits);
        }
        if (v == null) {
            return new PreciseValue(new PreciseMagnitude.Mag(-mag.sign(), mag.ln()), digits);
        }
        return new PreciseValue(exact ? ((Aprational) v).negate() : v.negate(), exact, digits);
    }

    /** log10 |x|, or negative infinity for 0: magnitudes far outside double's range stay comparable. */
    @Override
    public double log10Abs() {
        if (q != null) {
            return q.signum() == 0 ? Double.NEGATIVE_INFINITY : log10(q.num.abs()) - log10(q.den);
        }
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

    private static double log10(java.math.BigInteger b) {
        int shift = Math.max(0, b.bitLength() - 1000);
        return Math.log10(b.shiftRight(shift).doubleValue()) + shift * Math.log10(2);
    }

    private static double log10(Apfloat a) {
        long scale = a.scale(); // a = m * 10^scale with 0.1 <= m < 1
        Apfloat m = ApfloatMath.scale(a, -scale);
        return scale + Math.log10(m.precision(20).doubleValue());
    }

    /** The value as a double (infinite when it overflows double's range, 0 when it underflows). */
    @Override
    public double toDouble() {
        double l = log10Abs();
        if (l > 308.2) {
            return signum() * Double.POSITIVE_INFINITY;
        }
        if (l < -323) {
            return 0;
        }
        if (q != null) {
            return new java.math.BigDecimal(q.num).divide(new java.math.BigDecimal(q.den), new java.math.MathContext(30))
                    .doubleValue();
        }
        if (v == null) {
            return mag.sign() * Math.exp(mag.ln().precision(20).doubleValue());
        }
        return exact ? v.precision(30).doubleValue() : v.doubleValue();
    }

    /** For people: an exact rational as p/q (abbreviated when long), otherwise about 20 significant digits. */
    @Override
    public String toString() {
        if (isMagnitude()) {
            return magnitudeString();
        }
        if (exact) {
            String s;
            if (q != null) {
                s = q.isInteger() ? q.num.toString() : q.num + "/" + q.den;
            } else {
                Aprational r = (Aprational) v;
                s = r.denominator().equals(org.apfloat.Apint.ONE) ? r.numerator().toString(true)
                        : r.numerator().toString(true) + "/" + r.denominator().toString(true);
            }
            if (s.length() <= 60) {
                return s;
            }
            return new PreciseValue(val().precision(25), false, 25).toString() + " (exactly " + s.substring(0, 25) + "..., "
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
