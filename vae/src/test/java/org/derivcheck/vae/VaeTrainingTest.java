package org.derivcheck.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a 1,000-image slice of the subset: the loss falls, memory stays put, a resumed run repeats itself. */
class VaeTrainingTest {
    private static MnistData.Split slice;

    @TempDir
    Path tmp;

    @BeforeAll
    static void data() {
        TestData.configureDjl();
        // 1,000 training images (8 batches of 128) and 200 held out, shuffled with the seed
        slice = TestData.subset().split(7, 200, 1000);
    }

    /** The report's model and settings, without the per-epoch gradient-variance measurement (not tested here). */
    private static VaeConfig config(Estimator e) {
        return new VaeConfig(Architecture.report(784), e, 5, 128, 1e-3, Binarization.DYNAMIC, 7, 10, 0, 16, DeviceKind.CPU);
    }

    @Test
    void oneEpochOnAThousandImagesLowersTheLoss() {
        try (VaeSession s = VaeSession.start(config(Estimator.STANDARD), slice)) {
            Evaluation before = s.evaluateHeldOut(10, 1);
            // at initialization the decoder's logits are near 0, so log p(x|z) is near -784 log 2 = -543 nats
            assertTrue(before.elbo() < -450, "initial ELBO " + before.elbo());
            EpochRecord r = s.runEpoch(VaeSession.BatchListener.none());
            Evaluation after = s.evaluateHeldOut(10, 1); // the draws the epoch record used (seeded by epoch 1)
            // 8 Adam steps at 1e-3 mostly fit the pixel marginals; the gain observed is about 225 nats (-549 -> -325), far above the
            // evaluation's Monte Carlo error (a few tenths of a nat for 200 images x 10 draws), so 50 is a safe floor
            assertTrue(after.elbo() > before.elbo() + 50, "held-out ELBO " + before.elbo() + " -> " + after.elbo());
            assertEquals(after.elbo(), r.heldOutElbo(), 1e-9, "the epoch record's held-out ELBO is the same evaluation");
            assertTrue(r.trainElbo() > before.elbo(), "mean train ELBO over the epoch " + r.trainElbo());
        }
    }

    @Test
    void resumeFromACheckpointRepeatsTheUninterruptedRunExactly() {
        VaeConfig c = config(Estimator.STL);
        List<EpochRecord> straight;
        try (VaeSession s = VaeSession.start(c, slice)) {
            s.runEpoch(VaeSession.BatchListener.none());
            s.runEpoch(VaeSession.BatchListener.none());
            straight = s.history();
        }
        Path ckpt = tmp.resolve("stl.ckpt");
        try (VaeSession s = VaeSession.start(c, slice)) {
            s.runEpoch(VaeSession.BatchListener.none());
            s.save(ckpt);
        }
        List<EpochRecord> resumed;
        try (VaeSession s = VaeSession.resume(ckpt, c, slice)) {
            assertEquals(1, s.epochsDone());
            s.runEpoch(VaeSession.BatchListener.none());
            resumed = s.history();
        }
        for (int i = 0; i < 2; i++) {
            // bit for bit: same parameters, Adam moments, step count and per-epoch seeds
            assertEquals(straight.get(i).trainElbo(), resumed.get(i).trainElbo(), 0.0, "train ELBO, epoch " + (i + 1));
            assertEquals(straight.get(i).heldOutElbo(), resumed.get(i).heldOutElbo(), 0.0, "held-out ELBO, epoch " + (i + 1));
            assertEquals(straight.get(i).heldOutBound(), resumed.get(i).heldOutBound(), 0.0, "L_K, epoch " + (i + 1));
        }
    }

    @Test
    void aCheckpointRefusesOtherSettings() {
        Path ckpt = tmp.resolve("std.ckpt");
        try (VaeSession s = VaeSession.start(config(Estimator.STANDARD), slice)) {
            s.save(ckpt);
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> VaeSession.resume(ckpt, config(Estimator.STL), slice));
        assertTrue(e.getMessage().contains("estimator=standard") && e.getMessage().contains("estimator=stl"), e.getMessage());
    }

    @Test
    void nativeArraysDoNotAccumulateAcrossEpochs() {
        VaeConfig c = new VaeConfig(Architecture.report(784), Estimator.DREG, 3, 128, 1e-3, Binarization.DYNAMIC, 7, 5, 2, 8,
                DeviceKind.CPU);
        try (VaeSession s = VaeSession.start(c, slice)) {
            s.runEpoch(VaeSession.BatchListener.none());
            int after1 = s.liveArrays();
            s.runEpoch(VaeSession.BatchListener.none());
            // 5 layers (784-400, 400-20 twice, 20-400, 400-784) x (weight, bias) x (value, Adam m, Adam v)
            // + 3 data arrays (training, held-out, probe batch) = 33 live arrays, whatever the epoch
            assertEquals(33, after1);
            assertEquals(after1, s.liveArrays(), "every batch, evaluation chunk and gradient draw frees its arrays");
        }
    }
}
