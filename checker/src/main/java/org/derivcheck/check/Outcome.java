package org.derivcheck.check;

import java.util.Optional;

/** What one checker decided about one claim, with its evidence and, if refuted, a counterexample. */
record Outcome(Verdict verdict, Evidence evidence, Optional<Counterexample> counterexample) {
    static Outcome of(Verdict v, String method, String detail) {
        return new Outcome(v, new Evidence(method, detail), Optional.empty());
    }
}
