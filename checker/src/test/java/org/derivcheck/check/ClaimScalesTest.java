package org.derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.SymbolDecl;
import org.derivcheck.math.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The points at a claim's own magnitudes (issue 11, class 7): a constant such as 10^12 or 50 in a claim names a
 * place (x = 10^12, a = e^50) that random and wide-range draws (1e-8 to 1e8) never reach.
 */
class ClaimScalesTest {
    @TempDir
    Path dir;

    private static Tree num(long n) {
        return new Tree.Num(BigInteger.valueOf(n), BigInteger.ONE);
    }

    private static Tree call(String head, Tree... args) {
        return new Tree.Call(head, List.of(args));
    }

    @Test
    void constantsKeptAsPowersAreEvaluated() {
        // Symja keeps 10^12 as Power(10, 12) in the resolved claim
        Tree t = call("Max", new Tree.Sym("x", Tree.Kind.REAL), call("Power", num(10), num(12)));
        List<Double> v = ClaimScales.valuesOf(List.of(t));
        assertTrue(v.contains(1e12) && v.contains(2e12) && v.contains(5e11) && v.contains(-1e12), v.toString());
        // sqrt: x*y = 10^12 at x = y = 10^6
        assertTrue(v.contains(1e6), v.toString());
        assertEquals(1e12, ClaimScales.constant(call("Power", num(10), num(12))));
        assertTrue(Double.isNaN(ClaimScales.constant(call("Log", num(2)))), "only +, * and powers are folded");
    }

    @Test
    void smallestConstantsGiveTheDigitsAComparisonNeeds() {
        Tree x = new Tree.Sym("x", Tree.Kind.REAL);
        Tree e = new Tree.Sym("E", Tree.Kind.REAL);
        BigInteger ten40 = BigInteger.TEN.pow(40);
        // 1 + 10^-100: 100 digits below 1 (written as a power)
        Tree tiny = call("Plus", num(1), call("Power", num(10), num(-100)));
        assertEquals(100, ClaimScales.smallestConstantDigitsOf(List.of(tiny)), 1e-9);
        // Exp(-1000) kept as E^-1000: 1000/ln 10 = 434.3 digits
        Tree exp = call("Plus", x, call("Power", e, num(-1000)));
        assertEquals(1000 / Math.log(10), ClaimScales.smallestConstantDigitsOf(List.of(exp)), 1e-6);
        // (10^40 + 1)/10^40, a fraction near 1 as the CAS folds 1 + 10^-40: its own 40 digits
        Tree near1 = call("Times", new Tree.Num(ten40.add(BigInteger.ONE), ten40), call("Exp", x));
        assertEquals(40, ClaimScales.smallestConstantDigitsOf(List.of(near1)), 1e-6);
        // ordinary constants (2, 1/2, Pi, 10^12) need no digits of their own beyond the ordinary re-check
        Tree plain = call("Times", num(2), new Tree.Num(BigInteger.ONE, BigInteger.TWO), new Tree.Sym("Pi", Tree.Kind.REAL),
                call("Power", num(10), num(12)), x);
        assertTrue(ClaimScales.smallestConstantDigitsOf(List.of(plain)) < TinyConstants.ORDINARY);
    }

    @Test
    void logarithmThresholdsGiveExponentials() {
        // Log(a) < 50 fails at a = e^50 (2.0e21 and up)
        List<Double> v = ClaimScales.valuesOf(List.of(call("Plus", num(50), new Tree.Sym("a", Tree.Kind.POSITIVE))));
        assertTrue(v.contains(2 * Math.exp(50)) && v.contains(Math.exp(-50) / 2), v.toString());
    }

    @Test
    void smallConstantsAddNoPoints() {
        // 2, 1/2 and 3 name magnitudes the core draws cover: no extra points (no cost for ordinary derivations)
        Tree t = call("Times", num(2), call("Power", num(3), new Tree.Sym("x", Tree.Kind.REAL)),
                new Tree.Num(BigInteger.ONE, BigInteger.TWO));
        assertTrue(ClaimScales.valuesOf(List.of(t)).isEmpty());
    }

    @Test
    void valuesAreMovedIntoTheDomains() {
        SymbolDecl p = new SymbolDecl("p", Domain.PROBABILITY, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1);
        assertEquals(1e-12, ClaimScales.adjust(p, 1e-12));
        assertEquals(1 - 1e-3, ClaimScales.adjust(p, -1e-3), 1e-15, "a negative value names the other end");
        assertTrue(Double.isNaN(ClaimScales.adjust(p, 1e5)));
        assertEquals(2e9, ClaimScales.adjust(new SymbolDecl("a", Domain.POSITIVE, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1), -2e9));
        assertEquals(-2e9, ClaimScales.adjust(new SymbolDecl("a", Domain.NEGATIVE, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1), 2e9));
    }

    @Test
    void falseClaimsAtFarPlacesAreRefutedAndTrueOnesAreNot() throws Exception {
        String yaml = """
                id: claim-scales
                title: places named by the claims' constants
                symbols:
                  x: real
                  a: positive
                steps:
                  - claim: Max(x, 10^9) = 10^9
                  - claim: Min(a, 10^12) = a
                  - claim: (x - 10^12)^2 > 0
                  - claim: Log(a) < 50
                  - claim: Log(a)^2 < 2500
                  - claim: Max(x, 10^9) >= x
                  - claim: Max(a, 10^12) - Min(a, 10^12) = Abs(a - 10^12)
                """;
        Path f = dir.resolve("claim-scales.yaml");
        Files.writeString(f, yaml);
        List<String> wrong = FalseFirst.wrongVerdicts(f, 5);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertFalse(ClaimScales.valuesOf(List.of(num(1000))).isEmpty());
    }
}
