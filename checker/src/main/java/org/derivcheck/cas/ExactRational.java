package org.derivcheck.cas;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The exact mode of {@link PreciseFunction} on plain {@link BigInteger} fractions: the same constructs (rational
 * constants, symbols, data, sums and products, integer powers, Abs, an unevaluated Rational) with the same
 * results, about 20-100 times faster than apfloat's Aprational on the small numbers random points give (a
 * rational function of four 17-digit points: 9 ms with Aprational, well under 0.1 ms here), where the exact
 * re-checks of random points spent most of their time. A value that would grow past {@link #MAX_BITS} throws
 * {@link TooLarge}: the caller then evaluates the same point with apfloat (its FFT multiplication is faster
 * there, and it stops when asked, which BigInteger does not).
 */
final class ExactRational {
    /** Bits a numerator or denominator may reach here (about 79,000 decimal digits). */
    static final long MAX_BITS = 1L << 18;

    /** Thrown when a value would outgrow {@link #MAX_BITS}. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("too large for plain fractions", null, false, false);
        }
    }

    /** A reduced fraction, den > 0. */
    static final class Q {
        static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);
        static final Q ONE = new Q(BigInteger.ONE, BigInteger.ONE);
        final BigInteger num;
        final BigInteger den;

        private Q(BigInteger num, BigInteger den) {
            this.num = num;
            this.den = den;
        }

        static Q of(BigInteger n, BigInteger d) {
            if (d.signum() == 0) {
                throw new ArithmeticException("division by zero");
            }
            if (d.signum() < 0) {
                n = n.negate();
                d = d.negate();
            }
            BigInteger g = n.gcd(d);
            return g.equals(BigInteger.ONE) ? new Q(n, d) : new Q(n.divide(g), d.divide(g));
        }

        static Q of(long i) {
            return new Q(BigInteger.valueOf(i), BigInteger.ONE);
        }

        /** The decimal a double prints as (2.57 is 257/100), as {@link PreciseFunction#number} takes it. */
        static Q of(double v) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("not a finite number: " + v);
            }
            BigDecimal d = BigDecimal.valueOf(v);
            return d.scale() <= 0 ? new Q(d.toBigIntegerExact(), BigInteger.ONE)
                    : of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
        }

        int signum() {
            return num.signum();
        }

        boolean isInteger() {
            return den.equals(BigInteger.ONE);
        }

        Q add(Q o) {
            if (den.equals(BigInteger.ONE) && o.den.equals(BigInteger.ONE)) {
                return new Q(num.add(o.num), BigInteger.ONE);
            }
            guard(num.bitLength() + o.den.bitLength(), o.num.bitLength() + den.bitLength());
            return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
        }

        Q multiply(Q o) {
            guard(num.bitLength() + o.num.bitLength(), den.bitLength() + o.den.bitLength());
            if (den.equals(BigInteger.ONE) && o.den.equals(BigInteger.ONE)) {
                return new Q(num.multiply(o.num), BigInteger.ONE);
            }
            return of(num.multiply(o.num), den.multiply(o.den));
        }

        Q negate() {
            return new Q(num.negate(), den);
        }

        /** this^k; 0^0 and 0^(negative) throw ArithmeticException, as apfloat does. */
        Q pow(long k) {
            if (k == 0) {
                if (num.signum() == 0) {
                    throw new ArithmeticException("Zero to power zero");
                }
                return ONE;
            }
            if (num.signum() == 0) {
                if (k < 0) {
                    throw new ArithmeticException("division by zero");
                }
                return ZERO;
            }
            long m = Math.abs(k);
            guard((long) num.bitLength() * m, (long) den.bitLength() * m);
            BigInteger n = num.pow((int) m);
            BigInteger d = den.pow((int) m);
            return k > 0 ? new Q(n, d) : of(d, n);
        }

        Aprational toAprational() {
            return den.equals(BigInteger.ONE) ? new Apint(num) : new Aprational(new Apint(num), new Apint(den));
        }

        private static void guard(long a, long b) {
            if (a > MAX_BITS || b > MAX_BITS) {
                throw new TooLarge();
            }
        }
    }

    interface Node {
        Q eval(Frame f);
    }

    static final class Frame {
        final Q[] slots;
        final double[] values;
        final double[][] data;

        Frame(int n, double[] values, double[][] data) {
            this.slots = new Q[n];
            this.values = values;
            this.data = data == null ? new double[0][] : data;
        }

        Q slot(int i) {
            Q v = slots[i];
            if (v == null && i < values.length) {
                v = Q.of(values[i]);
                slots[i] = v;
            }
            return v;
        }
    }

    private final Map<ISymbol, Integer> slots;
    private final Map<ISymbol, Integer> dataSlots;
    private final long maxPower;
    private final long maxTerms;
    private int nslots;

    /** Compiles over the slots {@link PreciseFunction} gave the symbols (sum indices take slots from nslots on). */
    ExactRational(Map<ISymbol, Integer> slots, Map<ISymbol, Integer> dataSlots, int nslots, long maxPower, long maxTerms) {
        this.slots = new java.util.IdentityHashMap<>(slots);
        this.dataSlots = dataSlots;
        this.nslots = nslots;
        this.maxPower = maxPower;
        this.maxTerms = maxTerms;
    }

    /** Slots a frame needs (the symbols and every sum index). */
    int slotCount() {
        return nslots;
    }

    /** The node of {@code e}, or {@link PreciseFunction.Unsupported} for what exact arithmetic cannot take. */
    Node node(IExpr e) {
        if (e.isInteger() || e.isFraction()) {
            BigInteger num = e.isInteger() ? ((IInteger) e).toBigNumerator() : ((IFraction) e).toBigNumerator();
            BigInteger den = e.isInteger() ? BigInteger.ONE : ((IFraction) e).toBigDenominator();
            Q q = Q.of(num, den);
            return f -> q;
        }
        if (e.isNumber()) {
            throw new PreciseFunction.Unsupported("a floating-point or complex number " + e);
        }
        if (e.isSymbol()) {
            Integer slot = slots.get((ISymbol) e);
            if (slot != null) {
                int i = slot;
                return f -> f.slot(i);
            }
            throw new PreciseFunction.Unsupported("the constant " + e);
        }
        if (!e.isAST() || e.isList()) {
            throw new PreciseFunction.Unsupported(e.toString());
        }
        IAST a = (IAST) e;
        IExpr h = a.head();
        if (h == S.Rational && a.argSize() == 2) {
            Node n = node(a.arg1());
            Node d = node(a.arg2());
            return f -> {
                Q x = n.eval(f);
                Q y = d.eval(f);
                if (x == null || y == null || y.signum() == 0) {
                    return null;
                }
                return x.multiply(y.pow(-1));
            };
        }
        if (h instanceof ISymbol hs && dataSlots.containsKey(hs) && a.argSize() == 1) {
            int d = dataSlots.get(hs);
            Node idx = node(a.arg1());
            return f -> {
                Q i = idx.eval(f);
                if (i == null || !i.isInteger()) {
                    return null;
                }
                long k = i.num.longValue() - 1;
                if (d >= f.data.length || k < 0 || k >= f.data[d].length || i.num.bitLength() > 62) {
                    return null;
                }
                return Q.of(f.data[d][(int) k]);
            };
        }
        if (a.isPlus() || a.isTimes()) {
            Node[] ns = new Node[a.argSize()];
            for (int i = 0; i < ns.length; i++) {
                ns[i] = node(a.getAt(i + 1));
            }
            boolean plus = a.isPlus();
            return f -> {
                Q s = null;
                for (Node n : ns) {
                    Q v = n.eval(f);
                    if (v == null) {
                        return null;
                    }
                    s = s == null ? v : plus ? s.add(v) : s.multiply(v);
                }
                return s;
            };
        }
        if (a.isPower()) {
            Node b = node(a.base());
            IExpr ex = a.exponent();
            if (!ex.isInteger()) {
                throw new PreciseFunction.Unsupported("a non-integer power in exact arithmetic");
            }
            BigInteger k = ((IInteger) ex).toBigNumerator();
            if (k.abs().compareTo(BigInteger.valueOf(maxPower)) > 0) {
                throw new PreciseFunction.Unsupported("an exponent too large for exact arithmetic");
            }
            long kk = k.longValue();
            return f -> {
                Q v = b.eval(f);
                if (v == null || v.signum() == 0 && kk < 0) {
                    return null;
                }
                return v.pow(kk);
            };
        }
        if ((h == S.Sum || h == S.Product) && a.argSize() == 2 && a.arg2().isList() && a.arg2().argSize() == 3) {
            return sum(a, h == S.Sum);
        }
        if (h == S.Abs && a.argSize() == 1) {
            Node x = node(a.arg1());
            return f -> {
                Q v = x.eval(f);
                return v == null ? null : v.signum() < 0 ? v.negate() : v;
            };
        }
        throw new PreciseFunction.Unsupported("the function " + h + " in exact arithmetic");
    }

    private Node sum(IAST a, boolean isSum) {
        IAST it = (IAST) a.arg2();
        if (!it.arg1().isSymbol()) {
            throw new PreciseFunction.Unsupported("a sum over " + it.arg1());
        }
        ISymbol idx = (ISymbol) it.arg1();
        Node lo = node(it.arg2());
        Node hi = node(it.arg3());
        int slot = nslots++;
        Integer saved = slots.put(idx, slot);
        Node body = node(a.arg1());
        if (saved == null) {
            slots.remove(idx);
        } else {
            slots.put(idx, saved);
        }
        return f -> {
            Q l = lo.eval(f);
            Q u = hi.eval(f);
            if (l == null || u == null || !l.isInteger() || !u.isInteger()) {
                return null;
            }
            if (l.num.bitLength() > 62 || u.num.bitLength() > 62) {
                throw new ArithmeticException("too many terms");
            }
            long from = l.num.longValue();
            long to = u.num.longValue();
            if (to - from > maxTerms) {
                throw new ArithmeticException("too many terms");
            }
            Q s = isSum ? Q.ZERO : Q.ONE;
            for (long i = from; i <= to; i++) {
                if ((i & 255) == 0) {
                    Deadline.check();
                }
                f.slots[slot] = Q.of(i);
                Q v = body.eval(f);
                if (v == null) {
                    return null;
                }
                s = isSum ? s.add(v) : s.multiply(v);
            }
            return s;
        };
    }
}
