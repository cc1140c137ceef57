package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cas.reduceChecked remembers reductions per table: the same answer again, never another table's. */
class ReducedCacheTest {
    static Cas cas;

    @BeforeAll
    static void start() {
        cas = Cas.start();
    }

    @AfterAll
    static void stop() {
        cas.close();
    }

    private static Scope table(String g) {
        Scope.Builder b = Scope.builder();
        b.declare("a", true, false);
        b.declare("b", true, false);
        b.declare("t", true, false);
        b.define("g", g);
        return b.build();
    }

    @Test
    void twoTablesWithOneNameAreNotConfused() {
        Scope square = table("a^2");
        Scope cube = table("a^3");
        Expr s = cas.reduceChecked(Cas.parse("g + 1", square), 10_000).value();
        Expr c = cas.reduceChecked(Cas.parse("g + 1", cube), 10_000).value();
        assertTrue(cas.provesZero(s.minus(Cas.parse("a^2 + 1", square)), 10_000).isPresent(), s.toString());
        assertTrue(cas.provesZero(c.minus(Cas.parse("a^3 + 1", cube)), 10_000).isPresent(), c.toString());
        assertSame(cube, c.table);
    }

    @Test
    void aRememberedReductionIsTheSameWithItsConditionsAndACopy() {
        Scope t = table("a");
        Expr e = Cas.parse("Expectation(1/t, t ~ Gamma(a, b)) + D(a^3, a)", t);
        Cas.Reduced first = cas.reduceChecked(e, 10_000);
        Cas.Reduced again = cas.reduceChecked(Cas.parse("Expectation(1/t, t ~ Gamma(a, b)) + D(a^3, a)", t), 10_000);
        assertEquals(first.value().ast, again.value().ast);
        assertNotSame(first.value().ast, again.value().ast, "a copy, so that no caller changes another's expression");
        assertFalse(first.conditions().isEmpty(), "E[1/t] exists only for a > 1");
        assertEquals(first.conditions(), again.conditions());
    }
}
