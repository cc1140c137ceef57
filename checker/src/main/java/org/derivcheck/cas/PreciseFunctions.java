package org.derivcheck.cas;

import java.math.BigInteger;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The functions of {@link PreciseFunction} in apfloat arithmetic, with the same real domains as the double
 * compiler (log of a positive number, digamma and log-gamma of positive arguments, ...); outside them the
 * value is undefined (null).
 */
final class PreciseFunctions {
    private PreciseFunctions() {
    }

    static PreciseFunction.Node function(IAST a, PreciseFunction.Node[] c) {
        IExpr h = a.head();
        if (a.argSize() == 1) {
            PreciseFunction.Node x = c[0];
            java.util.function.BiFunction<Apfloat, Long, Apfloat> fn = unary(h);
            if (fn == null) {
                throw new PreciseFunction.Unsupported("the function " + h);
            }
            return f -> {
                Apfloat v = x.eval(f);
                return v == null ? null : fn.apply(v, f.precision);
            };
        }
        if (a.argSize() == 2) {
            if (h == S.PolyGamma && a.arg1().isInteger()) {
                int n = a.arg1().toIntDefault();
                if (n < 0 || n > 20) {
                    throw new PreciseFunction.Unsupported("PolyGamma of order " + a.arg1());
                }
                PreciseFunction.Node x = c[1];
                return f -> {
                    Apfloat v = x.eval(f);
                    return v == null ? null : PreciseGamma.polygamma(n, v);
                };
            }
            PreciseFunction.Node x = c[0];
            PreciseFunction.Node y = c[1];
            java.util.function.BinaryOperator<Apfloat> fn = binary(h);
            if (fn == null) {
                throw new PreciseFunction.Unsupported("the function " + h);
            }
            return f -> {
                Apfloat u = x.eval(f);
                Apfloat v = y.eval(f);
                return u == null || v == null ? null : fn.apply(u, v);
            };
        }
        throw new PreciseFunction.Unsupported("the function " + h);
    }

    private static java.util.function.BiFunction<Apfloat, Long, Apfloat> unary(IExpr h) {
        if (h == S.Log) {
            return (v, p) -> v.signum() > 0 ? PreciseElementary.log(v) : null;
        } else if (h == S.Exp) {
            return (v, p) -> PreciseElementary.exp(v);
        } else if (h == S.Sqrt) {
            return (v, p) -> v.signum() >= 0 ? ApfloatMath.sqrt(v) : null;
        } else if (h == S.Abs) {
            return (v, p) -> ApfloatMath.abs(v);
        } else if (h == S.Sin) {
            return (v, p) -> ApfloatMath.sin(v);
        } else if (h == S.Cos) {
            return (v, p) -> ApfloatMath.cos(v);
        } else if (h == S.Tan) {
            return (v, p) -> ApfloatMath.tan(v);
        } else if (h == S.Sinh) {
            return (v, p) -> ApfloatMath.sinh(v);
        } else if (h == S.Cosh) {
            return (v, p) -> ApfloatMath.cosh(v);
        } else if (h == S.Tanh) {
            return (v, p) -> ApfloatMath.tanh(v);
        } else if (h == S.ArcTan) {
            return (v, p) -> ApfloatMath.atan(v);
        } else if (h == S.Csch || h == S.Sech || h == S.Coth || h == S.Csc || h == S.Sec || h == S.Cot) {
            return (v, p) -> {
                Apfloat d = h == S.Csch ? ApfloatMath.sinh(v) : h == S.Sech ? ApfloatMath.cosh(v)
                        : h == S.Coth ? ApfloatMath.tanh(v) : h == S.Csc ? ApfloatMath.sin(v)
                        : h == S.Sec ? ApfloatMath.cos(v) : ApfloatMath.tan(v);
                return d.signum() == 0 ? null : new Apfloat(1, p).divide(d);
            };
        } else if (h == S.Erf) {
            // erf(x) = 2x/sqrt(pi) 1F1(1/2; 3/2; -x^2)
            return (v, p) -> {
                Apfloat half = new Apfloat(1, p).divide(new Apfloat(2, p));
                Apfloat m = ApfloatMath.hypergeometric1F1(half, half.multiply(new Apfloat(3, p)), v.multiply(v).negate());
                return v.multiply(new Apfloat(2, p)).divide(ApfloatMath.sqrt(ApfloatMath.pi(p))).multiply(m);
            };
        } else if (h == S.Gamma) {
            return (v, p) -> gamma(v);
        } else if (h == S.LogGamma) {
            return (v, p) -> PreciseGamma.logGamma(v);
        } else if (h == S.Factorial) {
            return (v, p) -> gamma(v.add(new Apfloat(1, p)));
        }
        return null;
    }

    private static java.util.function.BinaryOperator<Apfloat> binary(IExpr h) {
        if (h == S.Beta) {
            return (x, y) -> x.signum() > 0 && y.signum() > 0 ? PreciseElementary.exp(PreciseGamma.logGamma(x)
                    .add(PreciseGamma.logGamma(y)).subtract(PreciseGamma.logGamma(x.add(y)))) : null;
        } else if (h == S.Binomial) {
            return (n, k) -> {
                Apfloat one = new Apfloat(1, n.precision());
                Apfloat den = mul(gamma(k.add(one)), gamma(n.subtract(k).add(one)));
                Apfloat num = gamma(n.add(one));
                return num == null || den == null || den.signum() == 0 ? null : num.divide(den);
            };
        } else if (h == S.Pochhammer) {
            return (x, n) -> {
                Apfloat num = gamma(x.add(n));
                Apfloat den = gamma(x);
                return num == null || den == null ? null : num.divide(den);
            };
        } else if (h == S.Max) {
            return ApfloatMath::max;
        } else if (h == S.Min) {
            return ApfloatMath::min;
        } else if (h == S.Log) {
            return (b, x) -> b.signum() > 0 && x.signum() > 0 && b.compareTo(new Apfloat(1)) != 0
                    ? PreciseElementary.log(x).divide(PreciseElementary.log(b)) : null;
        }
        return null;
    }

    private static Apfloat mul(Apfloat a, Apfloat b) {
        return a == null || b == null ? null : a.multiply(b);
    }

    /** Gamma, undefined at its poles (0, -1, -2, ...). */
    private static Apfloat gamma(Apfloat v) {
        if (v.signum() <= 0 && PreciseFunction.isInteger(v)) {
            return null;
        }
        return PreciseGamma.gamma(v);
    }

    /** x^k for an integer k of any size: repeated squaring while it fits a long, else exp(k log |x|) with the sign. */
    static Apfloat intPower(Apfloat x, BigInteger k, long precision) {
        if (x.signum() == 0) {
            return k.signum() > 0 ? x : k.signum() == 0 ? new Apfloat(1, precision) : null;
        }
        if (k.bitLength() < 63) {
            return ApfloatMath.pow(x, k.longValue());
        }
        Apfloat mag = PreciseElementary.exp(PreciseElementary.log(ApfloatMath.abs(x)).multiply(new Apfloat(k, precision)));
        return x.signum() < 0 && k.testBit(0) ? mag.negate() : mag;
    }

    /** 1/2 at each precision asked (dividing at every power was a visible part of the re-checks). */
    private static final java.util.concurrent.ConcurrentHashMap<Long, Apfloat> HALF = new java.util.concurrent.ConcurrentHashMap<>();

    /** x^y for a real exponent: defined for x > 0, for x = 0 with y > 0, and for x < 0 when y is an integer. */
    static Apfloat realPower(Apfloat x, Apfloat y, long precision) {
        if (PreciseFunction.isInteger(y)) {
            return intPower(x, y.truncate().toBigInteger(), precision);
        }
        if (x.signum() == 0) {
            return y.signum() > 0 ? x : null;
        }
        if (x.signum() < 0) {
            return null;
        }
        if (y.equals(HALF.computeIfAbsent(precision, q -> new Apfloat(1).divide(new Apfloat(2, q))))) {
            return ApfloatMath.sqrt(x);
        }
        return PreciseElementary.pow(x, y);
    }

}
