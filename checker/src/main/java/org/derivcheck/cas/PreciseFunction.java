package org.derivcheck.cas;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.apfloat.AprationalMath;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A scalar evaluated beyond double precision, independently of the double compiler: in exact rational
 * arithmetic when the expression is a rational function with rational constants ({@link #exact}), or with
 * apfloat numbers of a chosen number of digits ({@link #precise}). Points are taken as the decimals they
 * print as (2.57 is 257/100). A value undefined at a point (log of a negative, a pole) is empty. Seen from outside
 * as a {@link NumericFunction.Precise}.
 */
final class PreciseFunction implements NumericFunction.Precise {
    /** Largest integer exponent evaluated exactly, and largest number of terms of a sum evaluated exactly. */
    private static final int EXACT_POWER = 4096;
    private static final long EXACT_TERMS = 10_000;
    private static final long TERMS = 1_000_000;
    private static final int GUARD = 12;

    static {
        ApfloatSetup.apply();
    }

    interface Node {
        Apfloat eval(Frame f);
    }

    static final class Frame {
        final Apfloat[] slots;
        final double[] values;
        final double[][] data;
        final long precision;
        final boolean exact;

        Frame(int n, double[] values, double[][] data, long precision, boolean exact) {
            this.slots = new Apfloat[n];
            this.values = values;
            this.data = data == null ? new double[0][] : data;
            this.precision = precision;
            this.exact = exact;
        }

        /** A symbol's value, converted on first use (most points use few of the declared symbols). */
        Apfloat slot(int i) {
            Apfloat v = slots[i];
            if (v == null && i < values.length) {
                v = number(values[i], exact, precision);
                slots[i] = v;
            }
            return v;
        }
    }

    /**
     * A constant, kept at the precision last asked for (one evaluation runs at one precision throughout; the
     * conversion of a rational to apfloat, or e, at every point was a tenth of the high-precision re-checks).
     */
    private static final class Constant implements Node {
        private record Kept(long precision, Apfloat value) {
        }

        private final java.util.function.LongFunction<Apfloat> make;
        private volatile Kept kept;

        Constant(java.util.function.LongFunction<Apfloat> make) {
            this.make = make;
        }

        @Override
        public Apfloat eval(Frame f) {
            Kept k = kept;
            if (k == null || k.precision() != f.precision) {
                k = new Kept(f.precision, make.apply(f.precision));
                kept = k;
            }
            return k.value();
        }
    }

    /** Thrown while compiling: the expression has a construct this evaluator (in this mode) cannot take. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private final Map<ISymbol, Integer> slots = new IdentityHashMap<>();
    private final Map<ISymbol, Integer> dataSlots = new IdentityHashMap<>();
    private final boolean exact;
    private int nslots;
    private boolean usesSymbols;
    private Node root;
    /** The exact mode on plain fractions ({@link ExactRational}), when it could be compiled; null otherwise. */
    private ExactRational.Node fast;
    private int fastSlots;

    private PreciseFunction(Scope table, boolean exact) {
        this.exact = exact;
        List<String> scalars = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (Scope.Declared d : table.declared()) {
            ISymbol s = table.symbol(d.name()).orElseThrow();
            if (d.indexed()) {
                dataSlots.put(s, data.size());
                data.add(d.name());
            } else {
                slots.put(s, scalars.size());
                scalars.add(d.name());
            }
        }
        nslots = scalars.size();
    }

    /** The expression in exact rational arithmetic, or empty when it is not a rational function of its symbols. */
    static Optional<PreciseFunction> exact(Expr scalar) {
        return compile(scalar, true);
    }

    /** The expression with apfloat numbers, or empty when it uses a function this evaluator does not have. */
    static Optional<PreciseFunction> precise(Expr scalar) {
        return compile(scalar, false);
    }

    private static Optional<PreciseFunction> compile(Expr scalar, boolean exact) {
        PreciseFunction p = new PreciseFunction(scalar.table, exact);
        ExactRational fast = exact ? new ExactRational(p.slots, p.dataSlots, p.nslots, EXACT_POWER, EXACT_TERMS) : null;
        try {
            p.root = p.node(scalar.ast);
        } catch (Unsupported | ClassCastException e) {
            return Optional.empty();
        }
        if (fast != null) {
            try {
                // the same value on plain fractions (apfloat's tree for values that outgrow them)
                p.fast = fast.node(scalar.ast);
                p.fastSlots = fast.slotCount();
            } catch (Unsupported | ClassCastException e) {
                p.fast = null; // apfloat's tree alone
            }
        }
        return Optional.of(p);
    }

    @Override
    public boolean usesSymbols() {
        return usesSymbols;
    }

    @Override
    public boolean isExact() {
        return exact;
    }

    @Override
    public Result evaluate(double[] values, double[][] data, int digits) {
        ApfloatSetup.apply();
        long p = digits + GUARD;
        try {
            if (fast != null) {
                try {
                    ExactRational.Q q = fast.eval(new ExactRational.Frame(fastSlots, values, data));
                    return new Result(q == null ? Optional.empty() : Optional.of(new PreciseValue(q, digits)), false);
                } catch (ExactRational.TooLarge e) {
                    // apfloat's tree below
                }
            }
            Apfloat v = root.eval(new Frame(nslots, values, data, p, exact));
            return new Result(v == null ? Optional.empty() : Optional.of(new PreciseValue(v, exact, digits)), false);
        } catch (ArithmeticException | org.apfloat.ApfloatRuntimeException e) {
            return new Result(Optional.empty(), true);
        }
    }

    static Apfloat number(double v, boolean exact, long precision) {
        if (!Double.isFinite(v)) {
            throw new ArithmeticException("not a finite number: " + v);
        }
        BigDecimal d = BigDecimal.valueOf(v); // the decimal the point prints as
        if (!exact && precision >= 20) {
            // the same number as numerator / 10^scale at this precision (a double prints with at most 17 digits), without
            // the long division
            return new Apfloat(d, precision);
        }
        Aprational q = d.scale() <= 0 ? new Apint(d.toBigIntegerExact())
                : new Aprational(new Apint(d.unscaledValue()), new Apint(BigInteger.TEN.pow(d.scale())));
        return exact ? q : fromRational(q.numerator(), q.denominator(), precision);
    }

    private static Apfloat fromRational(Apint num, Apint den, long precision) {
        Apfloat n = new Apfloat(num.toBigInteger(), precision);
        return den.equals(Apint.ONE) ? n : n.divide(new Apfloat(den.toBigInteger(), precision));
    }

    private Node node(IExpr e) {
        if (e.isInteger() || e.isFraction()) {
            BigInteger num = e.isInteger() ? ((org.matheclipse.core.interfaces.IInteger) e).toBigNumerator()
                    : ((org.matheclipse.core.interfaces.IFraction) e).toBigNumerator();
            BigInteger den = e.isInteger() ? BigInteger.ONE : ((org.matheclipse.core.interfaces.IFraction) e).toBigDenominator();
            Aprational q = new Aprational(new Apint(num), new Apint(den));
            if (exact) {
                return f -> q;
            }
            return new Constant(prec -> fromRational(q.numerator(), q.denominator(), prec));
        }
        if (e.isNumber()) {
            throw new Unsupported("a floating-point or complex number " + e);
        }
        if (e.isSymbol()) {
            Integer slot = slots.get((ISymbol) e);
            if (slot != null) {
                int i = slot;
                usesSymbols = true;
                return f -> f.slot(i);
            }
            if (exact) {
                throw new Unsupported("the constant " + e);
            }
            if (e == S.Pi) {
                return new Constant(ApfloatMath::pi);
            }
            if (e == S.E) {
                return new Constant(prec -> PreciseElementary.exp(new Apfloat(1, prec)));
            }
            if (e == S.EulerGamma) {
                return new Constant(ApfloatMath::euler);
            }
            throw new Unsupported("the symbol " + e);
        }
        if (!e.isAST() || e.isList()) {
            throw new Unsupported(e.toString());
        }
        IAST a = (IAST) e;
        IExpr h = a.head();
        if (h == S.Rational && a.argSize() == 2) {
            // an unevaluated Rational(n, d) (Symja leaves (1 + 1/10^20)^(10^20) as Rational(n^k, d^k)): n/d
            Node n = node(a.arg1());
            Node d = node(a.arg2());
            return f -> {
                Apfloat x = n.eval(f);
                Apfloat y = d.eval(f);
                if (x == null || y == null || y.signum() == 0) {
                    return null;
                }
                return exact ? ((Aprational) x).divide((Aprational) y) : x.divide(y);
            };
        }
        if (h instanceof ISymbol hs && dataSlots.containsKey(hs) && a.argSize() == 1) {
            int d = dataSlots.get(hs);
            Node idx = node(a.arg1());
            usesSymbols = true;
            return f -> {
                Apfloat i = idx.eval(f);
                if (i == null || !isInteger(i)) {
                    return null;
                }
                long k = i.longValue() - 1;
                if (d >= f.data.length || k < 0 || k >= f.data[d].length) {
                    return null;
                }
                return number(f.data[d][(int) k], exact, f.precision);
            };
        }
        if (a.isPlus() || a.isTimes()) {
            Node[] ns = children(a);
            boolean plus = a.isPlus();
            return f -> {
                Apfloat s = null;
                for (Node n : ns) {
                    Apfloat v = n.eval(f);
                    if (v == null) {
                        return null;
                    }
                    s = s == null ? v : plus ? add(s, v) : multiply(s, v);
                }
                return s;
            };
        }
        if (a.isPower()) {
            return power(a);
        }
        if ((h == S.Sum || h == S.Product) && a.argSize() == 2 && a.arg2().isList() && a.arg2().argSize() == 3) {
            return sum(a, h == S.Sum);
        }
        if (exact) {
            if (h == S.Abs && a.argSize() == 1) {
                Node x = node(a.arg1());
                return f -> nullSafe(x.eval(f), v -> v.signum() < 0 ? negate(v) : v);
            }
            throw new Unsupported("the function " + h + " in exact arithmetic");
        }
        return PreciseFunctions.function(a, children(a));
    }

    private Node power(IAST a) {
        Node b = node(a.base());
        IExpr ex = a.exponent();
        if (ex.isInteger()) {
            BigInteger k = ((org.matheclipse.core.interfaces.IInteger) ex).toBigNumerator();
            if (exact && k.abs().compareTo(BigInteger.valueOf(EXACT_POWER)) > 0) {
                throw new Unsupported("an exponent too large for exact arithmetic");
            }
            if (exact) {
                long kk = k.longValue();
                return f -> nullSafe(b.eval(f), v -> {
                    if (v.signum() == 0 && kk < 0) {
                        return null;
                    }
                    return AprationalMath.pow((Aprational) v, kk);
                });
            }
            return f -> nullSafe(b.eval(f), v -> PreciseFunctions.intPower(v, k, f.precision));
        }
        if (exact) {
            throw new Unsupported("a non-integer power in exact arithmetic");
        }
        Node x = node(ex);
        return f -> {
            Apfloat v = b.eval(f);
            Apfloat y = x.eval(f);
            return v == null || y == null ? null : PreciseFunctions.realPower(v, y, f.precision);
        };
    }

    private Node sum(IAST a, boolean isSum) {
        IAST it = (IAST) a.arg2();
        if (!it.arg1().isSymbol()) {
            throw new Unsupported("a sum over " + it.arg1());
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
        long cap = exact ? EXACT_TERMS : TERMS;
        return f -> {
            Apfloat l = lo.eval(f);
            Apfloat u = hi.eval(f);
            if (l == null || u == null || !isInteger(l) || !isInteger(u)) {
                return null;
            }
            long from = l.longValue();
            long to = u.longValue();
            if (to - from > cap) {
                throw new ArithmeticException("too many terms");
            }
            Apfloat s = exact ? (isSum ? Apint.ZERO : Apint.ONE) : new Apfloat(isSum ? 0 : 1, f.precision);
            for (long i = from; i <= to; i++) {
                if ((i & 255) == 0) {
                    Deadline.check();
                }
                f.slots[slot] = exact ? new Apint(i) : new Apfloat(i, f.precision);
                Apfloat v = body.eval(f);
                if (v == null) {
                    return null;
                }
                s = isSum ? add(s, v) : multiply(s, v);
            }
            return s;
        };
    }

    Node[] children(IAST a) {
        Node[] ns = new Node[a.argSize()];
        for (int i = 0; i < ns.length; i++) {
            ns[i] = node(a.getAt(i + 1));
        }
        return ns;
    }

    private Apfloat add(Apfloat x, Apfloat y) {
        return exact ? ((Aprational) x).add((Aprational) y) : x.add(y);
    }

    private Apfloat multiply(Apfloat x, Apfloat y) {
        return exact ? ((Aprational) x).multiply((Aprational) y) : x.multiply(y);
    }

    private Apfloat negate(Apfloat x) {
        return exact ? ((Aprational) x).negate() : x.negate();
    }

    static boolean isInteger(Apfloat v) {
        return v instanceof Aprational q ? q.isInteger() : v.equals(v.truncate());
    }

    static Apfloat nullSafe(Apfloat v, java.util.function.UnaryOperator<Apfloat> op) {
        return v == null ? null : op.apply(v);
    }
}
