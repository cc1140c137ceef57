package org.derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.derivcheck.testing.CasPerClass;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gets a clear message with file and line, and a defined verdict in time. */
class BadInputTest {
    @RegisterExtension
    static final CasPerClass CAS = CasPerClass.warmedUp();
    @TempDir
    static Path dir;

    private static DerivationResult check(String name, String yaml, double seconds) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, yaml);
        CheckOptions o = CheckOptions.defaults().withStepMillis((long) (seconds * 1000));
        return new BatchChecker(CAS.get(), o, 1).checkOne(f);
    }

    private static String oneStep(String claim) {
        return "symbols:\n  x: real\n  y: real\n  a: positive\nsteps:\n  - claim: '" + claim.replace("'", "''") + "'\n";
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        DerivationResult r = check("malformed", "symbols:\n  x: real\nsteps:\n  - claim: [x = x\n", 5);
        assertEquals(Verdict.INVALID, r.verdict());
        assertTrue(r.error().orElseThrow().contains("malformed.yaml:"), r.error().toString());
        assertTrue(r.error().get().contains("malformed YAML"), r.error().toString());
    }

    @Test
    void unknownDomainAndKeysAreNamed() throws IOException {
        DerivationResult r = check("domain", "symbols:\n  x: complex\nsteps:\n  - claim: x = x\n", 5);
        assertEquals(Verdict.INVALID, r.verdict());
        assertTrue(r.error().orElseThrow().contains("domain.yaml:2"), r.error().toString());
        DerivationResult k = check("keys", "symbol:\n  x: real\nsteps:\n  - claim: x = x\n", 5);
        assertTrue(k.error().orElseThrow().contains("unknown key 'symbol'"), k.error().toString());
    }

    /** min and max of a symbol are honoured or refused, never dropped: a real with both ends is that interval. */
    @Test
    void boundsOfASymbolAreNeverIgnored() throws IOException {
        // p in (0, 1): p^2 < p holds there; read as any real (as before) it was refuted at p = 2
        DerivationResult r = check("bounded", "symbols:\n  p: {domain: real, min: 0, max: 1}\nsteps:\n  - claim: p^2 < p\n", 10);
        assertEquals(Verdict.CONFIRMED, r.steps().get(0).verdict(), r.steps().get(0).message());
        DerivationResult w = check("onebound", "symbols:\n  w: {domain: positive, max: 3}\nsteps:\n  - claim: w < 3\n", 5);
        assertEquals(Verdict.INVALID, w.verdict());
        assertTrue(w.error().orElseThrow().contains("onebound.yaml:2") && w.error().get().contains("domain: interval"),
                w.error().toString());
        DerivationResult h = check("half", "symbols:\n  x: {domain: real, min: 0}\nsteps:\n  - claim: x >= 0\n", 5);
        assertEquals(Verdict.INVALID, h.verdict(), "a real with one end is refused, not read as any real");
    }

    @Test
    void unknownSymbolIsInvalidWithLineAndColumn() throws IOException {
        DerivationResult r = check("unknown", oneStep("x + z = x"), 5);
        StepResult s = r.steps().get(0);
        assertEquals(Verdict.INVALID, s.verdict());
        assertEquals(6, s.line());
        assertTrue(s.message().contains("unknown symbol 'z'") && s.message().contains("column 5"), s.message());
    }

    @Test
    void syntaxErrorIsInvalid() throws IOException {
        StepResult s = check("syntax", oneStep("x + * y = x"), 5).steps().get(0);
        assertEquals(Verdict.INVALID, s.verdict());
        assertTrue(s.message().contains("column"), s.message());
    }

    @Test
    void undefinedFunctionInDefinitionIsInvalidWithItsLine() throws IOException {
        DerivationResult r = check("undefined", "symbols:\n  x: real\ndefine:\n  f: foo(x)\nsteps:\n  - claim: f = x\n", 5);
        assertEquals(Verdict.INVALID, r.verdict());
        assertTrue(r.error().orElseThrow().contains("undefined.yaml:4") && r.error().get().contains("unknown function 'foo'"),
                r.error().toString());
    }

    @Test
    void aStepTheCasCannotDecideIsInconclusive() throws IOException {
        // true (the recurrence of the tetragamma function), but PolyGamma of order 2 has no numeric evaluator here
        StepResult s = check("undecided", oneStep("PolyGamma(2, a + 1) = PolyGamma(2, a) + 2/a^3"), 10).steps().get(0);
        assertEquals(Verdict.INCONCLUSIVE, s.verdict(), s.toString());
    }

    @Test
    void aStepPastTheTimeLimitStopsInTime() throws IOException {
        long t0 = System.nanoTime();
        StepResult s = check("slow", oneStep("Sum(Log(n)*x^2, {n, 1, 900000}) = x^2*LogGamma(900001)"), 1.0).steps().get(0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(Verdict.INCONCLUSIVE, s.verdict(), s.toString());
        // limit 1 s; slack for the last point in flight and the abandoned CAS call
        assertTrue(seconds < 8, "took " + seconds + " s");
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("Run(\"ls\") = 0", "strings are not part"),
                Arguments.of("Export(\"out.txt\", 1) = 0", "strings are not part"),
                Arguments.of("ReadString(\"/etc/passwd\") = 0", "strings are not part"),
                Arguments.of("JavaNew(x) = 0", "unknown function 'JavaNew'"),
                Arguments.of("$HomeDirectory = 0", "'$' names are not allowed"),
                Arguments.of("Expand((x+y)^200000) = 0", "unknown function 'Expand'"),
                Arguments.of("(x+y)^200000 = 0", "exponent 200000 is too large"),
                Arguments.of("URLFetch(x) = 0", "unknown function 'URLFetch'"),
                Arguments.of("x; Run(y) = 0", "';' is not allowed"));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileExpressionsAreRejectedBeforeTheCasSeesThem(String claim, String message) throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> before = listing(cwd);
        long t0 = System.nanoTime();
        DerivationResult r = check("hostile", oneStep(claim), 5);
        assertTrue((System.nanoTime() - t0) / 1e9 < 5);
        StepResult s = r.steps().get(0);
        assertEquals(Verdict.INVALID, s.verdict());
        assertTrue(s.message().contains(message), s.message());
        assertEquals(before, listing(cwd), "no file was written");
        assertFalse(Files.exists(cwd.resolve("out.txt")));
    }

    private static List<Path> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aDefinitionThatRunsTooLongIsStoppedWithItsLine() throws IOException {
        long t0 = System.nanoTime();
        DerivationResult r = check("slowdef", "symbols:\n  x: real\ndefine:\n  f(a): D(Product(a + n*x, {n, 1, 900}), a)\n"
                + "steps:\n  - claim: f(x) = f(x)\n", 3);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(Verdict.INVALID, r.verdict());
        assertTrue(r.error().orElseThrow().contains("slowdef.yaml:4") && r.error().get().contains("did not finish"),
                r.error().toString());
        // the definition limit is 5 s; slack for the abandoned computation
        assertTrue(seconds < 12, "took " + seconds + " s");
    }

    @Test
    void oneBadFileDoesNotStopTheOthers() throws IOException {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, oneStep("x + y = y + x"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "steps: [\n");
        List<DerivationResult> rs = new BatchChecker(CAS.get(), CheckOptions.defaults(), 2).check(List.of(bad, good), r -> { });
        assertEquals(Verdict.INVALID, rs.get(0).verdict());
        assertEquals(Verdict.PROVED, rs.get(1).verdict(), rs.get(1).toString());
    }
}
