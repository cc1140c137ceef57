package org.derivcheck.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code derivcheck run vae} through picocli, on a few batches of the project's MNIST subset. */
class VaeExperimentTest {
    private static final Path SUBSET = Path.of(System.getProperty("derivcheck.mnist", "../shared/data/mnist-subset"));

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new VaeExperiment());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesCurvesGridsCheckpointsAndResultAndResumes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(SUBSET), "no MNIST subset at " + SUBSET);
        Path out = tmp.resolve("vae");
        String[] args = {"--data", SUBSET.toString(), "--out", out.toString(), "--limit", "256", "--holdout", "50",
            "--eval-k", "4", "--var-reps", "2", "--var-batch", "8", "--no-progress", "--threads", "1", "--epochs", "1"};
        Run r = run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[standard] epoch 1") && r.out().contains("[stl] epoch 1"), r.out());
        for (String f : new String[] {"elbo.png", "elbo.svg", "heldout_bounds.png", "grad_variance_standard.png",
            "grad_variance_stl.png", "reconstructions_stl.png", "samples_standard.png", "epochs_stl.csv", "result.json",
            "checkpoints/stl.ckpt"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertEquals("vae", json.get("experiment").asText());
        assertEquals("0.36.0", json.at("/results/runtime/djl").asText());
        assertTrue(json.at("/results/stl/finalHeldOutElbo").isNumber());

        String[] more = args.clone();
        more[more.length - 1] = "2";
        String[] resume = java.util.Arrays.copyOf(more, more.length + 1);
        resume[more.length] = "--resume";
        Run r2 = run(resume);
        assertEquals(0, r2.code(), r2.err());
        assertTrue(r2.out().contains("[stl] resumed after epoch 1") && r2.out().contains("[stl] epoch 2"), r2.out());
        assertEquals(3, Files.readAllLines(out.resolve("epochs_stl.csv")).size(), "header + 2 epochs");
    }

    @Test
    void saysWhatToPassWithoutDataOffline() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.derivcheck.vae.DjlRuntime.offline(), "DJL is allowed online here");
        Run r = run("--out", tmp.toString(), "--no-progress");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--data DIR"), r.err());
    }

    @Test
    void gpuWithoutAGpuIsAClearError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(SUBSET), "no MNIST subset at " + SUBSET);
        Run r = run("--data", SUBSET.toString(), "--out", tmp.toString(), "--device", "gpu", "--no-progress", "--threads", "1", "--limit", "128");
        if (r.code() == 0) {
            return; // a machine with a GPU and the -Pgpu build
        }
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--device gpu") && r.err().contains("-Pgpu"), r.err());
    }

    @Test
    void rejectsAnUnknownEstimator() {
        Run r = run("--estimators", "standard,reinforce", "--out", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("reinforce"), r.err());
    }
}
