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
            "Sqrt(a*b) + x^3", "p*(1 - p) - 1/4", "Abs(x) - a", "a^x"})
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
}
