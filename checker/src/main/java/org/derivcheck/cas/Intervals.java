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
            Range x = eval(a.arg1());
            return x.positive() ? Range.POSITIVE : Range.ALL;
        }
        if (a.isAST(S.Sum, 3) && a.arg2().isList() && a.arg2().argSize() == 3) {
            return sum(a);
        }
        return Range.ALL;
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
