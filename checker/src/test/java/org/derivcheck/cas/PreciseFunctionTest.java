package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The high-precision evaluator against mpmath 1.x (Debian python3-mpmath, mp.dps = 45: psi, loggamma, gamma,
 * erf), to 35 significant digits of the 40 asked for; and the exact evaluator on rationals.
 */
class PreciseFunctionTest {
    private static double[] at(double x) {
        return new double[] {x};
    }

    private static Scope table() {
        Scope.Builder t = Scope.builder();
        t.declare("x", false, false);
        return t.build();
    }

    private static PreciseValue value(String expr, double x, int digits) {
        Optional<PreciseFunction> f = PreciseFunction.precise(Cas.parse(expr, table()));
        assertTrue(f.isPresent(), expr);
        return (PreciseValue) f.get().eval(at(x), null, digits).orElseThrow();
    }

    /** |value - reference| <= 10^-35 relative: the reference's own 45 digits are exact to far below that. */
    private static void close(String ref, PreciseValue v, String what) {
        PreciseValue r = new PreciseValue(new org.apfloat.Apfloat(ref, 50), false, 45);
        double diff = v.subtract(r).log10Abs();
        assertTrue(diff <= r.log10Abs() - 35, what + ": " + v + " vs " + ref + " (log10 |diff| = " + diff + ")");
    }

    @ParameterizedTest
    @CsvSource({
        "psi(x), 2.57, 0.7369154776036802908085462738030081214298",
        "psi1(x), 2.57, 0.4743546663456524978529397178037700245896",
        "'PolyGamma(2, x)', 2.57, -0.2212675399320159314856324047452118978636",
        "LogGamma(x), 2.57, 0.3350919285194100558754536955986683871629",
        "Gamma(x), 2.57, 1.398068901719379181670443170029744741035",
        "Erf(x), 2.57, 0.9997215109111427666700006523657293176047",
        "psi(x), 0.3, -3.502524222200132988964494507371981599538",
        "psi1(x), 0.3, 12.24536454610773046547360353308873643572",
        "'PolyGamma(2, x)', 0.3, -75.2725365887260306667693305149914066647",
        "LogGamma(x), 0.3, 1.095797994818075521677168142370107278445",
        "Gamma(x), 0.3, 2.991568987687590628312516515904917791113",
        "psi(x), 17.25, 2.818546676986557037937302640001693211462",
        "psi1(x), 17.25, 0.05968378191901551717209731151837298485977",
        "LogGamma(x), 17.25, 31.37462231367768648001275969530205675713",
        "Gamma(x), -1.5, 2.363271801207354703064223311121526910397",
    })
    void specialFunctionsMatchMpmath(String expr, double x, String reference) {
        long t0 = System.nanoTime();
        PreciseValue v = value(expr, x, 40);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        close(reference, v, expr + " at " + x);
        // apfloat's own digamma and zeta took 0.4-3 s each at this precision; these are series of a few hundred terms
        assertTrue(ms < 2_000, expr + " took " + ms + " ms");
    }

    @Test
    void exactArithmeticSeesWhatDoubleCannot() {
        Scope t = table();
        PreciseFunction l = PreciseFunction.exact(Cas.parse("x + 10^(-12)", t)).orElseThrow();
        PreciseFunction r = PreciseFunction.exact(Cas.parse("x", t)).orElseThrow();
        NumericFunction.Precise.Value d = l.eval(at(1.82), null, 0).orElseThrow().subtract(r.eval(at(1.82), null, 0).orElseThrow());
        assertTrue(d.exact());
        assertEquals("1/1000000000000", d.toString());
        assertEquals("91/50", r.eval(at(1.82), null, 0).orElseThrow().toString(), "a point is the decimal it prints as");
        assertFalse(PreciseFunction.exact(Cas.parse("Log(x)", t)).isPresent(), "a log is not rational");
        assertTrue(l.usesSymbols());
        assertFalse(PreciseFunction.exact(Cas.parse("1/3", t)).orElseThrow().usesSymbols());
    }

    @Test
    void hugeExponentsKeepTheirSize() {
        // (1 + x)^(2^40) at x = 3.02: 10^(2^40 log10 4.02) = 10^664353571171.57..., far beyond double
        PreciseValue v = value("(1 + x)^(2^40)", 3.02, 40);
        assertEquals(664353571171.57, v.log10Abs(), 0.01);
        assertEquals(Double.POSITIVE_INFINITY, v.toDouble());
    }

    @Test
    void undefinedIsEmpty() {
        Scope t = table();
        assertTrue(PreciseFunction.precise(Cas.parse("Log(x)", t)).orElseThrow().eval(at(-1), null, 30).isEmpty());
        assertTrue(PreciseFunction.precise(Cas.parse("1/x", t)).orElseThrow().eval(at(0), null, 30).isEmpty());
        assertTrue(PreciseFunction.exact(Cas.parse("1/x", t)).orElseThrow().eval(at(0), null, 0).isEmpty());
    }
}
