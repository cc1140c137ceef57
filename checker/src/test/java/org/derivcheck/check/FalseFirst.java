package org.derivcheck.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.derivcheck.cas.Cas;

/** A derivation file whose first steps are false claims and the rest true: the steps whose verdict is wrong. */
final class FalseFirst {
    private FalseFirst() {
    }

    /** Each false step must be REFUTED; a true one may be anything but REFUTED or INVALID. */
    static List<String> wrongVerdicts(Path file, int falseSteps) {
        List<String> wrong = new ArrayList<>();
        try (Cas cas = Cas.start()) {
            DerivationResult r = new BatchChecker(cas, CheckOptions.defaults(), 1).check(List.of(file), x -> { }).get(0);
            for (int i = 0; i < r.steps().size(); i++) {
                StepResult s = r.steps().get(i);
                Verdict v = s.verdict();
                if (i < falseSteps ? v != Verdict.REFUTED : v == Verdict.REFUTED || v == Verdict.INVALID) {
                    wrong.add((i + 1) + ": " + s.claim() + " " + v + " - " + s.evidence());
                }
            }
        }
        return wrong;
    }
}
