package org.derivcheck.prove;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each named inequality rule with true instances (proved as an instance of the rule) and false or
 * ill-formed ones (never proved): the wrong direction, weights that are not a probability, a function
 * that is not positive, KL with q and p swapped, a bound true only for K = 1. Claims are "small <= large".
 */
class InequalityRulesTest {
    static Prover.Result atMost(String rule, String claim) {
        // L_K with positive weights s(zs(k))/q... here the density s itself (w is any real function)
        Scope t = ProverTest.builder().defineFunction("L", List.of("k0"),
                "Expectation(Log(1/k0*Sum(s(zs(k))*s(zs(k)), {k, 1, k0})), zs(k) ~ s, {k, 1, k0})").build();
        List<Cas.Link> links = Cas.parseChain(claim, t);
        List<Prover.Density> ds = new ArrayList<>();
        for (Scope.Density d : t.densities()) {
            ds.add(new Prover.Density(d.name(), d.variables(), d.params(), d.normalized()));
        }
        return new Prover(ds, Set.of("K")).atMost(rule, links.get(0).expr().tree().orElseThrow(),
                links.get(1).expr().tree().orElseThrow());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', value = {
        "jensen # Expectation(Log(p(x, z)/q(z)), z ~ q) <= Log(p(x))",
        "jensen # Sum(q(z)*Log(p(x, z)/q(z)), z) <= Log(Sum(p(x, z), z))",
        "jensen # Expectation(f(z), z ~ q)^2 <= Expectation(f(z)^2, z ~ q)",
        "jensen # Exp(Expectation(f(z), z ~ q)) <= Expectation(Exp(f(z)), z ~ q)",
        "jensen # 1/K*Sum(Log(s(zs(k))), {k, 1, K}) <= Log(1/K*Sum(s(zs(k)), {k, 1, K}))",
        "jensen # L(1) <= L(K)",
        "jensen # L(K) <= Log(Expectation(s(zs)^2, zs ~ s))",
        "jensen # c + Expectation(Log(p(x, z)), z ~ q) <= c + Log(Expectation(p(x, z), z ~ q))",
        "gibbs # Expectation(Log(p(x, z)/q(z)), z ~ q) <= Log(p(x))",
        "gibbs # 0 <= KL(q(z) || p(z | x))",
        "gibbs # 0 <= KL(p(z | x) || q(z))",
        "log-sum # Sum(q(z), z)*Log(Sum(q(z), z)/Sum(p(x, z), z)) <= Sum(q(z)*Log(q(z)/p(x, z)), z)",
        "am-gm # Sqrt(q(z)*p(x, z)) <= (q(z) + p(x, z))/2",
        "am-gm # 1/K*Sum(Log(s(zs(k))^2), {k, 1, K}) <= Log(1/K*Sum(s(zs(k))^2, {k, 1, K}))",
        "monotonicity # Log(q(z)) <= Log(q(z) + p(x, z))",
        "monotonicity # Expectation(f(z), z ~ q) <= Expectation(f(z) + q(z)^2, z ~ q)",
    })
    void provesInstances(String rule, String claim) {
        Prover.Result r = atMost(rule, claim);
        assertTrue(r.proved(), () -> rule + ": " + r.detail());
        assertTrue(r.rules().get(0).startsWith(rule) || rule.equals("monotonicity"), () -> "names the rule: " + r.rules());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', value = {
        // the wrong direction: log is concave, so E[log Y] <= log E[Y], not >=
        "jensen # Log(p(x)) <= Expectation(Log(p(x, z)/q(z)), z ~ q)",
        "jensen # Expectation(f(z)^2, z ~ q) <= Expectation(f(z), z ~ q)^2",
        // weights that are not a probability: f is any real function
        "jensen # Sum(f(z)*Log(q(z)), z) <= Log(Sum(f(z)*q(z), z))",
        // the log of something that may be negative (f): Jensen for log needs Y > 0
        "jensen # Expectation(Log(f(z)), z ~ q) <= Log(Expectation(f(z), z ~ q))",
        // true only for K = 1: L_K >= L_1, so L_K <= L_1 fails for K >= 2
        "jensen # L(K) <= L(1)",
        // the sum of K draws has mean K p(x), not p(x): log of it exceeds L_K by log K
        "jensen # Log(Expectation(Sum(s(zs(k))^2, {k, 1, K}), zs(k) ~ s, {k, 1, K})) <= L(K)",
        // the ELBO is below log p(x), and it is not an upper bound of it
        "gibbs # Log(p(x)) <= Expectation(Log(p(x, z)/q(z)), z ~ q)",
        // E_p[log(q/p)] = -KL(p || q) <= 0: q and p swapped inside
        "gibbs # 0 <= Expectation(Log(q(z)/p(z | x)), z ~ p(z | x))",
        // f is not a density: Sum(q log(q/f)) can be negative (f = 2q gives -log 2)
        "gibbs # 0 <= Sum(q(z)*Log(q(z)/f(z)), z)",
        // entropy of a density can be negative (cells narrower than 1)
        "gibbs # 0 <= -Expectation(Log(q(z)), z ~ q)",
        "log-sum # Sum(q(z)*Log(q(z)/p(x, z)), z) <= Sum(q(z), z)*Log(Sum(q(z), z)/Sum(p(x, z), z))",
        "am-gm # (q(z) + p(x, z))/2 <= Sqrt(q(z)*p(x, z))",
        // f may be negative: AM-GM needs a, b >= 0
        "am-gm # Sqrt(q(z)*f(z)) <= (q(z) + f(z))/2",
        "monotonicity # Log(q(z) + p(x, z)) <= Log(q(z))",
        // f(z) may be negative: adding it may decrease the expectation
        "monotonicity # Expectation(q(z), z ~ q) <= Expectation(q(z) + f(z), z ~ q)",
        // a density need not be at most 1
        "monotonicity # q(z) <= 1",
    })
    void neverProvesFalseInstances(String rule, String claim) {
        Prover.Result r = atMost(rule, claim);
        assertFalse(r.proved(), () -> rule + ": wrongly proved by " + r.rules());
    }

    @Test
    void namesAsStudentsWriteThem() {
        assertTrue(Prover.rule("Jensen's inequality").orElseThrow().equals("jensen"));
        assertTrue(Prover.rule("KL >= 0").orElseThrow().equals("gibbs"));
        assertTrue(Prover.rule("AM-GM").orElseThrow().equals("am-gm"));
        assertTrue(Prover.rule("log sum").orElseThrow().equals("log-sum"));
        assertTrue(Prover.rule("monotonicity of log").orElseThrow().equals("monotonicity"));
        assertTrue(Prover.rule("Cauchy-Schwarz").isEmpty());
    }
}
