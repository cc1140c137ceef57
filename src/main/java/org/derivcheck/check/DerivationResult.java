package org.derivcheck.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The results of one derivation file; {@code error} is set when the file itself could not be used. */
public record DerivationResult(String id, String title, String source, Path file, Verdict verdict,
        List<StepResult> steps, Optional<String> error, long millis) {
    public DerivationResult {
        steps = List.copyOf(steps);
    }
}
