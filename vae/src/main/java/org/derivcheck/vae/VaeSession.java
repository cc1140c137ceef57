package org.derivcheck.vae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One VAE being trained: the network, Adam, the data and the epochs done. Every batch, evaluation chunk and
 * gradient draw runs in its own DJL sub-manager, closed when it ends, so native memory stays flat across
 * epochs; the parameters and Adam's moments are the only long-lived arrays. Gradients are zeroed explicitly
 * before every backward pass (PyTorch accumulates them).
 *
 * <p>Not thread-safe; one session trains at a time per JVM (DJL allows one gradient collector at a time).
 */
public final class VaeSession implements AutoCloseable {
    private static final int EVAL_ROWS = 8192;

    private final VaeConfig config;
    private final Digits train;
    private final Digits heldOut;
    private final float[] trainTargets;
    private final float[] heldOutTargets;
    private final int probeCount;
    private final Engine engine;
    private final NDManager manager;
    private final NDArray trainData;
    private final NDArray heldOutData;
    private final NDArray probeData;
    private final Network net;
    private final Adam adam;
    private final List<EpochRecord> history;

    /** Receives progress within an epoch. */
    @FunctionalInterface
    public interface BatchListener {
        /** Called after each batch with the batches done, the batches in the epoch and the running train ELBO per image. */
        void batchDone(int done, int total, double runningElbo);

        /** A listener that ignores everything. */
        static BatchListener none() {
            return (d, t, e) -> { };
        }
    }

    private VaeSession(VaeConfig config, MnistData.Split data, Checkpoint.State state) {
        if (data.train().count() == 0) {
            throw new IllegalArgumentException("no training images");
        }
        this.config = config;
        this.train = data.train();
        this.heldOut = data.heldOut();
        if (train.dim() != config.architecture().input()) {
            throw new IllegalArgumentException("images have " + train.dim() + " pixels, the architecture expects "
                    + config.architecture().input());
        }
        this.trainTargets = config.binarization() == Binarization.THRESHOLD ? threshold(train.pixels()) : train.pixels();
        this.heldOutTargets = fixedTargets(heldOut.pixels(), Seeds.of(config.seed(), Seeds.BINARIZE, 0));
        Digits probeSource = heldOut.count() > 0 ? heldOut : train;
        this.probeCount = Math.min(config.varianceBatch(), probeSource.count());
        float[] probeTargets = heldOut.count() > 0
                ? Arrays.copyOf(heldOutTargets, probeCount * train.dim())
                : fixedTargets(Arrays.copyOf(train.pixels(), probeCount * train.dim()), Seeds.of(config.seed(), Seeds.BINARIZE, 1));
        this.engine = Engine.getInstance();
        this.manager = NDManager.newBaseManager(DjlRuntime.device(config.device()));
        try {
            int d = train.dim();
            this.trainData = manager.create(trainTargets, new Shape(train.count(), d));
            this.heldOutData = manager.create(heldOutTargets, new Shape(heldOut.count(), d));
            this.probeData = manager.create(probeTargets, new Shape(probeCount, d));
            if (state == null) {
                this.net = Network.initialized(config.architecture(), manager, Seeds.of(config.seed(), Seeds.INIT, 0));
                this.adam = new Adam(net.params(), manager, (float) config.learningRate(), 0, null, null);
                this.history = new ArrayList<>();
            } else {
                this.net = Network.of(config.architecture(), manager, (name, shape, fanIn) -> {
                    float[] v = state.params().get(name);
                    if (v == null) {
                        throw new IllegalArgumentException("checkpoint has no parameter " + name);
                    }
                    return v;
                });
                this.adam = new Adam(net.params(), manager, (float) config.learningRate(), state.adamSteps(),
                        state.firstMoments(), state.secondMoments());
                this.history = new ArrayList<>(state.history());
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A fresh model, initialized from the seed. */
    public static VaeSession start(VaeConfig config, MnistData.Split data) {
        return new VaeSession(config, data, null);
    }

    /**
     * Continues from a checkpoint written by {@link #save}; fails, naming both, when the checkpoint was made
     * with other training settings or other data.
     */
    public static VaeSession resume(Path checkpoint, VaeConfig config, MnistData.Split data) {
        Checkpoint.State state = Checkpoint.read(checkpoint);
        String expected = fingerprint(config, data);
        if (!state.fingerprint().equals(expected)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " was trained with [" + state.fingerprint()
                    + "], this run asks for [" + expected + "]; use the same settings and data, or a new --out");
        }
        return new VaeSession(config, data, state);
    }

    /** Writes the state after the epochs done so far. */
    public void save(Path checkpoint) {
        Map<String, float[]> params = new LinkedHashMap<>();
        for (Network.Param p : net.params()) {
            params.put(p.name(), p.value().toFloatArray());
        }
        List<float[]> m = adam.firstMoments().stream().map(NDArray::toFloatArray).toList();
        List<float[]> v = adam.secondMoments().stream().map(NDArray::toFloatArray).toList();
        Checkpoint.write(checkpoint, new Checkpoint.State(fingerprint(config, new MnistData.Split(train, heldOut)),
                List.copyOf(history), adam.steps(), params, m, v));
    }

    public VaeConfig config() {
        return config;
    }

    public int epochsDone() {
        return history.size();
    }

    public List<EpochRecord> history() {
        return List.copyOf(history);
    }

    /** Trains one epoch, then evaluates on the held-out images and measures the gradient variances. */
    public EpochRecord runEpoch(BatchListener listener) {
        int epoch = history.size() + 1;
        long t0 = System.nanoTime();
        double trainElbo = trainPass(epoch, listener);
        long t1 = System.nanoTime();
        Evaluation ev = heldOut.count() > 0 ? evaluate(config.evalK(), epoch) : null;
        long t2 = System.nanoTime();
        Map<Estimator, Double> variances = config.varianceReps() > 0 ? gradientVariances(epoch) : Map.of();
        long t3 = System.nanoTime();
        // DJL frees the direct buffers behind input arrays only when the Java objects are collected: collecting
        // at the epoch boundary returns them, and restarts allocation at the start of the young generation, so
        // that resident memory stays flat from epoch to epoch instead of creeping until the first collection.
        System.gc();
        EpochRecord r = new EpochRecord(epoch, trainElbo, ev == null ? Double.NaN : ev.elbo(),
                ev == null ? Double.NaN : ev.bound(), config.evalK(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                variances, ProcessMemory.rssBytes());
        history.add(r);
        return r;
    }

    /**
     * One pass over the training images in an order drawn for this epoch, one Adam step per batch; returns the
     * mean per-image ELBO estimate met along the way.
     */
    double trainPass(int epoch, BatchListener listener) {
        engine.setRandomSeed(Seeds.engine(config.seed(), Seeds.TRAIN, epoch));
        int n = train.count();
        int[] order = Digits.permutation(n, new SplittableRandom(Seeds.of(config.seed(), Seeds.SHUFFLE, epoch)));
        int batches = (n + config.batchSize() - 1) / config.batchSize();
        double elboSum = 0;
        for (int bi = 0; bi < batches; bi++) {
            int from = bi * config.batchSize();
            int b = Math.min(config.batchSize(), n - from);
            long[] rows = new long[b];
            for (int i = 0; i < b; i++) {
                rows[i] = order[from + i];
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = trainData.get(scope, new NDIndex("{}", scope.create(rows)));
                if (config.binarization() == Binarization.DYNAMIC) {
                    x = scope.randomUniform(0f, 1f, x.getShape()).lt(x).toType(DataType.FLOAT32, false);
                }
                zeroGradients(scope);
                Objective.Surrogate s;
                try (GradientCollector gc = engine.newGradientCollector()) {
                    s = Objective.surrogate(net, x, config.estimator(), config.trainSamples());
                    gc.backward(s.loss());
                }
                adam.step(scope);
                elboSum += s.elboSum().getFloat();
            }
            listener.batchDone(bi + 1, batches, elboSum / Math.min(n, (long) (bi + 1) * config.batchSize()));
        }
        return elboSum / n;
    }

    /** ELBO and L_K on the held-out images (fixed targets, draws seeded by {@code index}); no gradients recorded. */
    Evaluation evaluate(int k, long index) {
        if (heldOut.count() == 0) {
            throw new IllegalStateException("no held-out images to evaluate on");
        }
        engine.setRandomSeed(Seeds.engine(config.seed(), Seeds.EVAL, index));
        int chunk = Math.max(1, EVAL_ROWS / k);
        double elbo = 0;
        double bound = 0;
        for (int from = 0; from < heldOut.count(); from += chunk) {
            int b = Math.min(chunk, heldOut.count() - from);
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = heldOutData.get(scope, new NDIndex("{}:{}", from, from + b));
                NDArray logW = Objective.logWeights(net, x, k, false);
                elbo += logW.mean(new int[] {0}).sum().getFloat();
                bound += Objective.logMeanExp(logW).sum().getFloat();
            }
        }
        return new Evaluation(elbo / heldOut.count(), bound / heldOut.count(), k, heldOut.count());
    }

    /** Held-out ELBO and L_K for the current parameters with draws seeded by {@code index}; public for checks. */
    public Evaluation evaluateHeldOut(int k, long index) {
        return evaluate(k, index);
    }

    /**
     * For each estimator, the trace of the covariance of the encoder gradient of the batch loss over
     * {@code varianceReps} independent draws on the fixed probe batch, at the current parameters.
     */
    Map<Estimator, Double> gradientVariances(int epoch) {
        Map<Estimator, Double> out = new EnumMap<>(Estimator.class);
        for (Estimator e : Estimator.values()) {
            double[] sum = null;
            double[] sumSq = null;
            int reps = config.varianceReps();
            for (int r = 0; r < reps; r++) {
                float[] g = encoderGradient(e, Seeds.engine(config.seed(), Seeds.PROBE, epoch * 1_000_003L + e.ordinal() * 10_007L + r));
                if (sum == null) {
                    sum = new double[g.length];
                    sumSq = new double[g.length];
                }
                for (int i = 0; i < g.length; i++) {
                    sum[i] += g[i];
                    sumSq[i] += (double) g[i] * g[i];
                }
            }
            double trace = 0;
            for (int i = 0; i < sum.length; i++) {
                trace += Math.max(0, (sumSq[i] - sum[i] * sum[i] / reps) / (reps - 1));
            }
            out.put(e, trace);
        }
        return out;
    }

    /**
     * The encoder gradient (all encoder parameters, flattened in the network's order) of the estimator's batch
     * loss on the fixed probe batch, with the engine's generator seeded by {@code drawSeed}: the same seed gives
     * the same noise, so two estimators can be compared draw by draw.
     */
    float[] encoderGradient(Estimator e, int drawSeed) {
        engine.setRandomSeed(drawSeed);
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = probeData.get(scope, new NDIndex(":"));
            zeroGradients(scope);
            try (GradientCollector gc = engine.newGradientCollector()) {
                Objective.Surrogate s = Objective.surrogate(net, x, e, e.usesK() ? config.k() : 1);
                gc.backward(s.loss());
            }
            List<float[]> parts = new ArrayList<>();
            int total = 0;
            for (Network.Param p : net.params()) {
                if (p.encoder()) {
                    NDArray g = p.value().getGradient();
                    g.attach(scope);
                    float[] f = g.toFloatArray();
                    parts.add(f);
                    total += f.length;
                }
            }
            zeroGradients(scope);
            float[] flat = new float[total];
            int at = 0;
            for (float[] f : parts) {
                System.arraycopy(f, 0, flat, at, f.length);
                at += f.length;
            }
            return flat;
        }
    }

    /** Sets every parameter's accumulated gradient to zero; the gradient handles opened belong to {@code scope}. */
    private void zeroGradients(NDManager scope) {
        for (Network.Param p : net.params()) {
            NDArray g = p.value().getGradient();
            g.attach(scope);
            g.muli(0);
        }
    }

    /**
     * Pairs of rows: {@code n} held-out images (or training images without a held-out set) as given to the model,
     * then the Bernoulli means of their reconstructions from the posterior mean; each {@code float[]} one image.
     */
    public List<float[]> reconstructions(int[] indices) {
        Digits src = heldOut.count() > 0 ? heldOut : train;
        float[] targets = heldOut.count() > 0 ? heldOutTargets : trainTargets;
        int d = src.dim();
        float[] buf = new float[indices.length * d];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(targets, indices[i] * d, buf, i * d, d);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(buf, new Shape(indices.length, d));
            float[] rec = net.decode(net.encode(x).mean()).getNDArrayInternal().sigmoid().toFloatArray();
            List<float[]> out = new ArrayList<>();
            for (int i = 0; i < indices.length; i++) {
                out.add(Arrays.copyOfRange(buf, i * d, (i + 1) * d));
            }
            for (int i = 0; i < indices.length; i++) {
                out.add(Arrays.copyOfRange(rec, i * d, (i + 1) * d));
            }
            return out;
        }
    }

    /** Bernoulli means of the decoder at {@code n} draws of z from the prior N(0, I), seeded. */
    public List<float[]> priorSamples(int n) {
        engine.setRandomSeed(Seeds.engine(config.seed(), Seeds.SAMPLES, 0));
        int d = train.dim();
        try (NDManager scope = manager.newSubManager()) {
            NDArray z = scope.randomNormal(new Shape(n, config.architecture().latent()));
            float[] px = net.decode(z).getNDArrayInternal().sigmoid().toFloatArray();
            List<float[]> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(Arrays.copyOfRange(px, i * d, (i + 1) * d));
            }
            return out;
        }
    }

    /** Indices of held-out images (training images without a held-out set) to show: one per label 0-9 in turn when labelled. */
    public int[] showcase(int n) {
        Digits src = heldOut.count() > 0 ? heldOut : train;
        int[] idx = new int[Math.min(n, src.count())];
        if (!src.hasLabels()) {
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            return idx;
        }
        boolean[] used = new boolean[src.count()];
        for (int f = 0; f < idx.length; f++) {
            int pick = -1;
            for (int i = 0; i < src.count() && pick < 0; i++) {
                if (!used[i] && src.labels()[i] == f % 10) {
                    pick = i;
                }
            }
            for (int i = 0; i < src.count() && pick < 0; i++) {
                if (!used[i]) {
                    pick = i;
                }
            }
            used[pick] = true;
            idx[f] = pick;
        }
        return idx;
    }

    /** Native arrays alive in this session (parameters, moments and anything leaked); flat across epochs. */
    public int liveArrays() {
        return manager.getManagedArrays().size();
    }

    @Override
    public void close() {
        manager.close();
    }

    private static float[] threshold(float[] px) {
        float[] out = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = px[i] > 0.5f ? 1f : 0f;
        }
        return out;
    }

    /** Targets that stay fixed for evaluation: one Bernoulli draw per pixel for dynamic binarization. */
    private float[] fixedTargets(float[] px, long seed) {
        return switch (config.binarization()) {
            case NONE -> px;
            case THRESHOLD -> threshold(px);
            case DYNAMIC -> {
                SplittableRandom rng = new SplittableRandom(seed);
                float[] out = new float[px.length];
                for (int i = 0; i < px.length; i++) {
                    out[i] = rng.nextDouble() < px[i] ? 1f : 0f;
                }
                yield out;
            }
        };
    }

    private static String fingerprint(VaeConfig c, MnistData.Split data) {
        return "architecture=" + c.architecture().describe() + " estimator=" + c.estimator().cliName() + " k="
                + c.trainSamples() + " batch=" + c.batchSize() + " lr=" + c.learningRate() + " binarize="
                + c.binarization().cliName() + " seed=" + c.seed() + " train=" + data.train().count() + "#"
                + Integer.toHexString(Arrays.hashCode(data.train().pixels())) + " heldout=" + data.heldOut().count() + "#"
                + Integer.toHexString(Arrays.hashCode(data.heldOut().pixels()));
    }
}
