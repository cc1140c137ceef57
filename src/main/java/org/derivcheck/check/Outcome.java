package org.derivcheck.check;

import java.util.List;
import java.util.Optional;

/** What one checker decided about one claim, with its evidence and, if refuted, a counterexample. */
record Outcome(Verdict verdict, Evidence evidence, Optional<Counterexample> counterexample, List<Sample> samples) {
    /** A point where both sides were evaluated (kept for diagnoses). */
    record Sample(PointSampler.Point point, double lhs, double rhs) {
    }

    static Outcome of(Verdict v, String method, String detail) {
        return new Outcome(v, new Evidence(method, detail), Optional.empty(), List.of());
    }
}
