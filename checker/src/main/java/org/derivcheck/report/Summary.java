package org.derivcheck.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;

/** Counts of derivations and of step verdicts, and the exit code they imply. */
public record Summary(int derivations, int steps, Map<Verdict, Integer> counts, int unreadable) {
    public static Summary of(List<DerivationResult> results) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        int steps = 0;
        int unreadable = 0;
        for (DerivationResult d : results) {
            if (d.error().isPresent()) {
                unreadable++;
                counts.merge(d.verdict(), 1, Integer::sum);
            }
            for (StepResult s : d.steps()) {
                steps++;
                counts.merge(s.verdict(), 1, Integer::sum);
            }
        }
        return new Summary(results.size(), steps, counts, unreadable);
    }

    /** 0 when every step is PROVED or CONFIRMED; 2 when an input is INVALID; 1 otherwise. */
    public int exitCode() {
        if (counts.get(Verdict.INVALID) > 0) {
            return 2;
        }
        if (counts.get(Verdict.REFUTED) > 0 || counts.get(Verdict.INCONCLUSIVE) > 0) {
            return 1;
        }
        return 0;
    }

    public String line() {
        StringBuilder sb = new StringBuilder();
        sb.append(derivations).append(derivations == 1 ? " derivation, " : " derivations, ").append(steps)
                .append(steps == 1 ? " step: " : " steps: ");
        boolean first = true;
        for (Verdict v : Verdict.values()) {
            if (!first) {
                sb.append(", ");
            }
            sb.append(counts.get(v)).append(' ').append(v);
            first = false;
        }
        if (unreadable > 0) {
            sb.append(" (").append(unreadable).append(unreadable == 1 ? " file" : " files").append(" could not be checked)");
        }
        return sb.toString();
    }
}
