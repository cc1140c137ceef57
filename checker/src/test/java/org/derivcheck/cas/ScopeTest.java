package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.derivcheck.notation.ParseException;
import org.junit.jupiter.api.Test;

/** A scope is declared in order by its builder, handed out once, and read-only after. */
class ScopeTest {
    @Test
    void declaresInOrderAndIsReadOnlyOnceBuilt() {
        Scope.Builder b = Scope.builder().declare("a", true, false).declareFinite("z", false)
                .declareDensity(new Scope.Density("q", List.of("z"), List.of(), true))
                .define("c", "a^2").defineFunction("f", List.of("u"), "u + c");
        Scope s = b.build();
        assertEquals(List.of("a", "z"), s.declared().stream().map(Scope.Declared::name).toList());
        assertTrue(s.declared("a").orElseThrow().positive());
        assertTrue(s.declared("z").orElseThrow().finite());
        assertTrue(s.isDefined("c") && s.isDefined("f"));
        assertFalse(s.isDefined("a"));
        assertEquals(List.of("q"), s.densities().stream().map(Scope.Density::name).toList());
        // the builder declares nothing more, so a scope never changes after callers were given it
        assertThrows(IllegalStateException.class, () -> b.declare("b", false, false));
        assertThrows(IllegalStateException.class, b::build);
        assertTrue(s.declared("b").isEmpty());
    }

    @Test
    void aNameThatCannotBeDeclaredSaysWhy() {
        Scope.Builder b = Scope.builder().declare("a", false, false);
        assertTrue(assertThrows(ParseException.class, () -> b.declare("a", true, false)).getMessage().contains("twice"));
        assertTrue(assertThrows(ParseException.class, () -> b.define("Sin", "1")).getMessage().contains("built-in"));
        assertTrue(assertThrows(ParseException.class, () -> b.define("d", "undeclared + 1")).getMessage()
                .contains("undeclared"));
        // a definition refers to earlier names only: the failed ones declared nothing
        assertFalse(b.build().isDefined("d"));
    }

    @Test
    void theEmptyScopeResolvesNumbersAndBuiltIns() {
        assertEquals(2.0, Cas.compile(Cas.parse("1 + Exp(0)", Scope.empty())).eval(new double[0], new double[0][], null),
                0.0);
    }
}
