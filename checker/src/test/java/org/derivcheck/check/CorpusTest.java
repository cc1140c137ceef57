package org.derivcheck.check;

import org.derivcheck.derivation.DerivationFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.derivcheck.cas.Cas;
import org.derivcheck.derivation.Derivation;
import org.derivcheck.derivation.DerivationReader;
import org.derivcheck.derivation.Step;
import org.derivcheck.diagnose.Diagnosis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the shipped derivations (every step must hold) and the test corpus under tests/ (every step
 * marked 'expect:' must get that verdict, and the diagnosis must mention the 'diagnosis:' words).
 */
class CorpusTest {
    private static Cas cas;
    private static final Map<Path, DerivationResult> RESULTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        cas = Cas.start();
        List<Path> files = new ArrayList<>(DerivationFiles.expand(List.of(Path.of("derivations"))));
        files.addAll(corpusFiles());
        new BatchChecker(cas, CheckOptions.defaults(), 2).check(files, r -> RESULTS.put(r.file(), r));
    }

    /** tests/ without the adversarial corpus, which AdversarialCorpusTest checks against its ground truth. */
    static List<Path> corpusFiles() throws java.io.IOException {
        return DerivationFiles.expand(List.of(Path.of("tests"))).stream()
                .filter(p -> !p.startsWith(AdversarialCorpusTest.CORPUS)).toList();
    }

    @AfterAll
    static void stop() {
        cas.close();
    }

    @TestFactory
    Stream<DynamicTest> shippedDerivationsHold() throws Exception {
        List<Path> files = DerivationFiles.expand(List.of(Path.of("derivations")));
        assertTrue(files.size() >= 7, "the report's derivations are shipped");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            DerivationResult r = RESULTS.get(f);
            assertTrue(r.error().isEmpty(), () -> "unreadable: " + r.error());
            assertFalse(r.steps().isEmpty());
            for (StepResult s : r.steps()) {
                assertTrue(s.verdict().holds(), () -> f + " step " + s.index() + ": " + s.verdict() + " " + s.message()
                        + " " + s.evidence());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> corpusVerdictsAndDiagnoses() throws Exception {
        List<Path> files = corpusFiles();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            Derivation d;
            try {
                d = DerivationReader.read(f);
            } catch (RuntimeException e) {
                continue; // unreadable on purpose: covered by BadInputTest and the grading tests
            }
            for (Step step : d.steps()) {
                if (step.expect().isEmpty()) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(f + " step " + step.number(), () -> {
                    DerivationResult r = RESULTS.get(f);
                    List<StepResult> mine = r.steps().stream()
                            .filter(s -> s.index().equals(String.valueOf(step.number()))
                                    || s.index().startsWith(step.number() + "."))
                            .toList();
                    assertFalse(mine.isEmpty(), "step was checked");
                    Verdict want = Verdict.valueOf(step.expect().get().verdict());
                    Verdict got = mine.stream().map(StepResult::verdict).reduce(Verdict.PROVED, Verdict::combine);
                    if (want == Verdict.CONFIRMED) {
                        assertTrue(got.holds(), () -> "expected a verdict that holds, got " + got + " " + mine);
                    } else {
                        assertEquals(want, got, () -> mine.toString());
                    }
                    step.expect().get().diagnosis().ifPresent(words -> {
                        String all = mine.stream().flatMap(s -> s.diagnoses().stream()).map(Diagnosis::message)
                                .reduce("", (a, b) -> a + " | " + b).toLowerCase(Locale.ROOT);
                        assertTrue(all.contains(words.toLowerCase(Locale.ROOT)),
                                () -> "diagnosis should mention '" + words + "' but was: " + all);
                    });
                    if (want == Verdict.REFUTED) {
                        assertTrue(mine.stream().anyMatch(s -> s.counterexample().isPresent()
                                || s.method().equals("shape")), "a refutation shows its counterexample");
                    }
                }));
            }
        }
        assertTrue(tests.size() >= 14, "the corpus has its flawed steps");
        return tests.stream();
    }
}
