package org.derivcheck.cas;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A scalar evaluated as a sign and the natural log of its magnitude, for values beyond any floating-point
 * range (2^(10^30) is 10^(3.01e29), whose decimal exponent does not fit a long): products add logs, integer
 * powers multiply them, a sum is computed relative to its largest term. A sum whose terms cancel beyond the
 * working precision, or a function it has no rule for whose argument cannot be written as a number, is
 * {@link Unresolved}: the value is not known, which is never the same as a value. Used where
 * {@link PreciseFunction} overflows, through {@link NumericFunction.Precise#magnitude}.
 */
final class PreciseMagnitude {
    /** sign -1, 0 or 1 and ln|x| (meaningless for 0). */
    record Mag(int sign, Apfloat ln) {
        static final Mag ZERO = new Mag(0, Apfloat.ZERO);
    }

    /** The value cannot be known at this precision (cancellation, an argument too large to write out). */
    static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolved(String why) {
            super(why, null, false, false);
        }
    }

    interface Node {
        /** The value at the frame, or null where it is undefined (log of a negative, a pole). */
        Mag eval(Frame f);
    }

    /** A point, the working precision, and the largest |ln| met on the way (the second pass carries it in full). */
    static final class Frame {
        private final double[] values;
        private final long precision;
        double largest;

        Frame(double[] values, long precision) {
            this.values = values;
            this.precision = precision;
        }

        double[] values() {
            return values;
        }

        long precision() {
            return precision;
        }

        Mag seen(Mag m) {
            if (m != null && m.sign() != 0) {
                largest = Math.max(largest, Math.abs(m.ln().precision(20).doubleValue()));
            }
            return m;
        }
    }

    /** Largest |ln x| of a value converted back to a plain number (e^(10^6) has a million digits). */
    private static final double PLAIN = 1e6;

    private final Map<ISymbol, Integer> slots = new IdentityHashMap<>();
    private final Node root;

    private final Scope table;

    private PreciseMagnitude(Expr scalar) {
        this.table = scalar.table;
        int i = 0;
        for (Scope.Declared d : scalar.table.declared()) {
            if (!d.indexed()) {
                slots.put(scalar.table.symbol(d.name()).orElseThrow(), i++);
            }
        }
        this.root = node(scalar.ast);
    }

    /** The expression as a magnitude, or empty when it has a construct this evaluator does not take. */
    static Optional<PreciseMagnitude> of(Expr scalar) {
        if (scalar.isAbstract() || !scalar.isScalar()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PreciseMagnitude(scalar));
        } catch (PreciseFunction.Unsupported | ClassCastException e) {
            return Optional.empty();
        }
    }

    /**
     * The value with about {@code digits} significant digits: the logs are carried with enough digits that their
     * absolute error stays below 10^-digits (a first pass finds how large they are). Empty where undefined.
     *
     * @throws Unresolved where the value cannot be known (see the class comment)
     */
    Optional<Mag> eval(double[] values, double[][] data, int digits) {
        try {
            Frame pass = new Frame(values, digits + 20L);
            Mag first = pass.seen(root.eval(pass));
            if (first == null) {
                return Optional.empty();
            }
            // k ln(n) - k ln(d) with k = 10^60 needs 60 more digits than its value of about 1 shows
            double big = Math.max(1, pass.largest);
            long p = digits + 20L + (long) Math.ceil(Math.log10(big));
            return Optional.ofNullable(root.eval(new Frame(values, p)));
        } catch (ArithmeticException | org.apfloat.ApfloatRuntimeException e) {
            throw new Unresolved(e.getMessage());
        }
    }

    /** {@link #eval} as a {@link PreciseValue}; empty also where the value cannot be known ({@link Unresolved}). */
    Optional<PreciseValue> value(double[] values, double[][] data, int digits) {
        try {
            return eval(values, data, digits).map(m -> PreciseValue.ofMagnitude(m, digits));
        } catch (Unresolved e) {
            return Optional.empty();
        }
    }

    /** The plain number of a magnitude, when it can be written out. */
    static Apfloat toPlain(Mag m, long precision) {
        if (m.sign() == 0) {
            return new Apfloat(0, precision);
        }
        if (Math.abs(m.ln().precision(20).doubleValue()) > PLAIN) {
            throw new Unresolved("a value of magnitude e^" + m.ln().precision(6) + " as an argument");
        }
        Apfloat v = ApfloatMath.exp(m.ln().precision(precision + 20));
        return m.sign() < 0 ? v.negate() : v;
    }

    static Mag of(Apfloat v, long precision) {
        if (v.signum() == 0) {
            return Mag.ZERO;
        }
        return new Mag(v.signum(), ApfloatMath.log(ApfloatMath.abs(v).precision(Math.max(v.precision(), precision))));
    }

    private Node node(IExpr e) {
        if (e.isInteger() || e.isFraction()) {
            BigInteger num = e.isInteger() ? ((IInteger) e).toBigNumerator()
                    : ((org.matheclipse.core.interfaces.IFraction) e).toBigNumerator();
            BigInteger den = e.isInteger() ? BigInteger.ONE : ((org.matheclipse.core.interfaces.IFraction) e).toBigDenominator();
            return f -> num.signum() == 0 ? Mag.ZERO : new Mag(num.signum(), ApfloatMath.log(new Apfloat(num.abs(), f.precision()))
                    .subtract(ApfloatMath.log(new Apfloat(den, f.precision()))));
        }
        if (e.isSymbol()) {
            Integer slot = slots.get((ISymbol) e);
            if (slot != null) {
                int i = slot;
                return f -> of(PreciseFunction.number(f.values()[i], false, f.precision()), f.precision());
            }
            if (e == S.E) {
                return f -> new Mag(1, new Apfloat(1, f.precision()));
            }
            if (e == S.Pi) {
                return f -> new Mag(1, ApfloatMath.log(ApfloatMath.pi(f.precision())));
            }
            throw new PreciseFunction.Unsupported("the symbol " + e);
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
                Mag x = n.eval(f);
                Mag y = d.eval(f);
                if (x == null || y == null || y.sign() == 0) {
                    return null;
                }
                return f.seen(x.sign() == 0 ? Mag.ZERO : new Mag(x.sign() * y.sign(), x.ln().subtract(y.ln())));
            };
        }
        if (a.isTimes()) {
            Node[] ns = children(a);
            return f -> {
                int sign = 1;
                Apfloat ln = new Apfloat(0, f.precision());
                for (Node n : ns) {
                    Mag m = n.eval(f);
                    if (m == null) {
                        return null; // undefined, even beside an exact 0 factor
                    }
                    sign *= m.sign();
                    ln = m.sign() == 0 ? ln : ln.add(m.ln());
                }
                return f.seen(sign == 0 ? Mag.ZERO : new Mag(sign, ln));
            };
        }
        if (a.isPlus()) {
            Node[] ns = children(a);
            return f -> f.seen(plus(ns, f));
        }
        if (a.isPower()) {
            return power(node(a.base()), a.exponent());
        }
        if (a.argSize() == 1 && (h == S.Exp || h == S.Log || h == S.Sqrt || h == S.Abs || h == S.Gamma
                || h == S.Factorial)) {
            Node x = node(a.arg1());
            return f -> {
                Mag m = x.eval(f);
                return m == null ? null : f.seen(unary(h, m, f.precision()));
            };
        }
        // any other function: its arguments written out as numbers, the function in apfloat
        Node[] ns = children(a);
        Apfloat[] args = new Apfloat[ns.length];
        PreciseFunction.Node[] kids = new PreciseFunction.Node[ns.length];
        for (int i = 0; i < ns.length; i++) {
            int k = i;
            kids[i] = fr -> args[k];
        }
        PreciseFunction.Node fn = PreciseFunctions.function(a, kids);
        return f -> {
            synchronized (args) {
                for (int i = 0; i < ns.length; i++) {
                    Mag m = ns[i].eval(f);
                    if (m == null) {
                        return null;
                    }
                    args[i] = toPlain(m, f.precision());
                }
                Apfloat v = fn.eval(new PreciseFunction.Frame(0, new double[0], null, f.precision(), false));
                // (the arguments were written out, so their logs are small: nothing to track)
                return v == null ? null : of(v, f.precision());
            }
        };
    }

    private Node[] children(IAST a) {
        Node[] ns = new Node[a.argSize()];
        for (int i = 0; i < ns.length; i++) {
            ns[i] = node(a.getAt(i + 1));
        }
        return ns;
    }

    /** A sum relative to its largest term; cancellation down to the working precision is unresolved. */
    private static Mag plus(Node[] ns, Frame f) {
        Mag[] ms = new Mag[ns.length];
        Apfloat top = null;
        for (int i = 0; i < ns.length; i++) {
            ms[i] = ns[i].eval(f);
            if (ms[i] == null) {
                return null;
            }
            if (ms[i].sign() != 0 && (top == null || ms[i].ln().compareTo(top) > 0)) {
                top = ms[i].ln();
            }
        }
        if (top == null) {
            return Mag.ZERO;
        }
        long p = f.precision();
        Apfloat cut = new Apfloat(-(p + 5) * Math.log(10), p);
        Apfloat s = new Apfloat(0, p);
        for (Mag m : ms) {
            if (m.sign() == 0) {
                continue;
            }
            Apfloat d = m.ln().subtract(top);
            if (d.compareTo(cut) < 0) {
                continue; // below the working precision relative to the largest term
            }
            Apfloat t = ApfloatMath.exp(d.precision(p));
            s = m.sign() > 0 ? s.add(t) : s.subtract(t);
        }
        // the working precision is 20 digits beyond what is asked: cancellation of up to 18 digits keeps it
        if (s.signum() == 0 || ApfloatMath.abs(s).compareTo(new Apfloat("1e-18", p)) < 0) {
            throw new Unresolved("the terms of a sum cancel beyond the working precision of " + p + " digits");
        }
        return new Mag(s.signum(), top.add(ApfloatMath.log(ApfloatMath.abs(s))));
    }

    /** A constant exponent that is exactly an integer (10^20 + 1, written so), or null. */
    private BigInteger integerExponent(IExpr exponent) {
        if (exponent.isInteger()) {
            return ((IInteger) exponent).toBigNumerator();
        }
        Optional<PreciseFunction> e = PreciseFunction.exact(new Expr(exponent, table));
        if (e.isEmpty() || e.get().usesSymbols()) {
            return null;
        }
        Optional<NumericFunction.Precise.Value> v = e.get().eval(new double[slots.size()], null, 1);
        if (v.isEmpty()) {
            return null;
        }
        Apfloat x = ((PreciseValue) v.get()).raw();
        return x instanceof org.apfloat.Aprational q && q.isInteger() ? q.numerator().toBigInteger() : null;
    }

    private Node power(Node base, IExpr exponent) {
        BigInteger integer = integerExponent(exponent);
        if (integer != null) {
            BigInteger k = integer;
            return f -> {
                Mag b = base.eval(f);
                if (b == null) {
                    return null;
                }
                if (b.sign() == 0) {
                    return k.signum() > 0 ? Mag.ZERO : k.signum() == 0 ? new Mag(1, new Apfloat(0, f.precision())) : null;
                }
                int sign = b.sign() < 0 && k.testBit(0) ? -1 : 1;
                return f.seen(new Mag(sign, b.ln().multiply(new Apfloat(k, f.precision()))));
            };
        }
        Node ex = node(exponent);
        return f -> {
            Mag b = base.eval(f);
            Mag y = ex.eval(f);
            if (b == null || y == null) {
                return null;
            }
            Apfloat yv = toPlain(y, f.precision());
            if (b.sign() == 0) {
                return yv.signum() > 0 ? Mag.ZERO : null;
            }
            if (b.sign() < 0) {
                // a negative base needs an exponent known to be an integer (handled above); a computed one is not
                return null;
            }
            return f.seen(new Mag(1, b.ln().multiply(yv)));
        };
    }

    private static Mag unary(IExpr h, Mag m, long p) {
        if (h == S.Exp) {
            Apfloat y = toPlain(m, p);
            return new Mag(1, y);
        }
        if (h == S.Log) {
            if (m.sign() <= 0) {
                return null;
            }
            return m.ln().signum() == 0 ? Mag.ZERO : of(m.ln(), p);
        }
        if (h == S.Sqrt) {
            if (m.sign() < 0) {
                return null;
            }
            return m.sign() == 0 ? Mag.ZERO : new Mag(1, m.ln().divide(new Apfloat(2, p)));
        }
        if (h == S.Abs) {
            return m.sign() == 0 ? Mag.ZERO : new Mag(1, m.ln());
        }
        // Gamma(x), x! = Gamma(x + 1): by log-gamma for positive arguments
        Apfloat x = toPlain(m, p);
        if (h == S.Factorial) {
            x = x.add(new Apfloat(1, p));
        }
        if (x.signum() <= 0) {
            if (x.equals(x.truncate())) {
                return null; // a pole
            }
            Apfloat g = PreciseGamma.gamma(x);
            return g == null ? null : of(g, p);
        }
        return new Mag(1, PreciseGamma.logGamma(x.precision(p)));
    }
}
