package org.derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.derivcheck.cas.Cas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad 'families:' declarations and vector-family usage get INVALID with the file, the line and what to do. */
class FamilyDeclarationTest {
    private static Cas cas;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        cas = Cas.start();
    }

    @AfterAll
    static void stop() {
        cas.close();
    }

    private static DerivationResult check(String name, String yaml) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, yaml);
        return new BatchChecker(cas, CheckOptions.defaults(), 1).checkOne(f);
    }

    private static String file(String family, String claim) {
        return "symbols:\n  l: positive\nfamilies:\n" + family + "steps:\n  - claim: '" + claim + "'\n";
    }

    @Test
    void unknownKeyNamesTheLine() throws IOException {
        DerivationResult r = check("key", file("  F:\n    params: [l]\n    variable: t\n    log_density: -l*t\n    mean: 1/l\n",
                "Expectation(t, t ~ F(l)) = 1/l"));
        assertEquals(Verdict.INVALID, r.verdict());
        assertTrue(r.error().orElseThrow().contains("key.yaml:8"), r.error().toString());
        assertTrue(r.error().get().contains("unknown key 'mean'"), r.error().toString());
    }

    @Test
    void builtInNamesAndConstantDensitiesAreRefused() throws IOException {
        DerivationResult beta = check("beta", file("  Beta:\n    params: [l]\n    variable: t\n    log_density: -l*t\n",
                "l = l"));
        assertEquals(Verdict.INVALID, beta.verdict());
        assertTrue(beta.error().orElseThrow().contains("built-in"), beta.error().toString());
        DerivationResult flat = check("flat", file("  G:\n    params: [l]\n    variable: t\n    log_density: -l\n", "l = l"));
        assertEquals(Verdict.INVALID, flat.verdict());
        assertTrue(flat.error().orElseThrow().contains("does not depend on its variable"), flat.error().toString());
        DerivationResult unknown = check("unknown", file("  G:\n    params: [l]\n    variable: t\n    log_density: -k*t\n",
                "l = l"));
        assertEquals(Verdict.INVALID, unknown.verdict());
        assertTrue(unknown.error().orElseThrow().contains("unknown symbol 'k'"), unknown.error().toString());
    }

    @Test
    void wrongArityAndComponentsAreInvalidSteps() throws IOException {
        DerivationResult r = check("arity", file("  F:\n    params: [l]\n    variable: t\n    log_density: -l*t\n    support: positive\n",
                "Expectation(t, t ~ F(l, l)) = 1/l"));
        assertEquals(Verdict.INVALID, r.steps().get(0).verdict());
        assertTrue(r.steps().get(0).message().contains("takes 1 parameter"), r.steps().get(0).message());
        DerivationResult k = check("symbolicK", "symbols:\n  a: positive\n  K: {domain: integer, min: 2, max: 5}\nsteps:\n"
                + "  - claim: 'Expectation(Log(t(1)), t ~ Dirichlet(a)) = 0'\n");
        assertEquals(Verdict.INVALID, k.steps().get(0).verdict());
        assertTrue(k.steps().get(0).message().contains("explicit list"), k.steps().get(0).message());
    }
}
