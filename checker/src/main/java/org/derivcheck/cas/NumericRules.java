package org.derivcheck.cas;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;
import org.derivcheck.cas.NumericCompiler.Node;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.matheclipse.core.expression.S;

/**
 * The numeric compiler's table: for each head it can evaluate, the rule that compiles an expression with that
 * head into a double operation. A rule answers {@code null} when the expression does not have the form it
 * compiles (the wrong number of arguments, say); the compiler then reports the construct as unsupported.
 */
final class NumericRules {
    /** Compiles one expression whose head is this rule's, or answers {@code null} when its form does not fit. */
    interface Rule {
        Node compile(NumericCompiler c, IAST a);
    }

    /** Heads are compared by identity, as Symja's built-in symbols and derivcheck's own heads are singletons. */
    private static final Map<IExpr, Rule> RULES = new IdentityHashMap<>();

    private NumericRules() {
    }

    /** The rule for a head, or {@code null} when the head has none. */
    static Rule of(IExpr head) {
        return RULES.get(head);
    }

    private static void rule(ISymbol head, Rule r) {
        if (RULES.put(head, r) != null) {
            throw new IllegalStateException("two numeric rules for " + head);
        }
    }

    /** A function of one argument: the argument is compiled first, then wrapped. */
    private static void unary(ISymbol head, UnaryOperator<Node> op) {
        rule(head, (c, a) -> a.argSize() == 1 ? op.apply(c.node(a.arg1())) : null);
    }

    /** A function of two arguments: both are compiled first (left, then right), then combined. */
    private static void binary(ISymbol head, BinaryOperator<Node> op) {
        rule(head, (c, a) -> {
            if (a.argSize() != 2) {
                return null;
            }
            Node x = c.node(a.arg1());
            Node y = c.node(a.arg2());
            return op.apply(x, y);
        });
    }

    static {
        // derivcheck's own heads: expectations, finite sums, i.i.d. draws, table-entry derivatives
        rule(Ops.EXPECTATION, (c, a) -> a.arg2().isAST() && ((IAST) a.arg2()).arg2().isAST(Ops.ABSTRACT, 2)
                ? FiniteNodes.abstractExpectation(c, a) : c.expectation(a));
        rule(Ops.FSUM, FiniteNodes::finiteSum);
        rule(Ops.IID, FiniteNodes::iid);
        rule(Ops.FD, FiniteNodes::entryDerivative);
        // a derivative the CAS left, with respect to a scalar symbol: by differences
        rule(S.D, (c, a) -> a.argSize() == 2 && a.arg2().isSymbol() && c.hasSlot((ISymbol) a.arg2())
                ? c.derivative(c.node(a.arg1()), (ISymbol) a.arg2()) : null);
        // arithmetic
        rule(S.Plus, (c, a) -> a.isPlus() ? c.plus(a) : null);
        rule(S.Times, (c, a) -> a.isTimes() ? c.times(a) : null);
        rule(S.Power, (c, a) -> a.isPower() ? c.power(a) : null);
        Rule sum = (c, a) -> a.argSize() == 2 && a.arg2().isList() && a.arg2().argSize() == 3 ? c.sum(a, a.head() == S.Sum) : null;
        rule(S.Sum, sum);
        rule(S.Product, sum);
        // elementary and special functions
        rule(S.Log, (c, a) -> {
            if (a.argSize() == 1) {
                Node logOf = logOfProduct(c, a.arg1());
                if (logOf != null) {
                    return logOf;
                }
                Node x = c.node(a.arg1());
                return f -> Math.log(x.eval(f));
            }
            if (a.argSize() == 2) {
                Node x = c.node(a.arg1());
                Node y = c.node(a.arg2());
                return f -> Math.log(y.eval(f)) / Math.log(x.eval(f));
            }
            return null;
        });
        unary(S.Exp, x -> f -> Math.exp(x.eval(f)));
        unary(S.Sqrt, x -> f -> Math.sqrt(x.eval(f)));
        unary(S.Abs, x -> f -> Math.abs(x.eval(f)));
        unary(S.Sin, x -> f -> Math.sin(x.eval(f)));
        unary(S.Cos, x -> f -> Math.cos(x.eval(f)));
        unary(S.Tan, x -> f -> Math.tan(x.eval(f)));
        unary(S.Sinh, x -> f -> Math.sinh(x.eval(f)));
        unary(S.Cosh, x -> f -> Math.cosh(x.eval(f)));
        unary(S.Tanh, x -> f -> Math.tanh(x.eval(f)));
        unary(S.ArcTan, x -> f -> Math.atan(x.eval(f)));
        // the reciprocal functions the CAS writes for 1/Sinh, 1/Cos, ... (Exponential(Sinh(a)) has mean Csch(a))
        unary(S.Csch, x -> f -> 1 / Math.sinh(x.eval(f)));
        unary(S.Sech, x -> f -> 1 / Math.cosh(x.eval(f)));
        unary(S.Coth, x -> f -> 1 / Math.tanh(x.eval(f)));
        unary(S.Sec, x -> f -> 1 / Math.cos(x.eval(f)));
        unary(S.Csc, x -> f -> 1 / Math.sin(x.eval(f)));
        unary(S.Cot, x -> f -> 1 / Math.tan(x.eval(f)));
        unary(S.Erf, x -> f -> Erf.erf(x.eval(f)));
        unary(S.Gamma, x -> f -> gammaFn(x.eval(f)));
        unary(S.LogGamma, x -> f -> {
            double v = x.eval(f);
            return v > 0 ? Gamma.logGamma(v) : Double.NaN;
        });
        unary(S.Factorial, x -> f -> gammaFn(x.eval(f) + 1));
        rule(S.PolyGamma, (c, a) -> {
            if (a.argSize() != 2) {
                return null;
            }
            c.node(a.arg1());
            Node y = c.node(a.arg2());
            if (!a.arg1().isInteger()) {
                return null;
            }
            int n = a.arg1().toIntDefault();
            if (n == 0) {
                return f -> {
                    double v = y.eval(f);
                    return v > 0 ? org.derivcheck.special.Digamma.digamma(v) : Double.NaN;
                };
            }
            if (n == 1) {
                return f -> {
                    double v = y.eval(f);
                    return v > 0 ? Gamma.trigamma(v) : Double.NaN;
                };
            }
            throw NumericCompiler.unsupported("PolyGamma of order " + n + " (only digamma and trigamma)");
        });
        binary(S.Beta, (x, y) -> f -> Math.exp(Beta.logBeta(x.eval(f), y.eval(f))));
        binary(S.Binomial, (x, y) -> f -> {
            double n = x.eval(f);
            double k = y.eval(f);
            return gammaFn(n + 1) / (gammaFn(k + 1) * gammaFn(n - k + 1));
        });
        binary(S.Pochhammer, (x, y) -> f -> gammaFn(x.eval(f) + y.eval(f)) / gammaFn(x.eval(f)));
        binary(S.Max, (x, y) -> f -> Math.max(x.eval(f), y.eval(f)));
        binary(S.Min, (x, y) -> f -> Math.min(x.eval(f), y.eval(f)));
    }

    /** Gamma, NaN at its poles (0, -1, -2, ...). */
    static double gammaFn(double v) {
        if (v <= 0 && v == Math.rint(v)) {
            return Double.NaN;
        }
        return Gamma.gamma(v);
    }

    /**
     * log of a product with exponential factors, or of a power, without forming the product: log(a e^z) = log(a) + z
     * and log(x^k) = k log(x) for x > 0 (the same real value; where a e^z or x^k over- or underflows in double,
     * log(sqrt(t) e^(-t (y - m)^2 / 2)) at t = 10^8 was -inf, a point left to the 40-digit re-check). Null where the
     * argument has neither form.
     */
    private static Node logOfProduct(NumericCompiler c, org.matheclipse.core.interfaces.IExpr arg) {
        if (arg.isPower() && arg.base() == S.E) {
            return c.node(arg.exponent());
        }
        if (arg.isPower() && arg.exponent().isNumber() && arg.exponent().isReal()) {
            Node x = c.node(arg.base());
            Node k = c.node(arg.exponent());
            return f -> {
                double v = x.eval(f);
                double e = k.eval(f);
                return v > 0 ? e * Math.log(v) : Math.log(Math.pow(v, e));
            };
        }
        if (!arg.isTimes()) {
            return null;
        }
        java.util.List<Node> exponents = new java.util.ArrayList<>();
        java.util.List<org.matheclipse.core.interfaces.IExpr> rest = new java.util.ArrayList<>();
        for (org.matheclipse.core.interfaces.IExpr t : (org.matheclipse.core.interfaces.IAST) arg) {
            if (t.isPower() && t.base() == S.E) {
                exponents.add(c.node(t.exponent()));
            } else {
                rest.add(t);
            }
        }
        if (exponents.isEmpty()) {
            return null;
        }
        Node r = rest.isEmpty() ? null : c.node(rest.size() == 1 ? rest.get(0)
                : org.matheclipse.core.expression.F.Times(rest.toArray(new org.matheclipse.core.interfaces.IExpr[0])));
        Node[] zs = exponents.toArray(new Node[0]);
        return f -> {
            double sum = r == null ? 0 : Math.log(r.eval(f));
            for (Node z : zs) {
                sum += z.eval(f);
            }
            return sum;
        };
    }
}
