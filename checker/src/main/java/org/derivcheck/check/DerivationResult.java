package org.derivcheck.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The results of one derivation file; {@code error} is set when the file itself could not be used;
 * {@code definitions} are shown once, before the steps that use them by name.
 */
public record DerivationResult(String id, String title, String source, Path file, Verdict verdict,
        List<StepResult> steps, Optional<String> error, long millis, List<DefinitionShown> definitions) {
    public DerivationResult {
        steps = List.copyOf(steps);
        definitions = List.copyOf(definitions);
    }

    public DerivationResult(String id, String title, String source, Path file, Verdict verdict, List<StepResult> steps,
            Optional<String> error, long millis) {
        this(id, title, source, file, verdict, steps, error, millis, List.of());
    }
}
