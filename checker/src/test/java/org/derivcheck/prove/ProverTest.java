package org.derivcheck.prove;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.Expr;
import org.derivcheck.cas.Scope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rewrite rule with a true instance (must be proved) and a false or unprovable one (must not be): the
 * false ones include identities true only for probability tables (cells of width 1), only for K = 1, or with
 * q and p swapped inside KL. The false instances were checked false by hand with a two-cell example (noted).
 */
class ProverTest {
    /** x, z, z_1, z_2 finite; zs indexed draws; p(x, z), q(z), q_1, q_2, r(z; phi); f, g, h functions. */
    static Scope table() {
        return builder().build();
    }

    /** The builder of {@link #table()}, for a test that declares more. */
    static Scope.Builder builder() {
        Scope.Builder t = Scope.builder();
        for (String v : new String[] {"x", "z", "z_1", "z_2"}) {
            t.declareFinite(v, false);
        }
        t.declareFinite("zs", true);
        t.declare("c", false, false);
        t.declare("phi", false, false);
        t.declare("K", true, false);
        t.declareDensity(new Scope.Density("p", List.of("x", "z"), List.of(), true));
        t.declareDensity(new Scope.Density("q", List.of("z"), List.of(), true));
        t.declareDensity(new Scope.Density("q_1", List.of("z_1"), List.of(), true));
        t.declareDensity(new Scope.Density("q_2", List.of("z_2"), List.of(), true));
        t.declareDensity(new Scope.Density("r", List.of("z"), List.of("phi"), true));
        t.declareDensity(new Scope.Density("s", List.of("zs"), List.of(), true));
        t.declareDensity(new Scope.Density("f", List.of("z"), List.of(), false));
        t.declareDensity(new Scope.Density("g", List.of("z"), List.of(), false));
        t.declareDensity(new Scope.Density("h", List.of("z_1", "z_2"), List.of(), false));
        t.declareDensity(new Scope.Density("w", List.of("zs"), List.of(), false));
        return t;
    }

    static Prover.Result prove(String claim) {
        Scope t = table();
        List<Cas.Link> links = Cas.parseChain(claim, t);
        Expr l = links.get(0).expr();
        Expr r = links.get(1).expr();
        List<Prover.Density> ds = new ArrayList<>();
        for (Scope.Density d : t.densities()) {
            ds.add(new Prover.Density(d.name(), d.variables(), d.params(), d.normalized()));
        }
        return new Prover(ds, Set.of("K")).equal(l.tree().orElseThrow(), r.tree().orElseThrow());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', value = {
        "linearity # Sum(q(z)*(f(z) + 2*g(z)), z) = Sum(q(z)*f(z), z) + 2*Sum(q(z)*g(z), z)",
        "constants out # Sum(c*q(z)*f(z), z) = c*Sum(q(z)*f(z), z)",
        "normalization # Sum(q(z), z) = 1",
        "normalization of each factor # Sum(Sum(q_1(z_1)*q_2(z_2), z_1), z_2) = 1",
        "expectation of a constant # Expectation(c, z ~ q) = c",
        "independent factors split # Sum(Sum(q_1(z_1)*q_2(z_2)*h(z_1, 0)*h(0, z_2), z_1), z_2) = Sum(q_1(z_1)*h(z_1, 0), z_1)*Sum(q_2(z_2)*h(0, z_2), z_2)",
        "exchange of sums # Sum(Sum(h(z_1, z_2), z_1), z_2) = Sum(Sum(h(z_1, z_2), z_2), z_1)",
        "iterated expectation # Expectation(Expectation(h(z_1, z_2), z_2 ~ q_2), z_1 ~ q_1) = Expectation(h(z_1, z_2), z_1 ~ q_1, z_2 ~ q_2)",
        "marginal # p(x) = Sum(p(x, z), z)",
        "conditional # p(z | x) = p(x, z)/p(x)",
        "conditional normalized # Sum(p(z | x), z) = 1",
        "log of a product of densities # Log(q(z)*p(x, z)) = Log(q(z)) + Log(p(x, z))",
        "log of a quotient and a power # Log(q(z)^3/p(x, z)) = 3*Log(q(z)) - Log(p(x, z))",
        "log-exp # Log(Exp(f(z))) = f(z)",
        "exp-log # Exp(2*Log(q(z))) = q(z)^2",
        "entropy of a product # Expectation(Log(q_1(z_1)*q_2(z_2)), z_1 ~ q_1, z_2 ~ q_2) = Expectation(Log(q_1(z_1)), z_1 ~ q_1) + Expectation(Log(q_2(z_2)), z_2 ~ q_2)",
        "KL as an expectation # KL(q(z) || p(z | x)) = Expectation(Log(q(z)) - Log(p(x, z)) + Log(p(x)), z ~ q)",
        "cancel a positive factor # Expectation(f(z)/q(z), z ~ q) = Sum(f(z), z)",
        "derivative of normalization # D(Sum(r(z), z), phi) = 0",
        "score has mean 0 # Expectation(D(Log(r(z)), phi), z ~ r) = 0",
        "differentiation under the sum # D(Expectation(f(z), z ~ r), phi) = Expectation(f(z)*D(Log(r(z)), phi), z ~ r)",
        "entry derivative # D(Sum(q(z)*f(z), z) - Sum(q(z)*Log(q(z)), z), q(z)) = f(z) - Log(q(z)) - 1",
        "entry derivative of the mass # D(c*(Sum(q(z), z) - 1), q(z)) = c",
        "draws: one draw # Expectation(w(zs(1)), zs(k) ~ s, {k, 1, 1}) = Expectation(w(zs), zs ~ s)",
        "draws: average of K # Expectation(1/K*Sum(w(zs(k)), {k, 1, K}), zs(k) ~ s, {k, 1, K}) = Expectation(w(zs), zs ~ s)",
        "draws: two written out # Expectation(w(zs(1))*w(zs(2)), zs(k) ~ s, {k, 1, 2}) = Expectation(w(zs), zs ~ s)^2",
        "sum of a constant # Sum(c, {k, 1, K}) = K*c",
        "sum written out # Sum(k*f(z), {k, 1, 3}) = 6*f(z)",
    })
    void provesTrueInstances(String rule, String claim) {
        Prover.Result r = prove(claim);
        assertTrue(r.proved(), () -> rule + ": " + r.detail());
        assertFalse(r.rules().isEmpty() && !claim.contains("Sum(Sum(h"), rule + ": the rules used are listed");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', value = {
        // wrong coefficient: Sum(q f) + 2 Sum(q g) differs from Sum(q f) + Sum(q g) when Sum(q g) != 0
        "linearity # Sum(q(z)*(f(z) + 2*g(z)), z) = Sum(q(z)*f(z), z) + Sum(q(z)*g(z), z)",
        // a function is not normalized: f = (1, 1) sums to 2
        "normalization of a function # Sum(f(z), z) = 1",
        // Sum(1, z) is the total width of the support, 1 only for one cell of width 1
        "cell widths # Sum(1, z) = 1",
        // a product of a density with itself: (1/2)^2 + (1/2)^2 = 1/2
        "not a product of factors # Sum(q_1(z_1)*q_1(z_1), z_1) = 1",
        // p(x # z) is normalized over x, not over z: p = [[0.1, 0.4], [0.4, 0.1]] gives 0.2/0.5 + 0.8/0.5
        "conditional over the wrong variable # Sum(p(x | z), z) = 1",
        // mass and density agree only for probability tables: with width 1/2 a density is twice its mass
        "density as mass # Sum(q(z)*q(z), z) = Sum(q(z), z)*Sum(q(z), z)",
        // an extra factor of q: Sum(q p) is not p(x)
        "marginal with a weight # p(x) = Sum(p(x, z)*q(z), z)",
        // f and g may be negative: the log rule needs positive factors
        "log of a product of functions # Log(f(z)*g(z)) = Log(f(z)) + Log(g(z))",
        // log(a + b) is not log a + log b
        "log of a sum # Log(q(z) + p(x, z)) = Log(q(z)) + Log(p(x, z))",
        // KL is not symmetric: q = (0.9, 0.1), p = (0.5, 0.5) gives 0.368 and 0.511
        "KL swapped # KL(q(z) || p(z | x)) = KL(p(z | x) || q(z))",
        "KL with q and p swapped inside # KL(q(z) || p(z | x)) = Expectation(Log(p(z | x)/q(z)), z ~ q)",
        // an expectation is not a sum: Sum(q f) is not Sum(f)
        "expectation as a plain sum # Expectation(f(z), z ~ q) = Sum(f(z), z)",
        // f does not depend on phi but r does: D E_r[f] = E_r[f D log r], not 0
        "derivative of an expectation # D(Sum(r(z)*f(z), z), phi) = 0",
        "score under the wrong weight # Expectation(D(r(z), phi), z ~ r) = 0",
        // the entry derivative perturbs q off the normalized set: D(Sum(q), q(z)) is 1, not 0
        "entry derivative of the mass # D(Sum(q(z), z), q(z)) = 0",
        "entry derivative of the log # D(Sum(q(z)*Log(q(z)), z), q(z)) = Log(q(z))",
        // true only for K = 1: the sum of K draws has mean K E_s[w]
        "draws: K = 1 only # Expectation(Sum(w(zs(k)), {k, 1, K}), zs(k) ~ s, {k, 1, K}) = Expectation(w(zs), zs ~ s)",
        "draws: log of the average, K = 1 only # Expectation(Log(1/K*Sum(w(zs(k)), {k, 1, K})), zs(k) ~ s, {k, 1, K}) = Expectation(Log(w(zs)), zs ~ s)",
        // two draws are independent, not equal: E[w(z1) w(z2)] = E[w]^2, not E[w^2]
        "draws: independence # Expectation(w(zs(1))*w(zs(2)), zs(k) ~ s, {k, 1, 2}) = Expectation(w(zs)^2, zs ~ s)",
        "sum of a constant # Sum(c, {k, 1, K}) = c",
    })
    void neverProvesFalseInstances(String rule, String claim) {
        Prover.Result r = prove(claim);
        assertFalse(r.proved(), () -> rule + ": wrongly proved by " + r.rules());
    }
}
