package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CasSmokeTest {
    static Cas cas;

    @BeforeAll
    static void start() {
        cas = Cas.start();
    }

    @AfterAll
    static void stop() {
        cas.close();
    }

    @Test
    void scoreOfGammaFactor() {
        Scope.Builder b = Scope.builder();
        for (String s : List.of("aN", "bN", "tau", "lamN")) {
            b.declare(s, true, false);
        }
        b.declare("mu", false, false);
        b.declare("muN", false, false);
        b.define("logq", "1/2*Log(lamN) - 1/2*Log(2*Pi) - lamN/2*(mu-muN)^2 + aN*Log(bN) - LogGamma(aN) + (aN-1)*Log(tau) - bN*tau");
        Scope t = b.build();
        var links = Cas.parseChain("Gradient(logq, {muN, lamN, aN, bN}) = {lamN*(mu - muN), 1/(2*lamN) - (mu-muN)^2/2, Log(bN) - psi(aN) + Log(tau), aN/bN - tau}", t);
        assertEquals(2, links.size());
        Expr l = cas.reduce(links.get(0).expr(), 10_000);
        Expr r = cas.reduce(links.get(1).expr(), 10_000);
        for (int i = 0; i < 4; i++) {
            assertTrue(cas.provesZero(l.part(i).minus(r.part(i)), 10_000).isPresent(), "component " + i);
        }
        var e = Cas.parse("Expectation(Gradient(logq, {muN, lamN, aN, bN}), {mu ~ Normal(muN, 1/lamN)}, tau ~ Gamma(aN, bN))", t);
        Expr er = cas.reduce(e, 10_000);
        var fisher = Cas.parse("Cov({Log(tau) + Log(bN) - psi(aN), aN/bN - tau}, tau ~ Gamma(aN, bN))", t);
        Expr fr = cas.reduce(fisher, 20_000);
    }
}
