package org.derivcheck.cas;

import java.util.Map;
import org.derivcheck.math.Range;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Interval arithmetic over a reduced expression: the range of values it can take when each symbol lies
 * in its range (outward-rounded, so a range that excludes 0 proves a sign). Anything it does not
 * understand is the whole real line, so a proof by intervals is never wrong, only sometimes missing.
 */
final class Intervals {
    private final Map<ISymbol, Range> ranges;

    Intervals(Map<ISymbol, Range> ranges) {
        this.ranges = ranges;
    }

    Range of(IExpr e) {
        try {
            return eval(e);
        } catch (RuntimeException ex) {
            return Range.ALL;
        }
    }

    private Range eval(IExpr e) {
        if (e.isNumber()) {
            if (!e.isReal()) {
                return Range.ALL;
            }
            double v = e.evalf();
            return e.isInteger() && Math.abs(v) < 9e15 ? Range.point(v) : widen(v, v, false, false);
        }
        if (e.isSymbol()) {
            Range r = ranges.get((ISymbol) e);
            if (r != null) {
                return r;
            }
            if (e == S.Pi) {
                return widen(Math.PI, Math.PI, false, false);
            }
            if (e == S.E) {
                return widen(Math.E, Math.E, false, false);
            }
            return Range.ALL;
        }
        if (!e.isAST()) {
            return Range.ALL;
        }
        IAST a = (IAST) e;
        if (a.head().isSymbol() && a.argSize() == 1 && ranges.containsKey((ISymbol) a.head())) {
            return ranges.get((ISymbol) a.head()); // data x(n): the data symbol's domain
        }
        if (a.isPlus()) {
            Range r = Range.point(0);
            for (IExpr x : a) {
                r = add(r, eval(x));
            }
            return r;
        }
        if (a.isTimes()) {
            Range r = Range.point(1);
            for (IExpr x : a) {
                r = mul(r, eval(x));
            }
            return r;
        }
        if (a.isPower()) {
            return power(eval(a.base()), a.exponent());
        }
        if (a.isAST(S.Exp, 2)) {
            Range x = eval(a.arg1());
            return widen(Math.exp(x.lo()), Math.exp(x.hi()), x.loOpen(), x.hiOpen());
        }
        if (a.isAST(S.Log, 2)) {
            Range x = eval(a.arg1());
            if (!x.positive()) {
                return Range.ALL;
            }
            return widen(Math.log(x.lo()), Math.log(x.hi()), x.loOpen(), x.hiOpen());
        }
        if (a.isAST(S.Abs, 2)) {
            return abs(eval(a.arg1()));
        }
        if (a.isAST(S.Gamma, 2)) {
            return gamma(eval(a.arg1()), false);
        }
        if (a.isAST(S.LogGamma, 2)) {
            return gamma(eval(a.arg1()), true);
        }
        if (a.isAST(S.PolyGamma, 3) && a.arg1().isInteger() && (a.arg1().isZero() || a.arg1().isOne())) {
            Range x = eval(a.arg2());
            if (!x.positive()) {
                return Range.ALL;
            }
            if (a.arg1().isZero()) { // digamma: increasing on (0, inf), -inf at 0
                double lo = x.lo() > 0 ? org.derivcheck.special.Digamma.digamma(x.lo()) : Double.NEGATIVE_INFINITY;
                double hi = Double.isInfinite(x.hi()) ? Double.POSITIVE_INFINITY
                        : org.derivcheck.special.Digamma.digamma(x.hi());
                return loose(lo, hi, 1e-12);
            }
            // trigamma: positive and decreasing on (0, inf)
            double lo = Double.isInfinite(x.hi()) ? 0 : org.hipparchus.special.Gamma.trigamma(x.hi());
            double hi = x.lo() > 0 ? org.hipparchus.special.Gamma.trigamma(x.lo()) : Double.POSITIVE_INFINITY;
            Range r = loose(lo, hi, 1e-12);
            return new Range(Math.max(r.lo(), 0), r.lo() <= 0, r.hi(), r.hiOpen());
        }
        if (a.isAST(S.Sum, 3) && a.arg2().isList() && a.arg2().argSize() == 3) {
            return sum(a);
        }
        if (a.argSize() == 1) {
            Range x = eval(a.arg1());
            if (a.isAST(S.Sin, 2)) {
                return periodic(x, Math.PI / 2, Math::sin);
            }
            if (a.isAST(S.Cos, 2)) {
                return periodic(x, 0, Math::cos);
            }
            if (a.isAST(S.Tan, 2)) {
                return noTurn(x, Math.PI / 2) ? increasing(x, Math::tan) : Range.ALL;
            }
            if (a.isAST(S.ArcTan, 2)) {
                return increasing(x, Math::atan);
            }
            if (a.isAST(S.Tanh, 2)) {
                return increasing(x, Math::tanh);
            }
            if (a.isAST(S.Sinh, 2)) {
                return increasing(x, Math::sinh);
            }
            if (a.isAST(S.Cosh, 2)) {
                return increasing(abs(x), Math::cosh);
            }
            if (a.isAST(S.Erf, 2)) {
                return increasing(x, org.hipparchus.special.Erf::erf);
            }
        }
        if ((a.isAST(S.Max) || a.isAST(S.Min)) && a.argSize() >= 1) {
            boolean max = a.isAST(S.Max);
            double lo = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            double hi = lo;
            for (IExpr x : a) {
                Range r = eval(x);
                lo = max ? Math.max(lo, r.lo()) : Math.min(lo, r.lo());
                hi = max ? Math.max(hi, r.hi()) : Math.min(hi, r.hi());
            }
            return Range.closed(lo, hi);
        }
        return Range.ALL;
    }

    /** Where Gamma (and LogGamma) has its minimum on (0, inf), and the values there. */
    private static final double GAMMA_MIN_AT = 1.4616321449683622;
    private static final double GAMMA_MIN = 0.8856031944108887;
    private static final double LOG_GAMMA_MIN = -0.12148629053584961;

    /**
     * Gamma or LogGamma over x: on (0, inf) decreasing up to its minimum at 1.4616 and increasing after; at a point
     * (also a negative one, between the poles) its value; elsewhere the positive reals (Gamma) or the whole line.
     */
    private static Range gamma(Range x, boolean log) {
        java.util.function.DoubleUnaryOperator f = log ? org.hipparchus.special.Gamma::logGamma : NumericRules::gammaFn;
        if (x.lo() == x.hi() && Double.isFinite(x.lo()) && (x.lo() > 0 || !log)) {
            double v = f.applyAsDouble(x.lo());
            return Double.isFinite(v) ? loose(v, v, 1e-12) : Range.ALL;
        }
        if (!x.positive()) {
            return Range.ALL;
        }
        double atLo = x.lo() > 0 ? f.applyAsDouble(x.lo()) : Double.POSITIVE_INFINITY;
        double atHi = Double.isInfinite(x.hi()) ? Double.POSITIVE_INFINITY : f.applyAsDouble(x.hi());
        Range r;
        if (x.lo() >= GAMMA_MIN_AT) {
            r = loose(atLo, atHi, 1e-12);
        } else if (x.hi() <= GAMMA_MIN_AT) {
            r = loose(atHi, atLo, 1e-12);
        } else {
            r = loose(log ? LOG_GAMMA_MIN : GAMMA_MIN, Math.max(atLo, atHi), 1e-12);
        }
        return log ? r : r.meet(Range.POSITIVE);
    }

    /** The largest magnitude at which the turning points of sin, cos and tan are placed safely in double. */
    private static final double TRIG_LIMIT = 1e8;

    /** Whether no point offset + k pi (a turning point of sin or cos, a pole of tan) lies in x, with a margin. */
    private static boolean noTurn(Range x, double offset) {
        if (!(Math.abs(x.lo()) < TRIG_LIMIT && Math.abs(x.hi()) < TRIG_LIMIT) || x.hi() - x.lo() >= Math.PI) {
            return false;
        }
        double u = (x.lo() - offset) / Math.PI;
        double w = (x.hi() - offset) / Math.PI;
        return Math.floor(u - 1e-6) == Math.floor(w + 1e-6);
    }

    /** sin or cos over x: monotone between turning points (offset + k pi), else within [-1, 1]. */
    private static Range periodic(Range x, double offset, java.util.function.DoubleUnaryOperator f) {
        return noTurn(x, offset) ? increasingOrDecreasing(x, f).meet(Range.closed(-1, 1)) : Range.closed(-1, 1);
    }

    private static Range increasingOrDecreasing(Range x, java.util.function.DoubleUnaryOperator f) {
        double a = f.applyAsDouble(x.lo());
        double b = f.applyAsDouble(x.hi());
        return loose(Math.min(a, b), Math.max(a, b));
    }

    /** An increasing function over x, its values widened for the function's rounding error. */
    private static Range increasing(Range x, java.util.function.DoubleUnaryOperator f) {
        return loose(f.applyAsDouble(x.lo()), f.applyAsDouble(x.hi()));
    }

    /** A closed range widened by 1e-14 of its ends (several units in the last place of a library function). */
    private static Range loose(double lo, double hi) {
        return loose(lo, hi, 1e-14);
    }

    /** A closed range widened by rel of its ends (the accuracy of the function computed). */
    private static Range loose(double lo, double hi, double rel) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return Range.ALL;
        }
        double l = lo - Math.abs(lo) * rel - Double.MIN_NORMAL;
        double h = hi + Math.abs(hi) * rel + Double.MIN_NORMAL;
        return Range.closed(l, h);
    }

    private Range sum(IAST a) {
        IAST it = (IAST) a.arg2();
        Range lo = eval(it.arg2());
        Range hi = eval(it.arg3());
        ISymbol n = (ISymbol) it.arg1();
        Range saved = ranges.put(n, Range.closed(lo.lo(), hi.hi()));
        Range f;
        try {
            f = eval(a.arg1());
        } finally {
            if (saved == null) {
                ranges.remove(n);
            } else {
                ranges.put(n, saved);
            }
        }
        double cl = Math.max(0, Math.ceil(hi.lo()) - Math.floor(lo.hi()) + 1);
        double ch = Math.floor(hi.hi()) - Math.ceil(lo.lo()) + 1;
        if (!(ch >= 0)) {
            return Range.ALL;
        }
        double l = f.lo() >= 0 ? cl * f.lo() : ch * f.lo();
        double h = f.hi() >= 0 ? ch * f.hi() : cl * f.hi();
        boolean lop = f.lo() >= 0 && cl >= 1 && f.loOpen();
        boolean hop = f.hi() <= 0 && cl >= 1 && f.hiOpen();
        return widen(fix(l), fix(h), lop, hop);
    }

    private static double fix(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    static Range add(Range x, Range y) {
        double l = x.lo() + y.lo();
        double h = x.hi() + y.hi();
        if (Double.isNaN(l) || Double.isNaN(h)) {
            return Range.ALL;
        }
        boolean lexact = exactSum(x.lo(), y.lo(), l);
        boolean hexact = exactSum(x.hi(), y.hi(), h);
        double lo = lexact ? l : Math.nextDown(l);
        double hi = hexact ? h : Math.nextUp(h);
        return new Range(lo, (x.loOpen() || y.loOpen()) && lexact, hi, (x.hiOpen() || y.hiOpen()) && hexact);
    }

    static Range abs(Range x) {
        if (x.nonnegative()) {
            return x;
        }
        if (x.nonpositive()) {
            return neg(x);
        }
        return new Range(0, false, Math.max(-x.lo(), x.hi()), false);
    }

    /** True when a + b = s exactly (Knuth's TwoSum error term is zero), or s is infinite. */
    private static boolean exactSum(double a, double b, double s) {
        if (Double.isInfinite(s)) {
            return true;
        }
        double bb = s - a;
        double err = (a - (s - bb)) + (b - bb);
        return err == 0;
    }

    static Range neg(Range x) {
        return new Range(-x.hi(), x.hiOpen(), -x.lo(), x.loOpen());
    }

    private record End(double v, boolean open, boolean exact) {
    }

    private static End prod(double a, boolean ao, double b, boolean bo) {
        if (a == 0 && !ao || b == 0 && !bo) {
            return new End(0, false, true);
        }
        if (a == 0 || b == 0) {
            return new End(0, true, true); // an open zero end times anything: approached, not reached
        }
        double v = a * b;
        boolean exact = Double.isInfinite(v) || Math.fma(a, b, -v) == 0;
        return new End(v, ao || bo, exact);
    }

    static Range mul(Range x, Range y) {
        End[] c = {prod(x.lo(), x.loOpen(), y.lo(), y.loOpen()), prod(x.lo(), x.loOpen(), y.hi(), y.hiOpen()),
                prod(x.hi(), x.hiOpen(), y.lo(), y.loOpen()), prod(x.hi(), x.hiOpen(), y.hi(), y.hiOpen())};
        End lo = c[0];
        End hi = c[0];
        for (End e : c) {
            if (Double.isNaN(e.v())) {
                return Range.ALL;
            }
            if (e.v() < lo.v() || e.v() == lo.v() && !e.open()) {
                lo = e;
            }
            if (e.v() > hi.v() || e.v() == hi.v() && !e.open()) {
                hi = e;
            }
        }
        double l = lo.exact() ? lo.v() : Math.nextDown(lo.v());
        double h = hi.exact() ? hi.v() : Math.nextUp(hi.v());
        return new Range(l, lo.open() && lo.exact(), h, hi.open() && hi.exact());
    }

    private static Range reciprocal(Range x) {
        if (x.positive() || x.negative()) {
            double l = 1 / x.hi();
            double h = 1 / x.lo();
            return widen(l, h, x.hiOpen(), x.loOpen());
        }
        return Range.ALL;
    }

    private Range power(Range b, IExpr ex) {
        if (ex.isInteger()) {
            int k = ex.toIntDefault();
            if (k == Integer.MIN_VALUE) {
                return Range.ALL;
            }
            if (k == 0) {
                return Range.point(1);
            }
            if (Math.abs(k) >= 64) {
                return Range.ALL;
            }
            Range base = k % 2 == 0 ? abs(b) : b;
            Range p = Range.point(1);
            for (int i = 0; i < Math.abs(k); i++) {
                p = mul(p, base);
            }
            return k > 0 ? p : reciprocal(p);
        }
        if (ex.isNumber() && ex.isReal()) {
            double e = ex.evalf();
            if (!b.nonnegative()) {
                return Range.ALL;
            }
            if (e > 0) {
                return widen(Math.pow(b.lo(), e), Math.pow(b.hi(), e), b.loOpen(), b.hiOpen());
            }
            if (!b.positive()) {
                return Range.ALL;
            }
            return widen(Math.pow(b.hi(), e), Math.pow(b.lo(), e), b.hiOpen(), b.loOpen());
        }
        if (b.positive()) {
            Range l = b.positive() ? widen(Math.log(b.lo()), Math.log(b.hi()), b.loOpen(), b.hiOpen()) : Range.ALL;
            Range m = mul(l, eval(ex));
            return widen(Math.exp(m.lo()), Math.exp(m.hi()), m.loOpen(), m.hiOpen());
        }
        return Range.ALL;
    }

    /** Outward rounding by one unit in the last place (exact zeros and infinities stay). */
    static Range widen(double lo, double hi, boolean loOpen, boolean hiOpen) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return Range.ALL;
        }
        double l = lo == 0 || Double.isInfinite(lo) ? lo : Math.nextDown(lo);
        double h = hi == 0 || Double.isInfinite(hi) ? hi : Math.nextUp(hi);
        return new Range(l, loOpen && l == lo, h, hiOpen && h == hi);
    }
}
