package org.derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.derivcheck.cas.Cas;
import org.derivcheck.derivation.Derivation;
import org.derivcheck.derivation.DerivationReader;
import org.derivcheck.derivation.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adversarial corpus (tests/adversarial) against its ground truth, tests/adversarial/truth.tsv, which
 * scripts/adversarial_truth.py establishes without derivcheck (witness points at 60 digits, SymPy
 * proofs, quadrature; ./test checks it is up to date). Soundness is asserted for every step not on the
 * README's pending list: no false claim PROVED or CONFIRMED, no true claim REFUTED (or INVALID), every step
 * within its time limit + 2 s; an expected INVALID or INCONCLUSIVE must come exactly. Otherwise
 * INCONCLUSIVE is allowed and counted.
 */
class AdversarialCorpusTest {
    static final Path CORPUS = Path.of("tests", "adversarial");
    /** The corpus runs under the default step limit, as {@code derivcheck check} does. */
    static final long LIMIT_MS = CheckOptions.defaults().stepMillis();
    /** The issue's bound: a step's result comes within its limit plus 2 s. */
    static final long SLACK_MS = 2_000;
    private static Cas cas;
    private static final Map<Path, DerivationResult> RESULTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        cas = Cas.start();
        new BatchChecker(cas, CheckOptions.defaults().withStepMillis(LIMIT_MS), 2)
                .check(BatchChecker.expand(List.of(CORPUS)), r -> RESULTS.put(r.file(), r));
    }

    @AfterAll
    static void stop() {
        cas.close();
    }

    /** file#step -> true/false, from truth.tsv. */
    static Map<String, Boolean> truth() throws IOException {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CORPUS.resolve("truth.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            assertTrue(f[2].equals("TRUE") || f[2].equals("FALSE"), line);
            out.put(f[0] + "#" + f[1], f[2].equals("TRUE"));
        }
        return out;
    }

    /** The keys listed between the pending markers of the corpus README. */
    static Set<String> pending() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        boolean in = false;
        for (String line : Files.readAllLines(CORPUS.resolve("README.md"))) {
            if (line.contains("<!-- pending: begin -->")) {
                in = true;
            } else if (line.contains("<!-- pending: end -->")) {
                in = false;
            } else if (in && line.startsWith("- `")) {
                out.add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        return out;
    }

    @Test
    void noFalseVerdictsAndEveryStepWithinItsLimit() throws Exception {
        Map<String, Boolean> truth = truth();
        Set<String> pending = pending();
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        List<String> wrong = new ArrayList<>();
        List<String> inconclusive = new ArrayList<>();
        List<String> pendingNowPassing = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int falseClaims = 0;
        for (Path f : BatchChecker.expand(List.of(CORPUS))) {
            Derivation d = DerivationReader.read(f);
            DerivationResult r = RESULTS.get(f);
            assertTrue(r.error().isEmpty(), () -> f + ": " + r.error());
            for (Step step : d.steps()) {
                String key = f.getFileName() + "#" + step.number();
                seen.add(key);
                assertTrue(truth.containsKey(key), key + " has no ground truth: run scripts/adversarial_truth.py");
                boolean isTrue = truth.get(key);
                List<StepResult> mine = r.steps().stream().filter(s -> s.index().equals(String.valueOf(step.number()))
                        || s.index().startsWith(step.number() + ".")).toList();
                assertFalse(mine.isEmpty(), key + " was checked");
                Verdict got = mine.stream().map(StepResult::verdict).reduce(Verdict.PROVED, Verdict::combine);
                long millis = mine.stream().mapToLong(StepResult::millis).sum();
                boolean sound = isTrue ? got != Verdict.REFUTED && got != Verdict.INVALID : !got.holds();
                // a strong expectation (INVALID, INCONCLUSIVE) is asserted exactly; REFUTED, CONFIRMED and
                // PROVED (which depends on the time a loaded machine leaves) accept INCONCLUSIVE too
                String want = step.expect().map(e -> e.verdict()).orElse("");
                boolean exact = switch (want) {
                    case "INVALID", "INCONCLUSIVE" -> got == Verdict.valueOf(want);
                    default -> true;
                };
                String line = key + " (" + (isTrue ? "true" : "false") + "): " + got + " in " + millis + " ms - "
                        + step.lines().get(0).text();
                if (pending.contains(key)) {
                    if (sound && exact && got != Verdict.INCONCLUSIVE) {
                        pendingNowPassing.add(line);
                    }
                    continue;
                }
                counts.merge(got, 1, Integer::sum);
                falseClaims += isTrue ? 0 : 1;
                if (!sound) {
                    wrong.add(line + " " + mine);
                } else if (!exact) {
                    wrong.add(line + ": expected " + want + " " + mine);
                }
                if (millis > LIMIT_MS + SLACK_MS) {
                    wrong.add(line + ": over the time limit");
                }
                if (got == Verdict.INCONCLUSIVE) {
                    inconclusive.add(line);
                }
            }
        }
        assertEquals(new TreeSet<>(truth.keySet()), new TreeSet<>(seen), "truth.tsv covers the corpus");
        System.out.printf("adversarial corpus: %d asserted steps (%d false claims), %s; %d pending%n",
                counts.values().stream().mapToInt(Integer::intValue).sum(), falseClaims, counts, pending.size());
        inconclusive.forEach(s -> System.out.println("  inconclusive: " + s));
        pendingNowPassing.forEach(s -> System.out.println("  pending but now sound: " + s));
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " unsound or late verdicts:\n" + String.join("\n", wrong));
    }

    @Test
    void theCorpusIsLargeAndMostlyFalse() throws Exception {
        Map<String, Boolean> truth = truth();
        long f = truth.values().stream().filter(t -> !t).count();
        assertTrue(truth.size() >= 150, "at least 150 steps: " + truth.size());
        assertTrue(2 * f >= truth.size(), "at least half of them false claims: " + f + " of " + truth.size());
    }
}
