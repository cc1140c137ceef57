package org.derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.derivcheck.cas.Scope;
import org.derivcheck.math.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finite instances in decimals (issue 11, class 8): a bound such as KL(q || p) < 500 fails only where a cell mass
 * is below e^-500, an entropy above 800 only on a support of measure e^800, beyond double's range; a density of
 * 10^-13 against 10^-12 is below the double tolerance of O(1) sums; a side outside its real domain on a random
 * instance (Log(f(z)) for f < 0) where the other is defined is a difference; a function may be 0 or 10^-151.
 */
class PreciseInstancesTest {
    @TempDir
    Path dir;

    private static final MathContext MC = new MathContext(30);
    private static final Tree Z = new Tree.Sym("z", Tree.Kind.FINITE);

    private static Tree call(String head, Tree... args) {
        return new Tree.Call(head, List.of(args));
    }

    private static Tree num(long n) {
        return new Tree.Num(BigInteger.valueOf(n), BigInteger.ONE);
    }

    private static Tree dens(String name) {
        return call("@Density", new Tree.Sym(name, Tree.Kind.DENSITY), Z);
    }

    /** Sum(q(z) Log(q(z)/p(z)), z) as the resolver writes it. */
    private static final Tree KL = call("@FiniteSum", call("Times", dens("q"),
            call("Log", call("Times", call("Power", dens("p"), num(-1)), dens("q")))), Z);

    private static final List<Scope.Density> QP = List.of(new Scope.Density("q", List.of("z"), List.of(), true),
            new Scope.Density("p", List.of("z"), List.of(), true));

    @Test
    void exponentialsAndLogarithmsBeyondDoubleRange() {
        BigDecimal e = PreciseTree.exp(BigDecimal.valueOf(-1000), MC);
        // mpmath: exp(-1000) = 5.07595889754945676529180947957e-435
        assertEquals(0, e.round(new MathContext(25)).compareTo(new BigDecimal("5.075958897549456765291809e-435")), e.toString());
        BigDecimal w = PreciseTree.exp(BigDecimal.valueOf(800), MC);
        assertEquals(0, w.round(new MathContext(25)).compareTo(new BigDecimal("2.726374572112566567364780e347")), w.toString());
        BigDecimal l = PreciseTree.log(new BigDecimal("1e-500"), MC);
        assertEquals(0, l.round(new MathContext(25)).compareTo(new BigDecimal("-1151.292546497022842008996")), l.toString());
        assertEquals(0, PreciseTree.log(PreciseTree.exp(BigDecimal.valueOf(1_000_000), MC), MC)
                .round(new MathContext(20)).compareTo(BigDecimal.valueOf(1_000_000)));
        assertThrows(PreciseTree.Undefined.class, () -> PreciseTree.log(BigDecimal.ZERO, MC));
        assertThrows(PreciseTree.Undefined.class, () -> PreciseTree.exp(new BigDecimal("1e12"), MC));
    }

    @Test
    void constantsGiveLogarithmicLevels() {
        // 10^-500 is 0 in double; its log-magnitude is kept
        Tree tiny = call("Power", num(10), num(-500));
        assertEquals(-500 * Math.log(10), ClaimScales.logConstant(tiny), 1e-9);
        List<Double> lv = PreciseInstances.levels(List.of(500.0), List.of());
        assertEquals(List.of(752.0, 1505.0), lv);
        assertTrue(PreciseInstances.levels(List.of(2.0, 0.5), List.of()).isEmpty(), "small constants add no instances");
    }

    @Test
    void klOnTheOppositeInstanceReachesTheLevel() {
        // q = (1 - e, e), p = (e, 1 - e) with e = e^-752 (beyond double): KL = 752 to 30 digits
        List<PreciseTree.Model> ms = PreciseInstances.logScaled(752, QP, Map.of("z", 2));
        PreciseTree ev = new PreciseTree(QP);
        BigDecimal best = BigDecimal.ZERO;
        for (PreciseTree.Model m : ms) {
            best = best.max(ev.eval(KL, m, Map.of(), Map.of(), 40));
        }
        assertEquals(0, best.round(new MathContext(12)).compareTo(new BigDecimal("752.000000000")), best.toString());
    }

    @Test
    void aCancellationBelowFortyDigitsDoesNotRefute() {
        // Log(1 + e^-100) >= e^-100 is false (log(1 + x) < x), but at 40 digits 1 + e^-100 is 1: the left side 0
        // looks like a clear violation; at 100 digits the difference is x^2/2, and the two disagree: undecided
        Tree x = call("Exp", num(-100));
        Tree lhs = call("Log", call("Plus", num(1), x));
        PreciseTree.Model m = new PreciseTree.Model(Map.of(), Map.of(), Map.of());
        PreciseTree ev = new PreciseTree(List.of());
        assertEquals(0, ev.eval(lhs, m, Map.of(), Map.of(), 40).signum(), "40 digits lose e^-100 against 1");
        assertTrue(ev.eval(lhs, m, Map.of(), Map.of(), 100).signum() > 0);
        assertEquals(PreciseInstances.Result.UNDECIDED, PreciseInstances.of(lhs, x,
                org.derivcheck.notation.Relation.GREATER_EQUAL, List.of(), List.of()).decide(m, Map.of()).result());
        // a violation both precisions agree on fails; an equality of a strict relation is told as such
        Tree y = call("Exp", num(-2000));
        assertEquals(PreciseInstances.Result.FAILS, PreciseInstances.of(y, call("Times", num(2), y),
                org.derivcheck.notation.Relation.GREATER_EQUAL, List.of(), List.of()).decide(m, Map.of()).result());
        assertEquals(PreciseInstances.Result.EQUAL, PreciseInstances.of(call("Times", num(2), y), call("Plus", y, y),
                org.derivcheck.notation.Relation.LESS, List.of(), List.of()).decide(m, Map.of()).result());
        assertEquals(PreciseInstances.Result.HOLDS, PreciseInstances.of(y, call("Times", num(2), y),
                org.derivcheck.notation.Relation.LESS, List.of(), List.of()).decide(m, Map.of()).result());
    }

    @Test
    void undefinedAndUnsupportedAreTold() {
        PreciseTree ev = new PreciseTree(QP);
        PreciseTree.Model m = PreciseInstances.logScaled(10, QP, Map.of("z", 2)).get(0);
        assertThrows(PreciseTree.Undefined.class, () -> ev.eval(call("Log", num(-1)), m, Map.of(), Map.of(), 40));
        assertThrows(PreciseTree.Undefined.class, () -> ev.eval(call("Power", num(-2), new Tree.Num(BigInteger.ONE,
                BigInteger.TWO)), m, Map.of(), Map.of(), 40));
        assertThrows(PreciseTree.Unsupported.class, () -> ev.eval(call("Gamma", num(3)), m, Map.of(), Map.of(), 40));
        // a cube root of a negative number is real
        BigDecimal r = ev.eval(call("Power", num(-8), new Tree.Num(BigInteger.ONE, BigInteger.valueOf(3))), m, Map.of(),
                Map.of(), 40);
        assertEquals(0, r.round(new MathContext(20)).compareTo(BigDecimal.valueOf(-2)), r.toString());
    }

    @Test
    void boundsBeyondDoubleAreRefutedAndTrueOnesAreNot() throws Exception {
        String yaml = """
                id: precise-instances
                title: bounds at the logarithmic scale
                symbols:
                  z: finite
                densities:
                  q: [z]
                  p: [z]
                functions:
                  f: [z]
                steps:
                  - claim: Log(f(z)^2) = 2*Log(f(z))
                  - claim: Sum(f(z)^2, z) > 0
                  - claim: Expectation(f(z)^2, z ~ q) >= 10^(-300)
                  - claim: Sum(q(z)*Log(q(z)/p(z)), z) < 500
                  - claim: Sum(q(z)*Log(q(z)/p(z)), z) <= 10^4
                  - claim: -Expectation(Log(q(z)), z ~ q) <= 1000
                  - claim: -Expectation(Log(p(z)), z ~ q) <= 900
                  - claim: Sum(q(z)^2, z) <= 10^300
                  - claim: q(z) > 10^(-12)
                  - claim: Sum(q(z)*Log(q(z)/p(z)), z) >= -10^4
                  - claim: -Expectation(Log(p(z)), z ~ q) + 1000 >= -Expectation(Log(q(z)), z ~ q) + 1000
                  - claim: q(z) > 0
                  - claim: Sum(q(z), z) = 1
                  - claim: Log(Abs(f(z))) = Log(f(z)^2)/2
                  - claim: Exp(Log(q(z))) = q(z)
                  - claim: Sqrt(1 - Sum(q(z), z)) = 0
                  - claim: Sqrt(Sum(q(z), z) - 1) + Log(Sum(p(z), z)) = 0
                """;
        Path f = dir.resolve("precise-instances.yaml");
        Files.writeString(f, yaml);
        List<String> wrong = FalseFirst.wrongVerdicts(f, 9);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        Map<String, Integer> least = new LinkedHashMap<>();
        least.put("z", 2);
        assertEquals(PreciseInstances.PER_LEVEL, PreciseInstances.logScaled(30, QP, least).size());
    }
}
