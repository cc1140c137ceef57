package org.derivcheck.experiment;

import java.nio.file.Path;
import org.derivcheck.command.Progress;
import picocli.CommandLine.Option;

/** The options every experiment takes (a picocli mixin): {@code --seed} and {@code --out}. */
public final class ExperimentOptions {
    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seed of every random draw; the same seed gives the same numbers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder for figures (PNG, SVG), CSV series and result.json (default: runs/NAME).")
    Path out;

    @Option(names = "--no-progress", description = "Never show a progress bar (one is shown on a terminal only).")
    boolean noProgress;

    public long seed() {
        return seed;
    }

    /** The output folder, created if needed: {@code --out}, or {@code runs/NAME}. */
    public OutputDir output(String experimentName) {
        return OutputDir.of(out != null ? out : Path.of("runs", experimentName));
    }

    /** A progress bar for {@code max} units of work, or a silent one. */
    public Progress progress(String task, long max) {
        return noProgress ? Progress.silent() : Progress.start(task, max);
    }
}
