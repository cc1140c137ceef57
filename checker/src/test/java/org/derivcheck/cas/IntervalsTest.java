package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.Map;
import org.derivcheck.math.Range;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Interval arithmetic must be sound: the value at any point of the ranges lies in the computed range
 * (checked at 2,000 random points per expression, a, b positive, p a probability, x real); and it must
 * prove the signs the parameter domains need.
 */
class IntervalsTest {
    private static Scope table() {
        Scope.Builder t = Scope.builder();
        t.declare("a", true, false);
        t.declare("b", true, false);
        t.declare("p", true, false);
        t.declare("x", false, false);
        return t.build();
    }

    private static Map<ISymbol, Range> ranges(Scope t) {
        Map<ISymbol, Range> r = new IdentityHashMap<>();
        r.put(t.symbol("a").orElseThrow(), Range.POSITIVE);
        r.put(t.symbol("b").orElseThrow(), Range.POSITIVE);
        r.put(t.symbol("p").orElseThrow(), Range.UNIT_OPEN);
        r.put(t.symbol("x").orElseThrow(), Range.ALL);
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 - p", "a*b - 1", "x^2 + 1", "Log(a) - x", "Exp(x)*a", "1/(a + b)", "(1 - p)/p", "a^(3/2) - b",
            "Sqrt(a*b) + x^3", "p*(1 - p) - 1/4", "Abs(x) - a", "a^x", "Gamma(a)", "LogGamma(a)", "psi(a)", "psi1(a)",
            "1 - 1/Gamma(a + 1)"})
    void containsEveryValue(String text) {
        Scope t = table();
        Expr e = Cas.parse(text, t);
        Range r = new Intervals(ranges(t)).of(e.ast);
        NumericFunction f = Cas.compile(e);
        Well19937c rng = new Well19937c(text.hashCode());
        for (int i = 0; i < 2000; i++) {
            double a = Math.exp(-10 + 20 * rng.nextDouble());
            double b = Math.exp(-10 + 20 * rng.nextDouble());
            double p = rng.nextDouble();
            double x = (rng.nextDouble() - 0.5) * Math.exp(-5 + 10 * rng.nextDouble());
            if (p == 0) {
                continue;
            }
            double v = f.eval(new double[] {a, b, p, x}, new double[0][], null);
            if (Double.isFinite(v)) {
                assertTrue(v >= r.lo() && v <= r.hi(), text + " = " + v + " at a=" + a + " b=" + b + " p=" + p + " x=" + x
                        + " outside " + r);
            }
        }
    }

    @Test
    void provesTheSignsDomainsNeed() {
        Scope t = table();
        Intervals iv = new Intervals(ranges(t));
        assertTrue(iv.of(Cas.parse("1 - p", t).ast).positive());
        assertTrue(iv.of(Cas.parse("a*b", t).ast).positive());
        assertTrue(iv.of(Cas.parse("1/(a*b) + x^2", t).ast).positive());
        assertTrue(iv.of(Cas.parse("b + x^2/2", t).ast).positive());
        assertFalse(iv.of(Cas.parse("a - 1", t).ast).positive());
        assertFalse(iv.of(Cas.parse("x", t).ast).nonnegative());
        assertFalse(iv.of(Cas.parse("1 - 2*p", t).ast).nonnegative());
    }

    /**
     * Trigonometric, hyperbolic and other one-argument functions over small ranges of x (where the range of a
     * parameter such as Sin(m) at a sampled point decides whether it leaves its domain): every value inside.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Sin(x)", "Cos(3*x)", "Tan(x)", "ArcTan(x)", "Tanh(x)", "Sinh(x)", "Cosh(x)", "Erf(x)",
            "Max(x, 1/2)", "Min(x, Min(1, 2*x))", "1 + Sin(x)*Cos(x)", "Sin(x)^2 - 1/4", "Gamma(x)", "LogGamma(x)",
            "psi(x)", "psi1(x)"})
    void containsEveryValueOnSmallRanges(String text) {
        Scope t = table();
        Expr e = Cas.parse(text, t);
        NumericFunction f = Cas.compile(e);
        ISymbol x = t.symbol("x").orElseThrow();
        Well19937c rng = new Well19937c(text.hashCode() + 17);
        for (int k = 0; k < 400; k++) {
            double lo = (rng.nextDouble() - 0.5) * 20;
            double w = k % 4 == 0 ? 0 : Math.exp(-12 + 14 * rng.nextDouble());
            Map<ISymbol, Range> r = ranges(t);
            r.put(x, Range.closed(lo, lo + w));
            Range out = new Intervals(r).of(e.ast);
            for (int i = 0; i < 20; i++) {
                double at = i == 0 ? lo : i == 1 ? lo + w : lo + w * rng.nextDouble();
                double v = f.eval(new double[] {1, 1, 0.5, at}, new double[0][], null);
                if (Double.isFinite(v)) {
                    assertTrue(v >= out.lo() && v <= out.hi(), text + " = " + v + " at x=" + at + " outside " + out);
                }
            }
        }
    }

    @Test
    void findsTheSignOfAFunctionAtAPoint() {
        Scope t = table();
        Map<ISymbol, Range> r = ranges(t);
        r.put(t.symbol("x").orElseThrow(), Range.point(-1));
        Intervals iv = new Intervals(r);
        assertTrue(iv.of(Cas.parse("Sin(x)", t).ast).negative()); // Bernoulli(Sin(m)) leaves its domain at m = -1
        assertTrue(iv.of(Cas.parse("Tanh(x)", t).ast).negative());
        assertTrue(iv.of(Cas.parse("Erf(x)", t).ast).negative());
        assertTrue(iv.of(Cas.parse("Max(x, -1/2)", t).ast).negative());
        assertTrue(iv.of(Cas.parse("Cos(x)", t).ast).positive());
        assertTrue(iv.of(Cas.parse("1 - Sin(x)", t).ast).positive());
        r.put(t.symbol("x").orElseThrow(), Range.point(-0.5));
        iv = new Intervals(r);
        assertTrue(iv.of(Cas.parse("Gamma(x)", t).ast).negative()); // Normal(0, Gamma(m)) leaves its domain at m = -1/2
        r.put(t.symbol("x").orElseThrow(), Range.point(0.5));
        iv = new Intervals(r);
        assertTrue(iv.of(Cas.parse("psi(x)", t).ast).negative());
        assertTrue(iv.of(Cas.parse("1 - 1/Gamma(x + 1)", t).ast).negative());
        r.put(t.symbol("x").orElseThrow(), Range.point(1.5));
        assertTrue(new Intervals(r).of(Cas.parse("LogGamma(x)", t).ast).negative());
        assertTrue(new Intervals(ranges(t)).of(Cas.parse("psi1(a)", t).ast).positive());
    }
}
