package org.derivcheck.math;

/**
 * A real interval with open or closed ends (an infinite end is always open), for proving that an
 * expression keeps its sign over a declared domain: positive is (0, inf), a probability (0, 1).
 */
public record Range(double lo, boolean loOpen, double hi, boolean hiOpen) {
    public static final Range ALL = new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
    public static final Range POSITIVE = new Range(0, true, Double.POSITIVE_INFINITY, true);
    public static final Range NONNEGATIVE = new Range(0, false, Double.POSITIVE_INFINITY, true);
    public static final Range NEGATIVE = new Range(Double.NEGATIVE_INFINITY, true, 0, true);
    public static final Range UNIT_OPEN = new Range(0, true, 1, true);
    public static final Range UNIT = new Range(0, false, 1, false);

    public Range {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            lo = Double.NEGATIVE_INFINITY;
            hi = Double.POSITIVE_INFINITY;
        }
        loOpen = loOpen || Double.isInfinite(lo);
        hiOpen = hiOpen || Double.isInfinite(hi);
    }

    public static Range point(double v) {
        return new Range(v, false, v, false);
    }

    public static Range closed(double lo, double hi) {
        return new Range(lo, false, hi, false);
    }

    /** Every value is > 0. */
    public boolean positive() {
        return lo > 0 || lo == 0 && loOpen;
    }

    /** Every value is >= 0. */
    public boolean nonnegative() {
        return lo >= 0;
    }

    /** No value is > 0: the range lies in (-inf, 0]. */
    public boolean nonpositive() {
        return hi <= 0;
    }

    /** Some value is <= 0 for sure (the range is a point or lies at or below 0). */
    public boolean negative() {
        return hi < 0 || hi == 0 && hiOpen;
    }

    /** The intersection with lo &lt;(=) x &lt;(=) hi. */
    public Range meet(Range o) {
        double l = lo;
        boolean lop = loOpen;
        if (o.lo > l || o.lo == l && o.loOpen) {
            l = o.lo;
            lop = o.loOpen;
        }
        double h = hi;
        boolean hop = hiOpen;
        if (o.hi < h || o.hi == h && o.hiOpen) {
            h = o.hi;
            hop = o.hiOpen;
        }
        return new Range(l, lop, h, hop);
    }

    @Override
    public String toString() {
        return (loOpen ? "(" : "[") + lo + ", " + hi + (hiOpen ? ")" : "]");
    }
}
