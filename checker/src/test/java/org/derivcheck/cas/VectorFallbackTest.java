package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.derivcheck.testing.CasPerClass;
import org.hipparchus.random.Well19937c;
import org.derivcheck.special.Digamma;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

/**
 * The numeric fallback for the vector families (VectorLaws), on expectations the table does not reduce,
 * against closed forms known from theory (aggregation of a Dirichlet, moment generating functions):
 * deterministic rules to 1e-9 (quadrature asked 1e-12), Monte Carlo draws within 5 standard errors of
 * 100,000 replicates.
 */
class VectorFallbackTest {
    @RegisterExtension
    static final CasPerClass CAS = CasPerClass.started();

    private static double quadrature(String e) {
        NumericFunction f = Cas.compileDeterministic(Cas.parse(e, Scope.empty()));
        return f.eval(new double[0], new double[0][], null);
    }

    private static MonteCarloMean monteCarlo(String e, int seed) {
        NumericFunction f = Cas.compile(Cas.parse(e, Scope.empty()));
        Well19937c rng = new Well19937c(seed);
        return MonteCarloMean.of(100_000, () -> f.eval(new double[0], new double[0][], rng));
    }

    private static double psi(double x) {
        return Digamma.digamma(x);
    }

    @Test
    void dirichletByNestedQuadrature() {
        // t1 + t2 ~ Beta(a1 + a2, a3) (aggregation), so E[log(t1 + t2)] = psi(a1 + a2) - psi(A)
        assertEquals(psi(4) - psi(7), quadrature("Expectation(Log(t(1) + t(2)), t ~ Dirichlet({5/2, 3/2, 3}))"), 1e-9);
        assertEquals(2.5 * 1.5 * 3 / (7 * 8 * 9), quadrature("Expectation(t(1)*t(2)*t(3), t ~ Dirichlet({5/2, 3/2, 3}))"), 1e-10);
        // small parameters: the mass sits at the ends, where 1 - t1 must be the exact distance
        assertEquals(psi(0.9) - psi(2.1), quadrature("Expectation(Log(t(2)), t ~ Dirichlet({6/5, 9/10}))"), 1e-9);
        assertEquals(psi(0.3) - psi(2.5), quadrature("Expectation(Log(t(1)), t ~ Dirichlet({3/10, 6/5, 1}))"), 1e-9);
    }

    @Test
    void finiteFamiliesAreExactSums() {
        double want = 0.2 * Math.exp(1) + 0.5 * Math.exp(2) + 0.3 * Math.exp(3);
        assertEquals(want, quadrature("Expectation(Exp(z(1) + 2*z(2) + 3*z(3)), z ~ OneHotCategorical({1/5, 1/2, 3/10}))"), 1e-12);
        // E[x1 x2] = n (n - 1) p1 p2 for Multinomial(n, p)
        assertEquals(6 * 5 * 0.2 * 0.5, quadrature("Expectation(x(1)*x(2), x ~ Multinomial(6, {1/5, 1/2, 3/10}))"), 1e-12);
        // E[s^x1] = (1 - p1 + p1 s)^n, the probability generating function
        assertEquals(Math.pow(0.8 + 0.2 * 0.5, 6), quadrature("Expectation((1/2)^x(1), x ~ Multinomial(6, {1/5, 1/2, 3/10}))"),
                1e-12);
    }

    @Test
    void bivariateNormalByNestedQuadrature() {
        // E[exp(a.x)] = exp(a.m + a.S.a/2), a = (1, 2), m = (1/2, -1), S = {{2, 3/5}, {3/5, 1}}
        double want = Math.exp(0.5 - 2 + (2 + 2 * 2 * 0.6 + 4) / 2);
        double got = quadrature("Expectation(Exp(x(1) + 2*x(2)), x ~ MvNormal({1/2, -1}, {{2, 3/5}, {3/5, 1}}))");
        assertEquals(want, got, 1e-9 * want);
    }

    @Test
    void beyondTwoDimensionsMonteCarloDecides() {
        assertThrows(CasException.class, () -> quadrature("Expectation(Log(t(1) + t(2)), t ~ Dirichlet({1, 2, 3, 4, 5}))"));
        MonteCarloMean d = monteCarlo("Expectation(Log(t(1) + t(2)), t ~ Dirichlet({1, 2, 3, 4, 5}))", 1);
        assertTrue(d.agrees(psi(3) - psi(15), 0), d::toString);
        // Wishart(5, W), D = 2: E[log |L|] = psi(5/2) + psi(2) + 2 log 2 + log |W|, |W| = 2 - 0.09
        MonteCarloMean w = monteCarlo("Expectation(Log(L(1, 1)*L(2, 2) - L(1, 2)^2), L ~ Wishart(5, {{1, 3/10}, {3/10, 2}}))", 2);
        double want = psi(2.5) + psi(2) + 2 * Math.log(2) + Math.log(2 - 0.09);
        assertTrue(w.agrees(want, 0), () -> w + " vs " + want);
        MonteCarloMean l = monteCarlo("Expectation(L(1, 2), L ~ Wishart(5, {{1, 3/10}, {3/10, 2}}))", 3);
        assertTrue(l.agrees(1.5, 0), l::toString);
        MonteCarloMean m = monteCarlo("Expectation(Exp(x(3)), x ~ MvNormal({1, 0, -2}, {{1, 1/2, 1/5}, {1/2, 2, -2/5}, {1/5, -2/5, 3/2}}))", 4);
        assertTrue(m.agrees(Math.exp(-2 + 0.75), 0), m::toString);
        MonteCarloMean k = monteCarlo("Expectation(x(2)^2, x ~ Multinomial(40, {1/5, 1/2, 3/10}))", 5);
        assertTrue(k.agrees(40 * 0.5 * 0.5 + 400, 0), k::toString);
    }
}
