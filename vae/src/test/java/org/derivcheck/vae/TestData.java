package org.derivcheck.vae;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's MNIST subset (10,000 real digits ordered by class, see ../shared/data/README.md) for tests. */
final class TestData {
    /** Where the subset lives relative to the project; {@code -Dderivcheck.mnist=DIR} points elsewhere. */
    static final Path SUBSET = Path.of(System.getProperty("derivcheck.mnist", "../shared/data/mnist-subset"));

    private TestData() {
    }

    /** The subset, or the test is skipped (with the reason) where the shared data folder is absent. */
    static MnistData subset() {
        assumeTrue(Files.isDirectory(SUBSET), "MNIST subset not found at " + SUBSET.toAbsolutePath()
                + " (set -Dderivcheck.mnist=DIR)");
        return MnistSource.fromDirectory(SUBSET);
    }

    /**
     * Sets DJL up the way the product does (offline, natives from the Maven jar), with one PyTorch thread: the
     * tests' tensors are small, and on a busy shared machine a 2-thread OpenMP team waits at every operation
     * for a descheduled partner, which made the same tests ten times slower.
     */
    static void configureDjl() {
        DjlRuntime.configure(1, DeviceKind.CPU); // the tests run on the CPU: no CUDA probe warnings on the console
    }
}
