package org.derivcheck.check;

import java.util.List;
import java.util.Optional;
import org.derivcheck.diagnose.Diagnosis;

/**
 * The verdict on one relation between two consecutive lines of a step.
 *
 * @param index    "3" for step 3, "3.2" for the second relation of a chain in step 3
 * @param claim    the relation as written, e.g. "D(logp, a) = Log(x) - psi(a)"
 * @param tex      LaTeX of the relation
 * @param method   the method that decided it (or why nothing did)
 * @param message  one line for a person: what was found
 * @param name     the step's {@code name:} ("" when it has none)
 * @param readAs   the relation as derivcheck read it, definitions expanded ("" when not known): shown only on request
 */
public record StepResult(String index, String claim, String tex, int line, Verdict verdict, String method,
        List<Evidence> evidence, Optional<Counterexample> counterexample, List<Diagnosis> diagnoses, String message,
        long millis, String name, String readAs) {
    public StepResult {
        evidence = List.copyOf(evidence);
        diagnoses = List.copyOf(diagnoses);
        name = name == null ? "" : name;
        readAs = readAs == null ? "" : readAs;
    }

    public StepResult(String index, String claim, String tex, int line, Verdict verdict, String method,
            List<Evidence> evidence, Optional<Counterexample> counterexample, List<Diagnosis> diagnoses, String message,
            long millis) {
        this(index, claim, tex, line, verdict, method, evidence, counterexample, diagnoses, message, millis, "", "");
    }

    /** The same result with the step's name and derivcheck's reading of it. */
    public StepResult named(String stepName, String reading) {
        return new StepResult(index, claim, tex, line, verdict, method, evidence, counterexample, diagnoses, message,
                millis, stepName, reading);
    }
}
