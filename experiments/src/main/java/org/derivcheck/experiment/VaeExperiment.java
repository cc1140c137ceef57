package org.derivcheck.experiment;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.derivcheck.command.Experiment;
import org.derivcheck.command.Progress;
import org.derivcheck.plot.ImageGrid;
import org.derivcheck.plot.LineChart;
import org.derivcheck.vae.Activation;
import org.derivcheck.vae.Architecture;
import org.derivcheck.vae.Binarization;
import org.derivcheck.vae.DeviceKind;
import org.derivcheck.vae.DjlRuntime;
import org.derivcheck.vae.EpochRecord;
import org.derivcheck.vae.Estimator;
import org.derivcheck.vae.MnistData;
import org.derivcheck.vae.MnistSource;
import org.derivcheck.vae.VaeConfig;
import org.derivcheck.vae.VaeSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code derivcheck run vae}: trains the report's VAE on MNIST with DJL under several gradient estimators
 * (by default the standard reparameterized ELBO gradient and sticking the landing), evaluates the held-out ELBO
 * and importance-weighted bound each epoch, measures the encoder-gradient variance of every estimator, and
 * writes the curves, image grids, CSV series, checkpoints and result.json.
 */
@Command(name = "vae", mixinStandardHelpOptions = true, sortOptions = false,
        description = "VAE on MNIST (DJL, PyTorch engine): standard vs sticking-the-landing gradients, "
                + "held-out ELBO and importance-weighted bound L_K, encoder-gradient variance per estimator.",
        footer = {"", "Example:", "  derivcheck run vae --data ../shared/data/mnist-subset --epochs 10 --out runs/vae", "",
                "Exit codes: 0 done; 2 bad input, no data, or a GPU asked for and absent."})
public final class VaeExperiment implements Experiment {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory of MNIST IDX files (.gz or not). Without it DJL fetches MNIST when allowed online (DJL_OFFLINE=false).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/vae", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs per estimator (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "0", description = "Seeds the split, shuffles, initialization and PyTorch's generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--estimators", split = ",", paramLabel = "E", defaultValue = "standard,stl",
            description = "Estimators to train with, comma-separated: standard, stl, iwae, dreg (default: ${DEFAULT-VALUE}).")
    List<String> estimators;

    @Option(names = "--k", defaultValue = "5", description = "Importance samples per image when training with iwae or dreg (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--eval-k", defaultValue = "100", description = "K of the held-out bound L_K (default: ${DEFAULT-VALUE}).")
    int evalK;

    @Option(names = "--holdout", defaultValue = "1000",
            description = "Held-out images: test images when the data has a test file, else taken from the shuffled data (default: ${DEFAULT-VALUE}).")
    int holdout;

    @Option(names = "--limit", defaultValue = "0", description = "Train on at most this many images (0: all).")
    int limit;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--binarize", defaultValue = "dynamic", paramLabel = "dynamic|threshold|none",
            description = "dynamic: Bernoulli draw per use (IWAE paper); threshold: > 0.5; none: grey levels as targets, as the PyTorch example (default: ${DEFAULT-VALUE}).")
    String binarize;

    @Option(names = "--arch", defaultValue = "report", paramLabel = "report|iwae",
            description = "report: 784-400-20 ReLU; iwae: 784-200-200-50 tanh (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--hidden", split = ",", paramLabel = "N", description = "Hidden widths of the encoder, comma-separated (overrides --arch).")
    List<Integer> hidden;

    @Option(names = "--latent", paramLabel = "N", description = "Latent dimension (overrides --arch).")
    Integer latent;

    @Option(names = "--activation", paramLabel = "relu|tanh", description = "Hidden nonlinearity (overrides --arch).")
    String activation;

    @Option(names = "--var-reps", defaultValue = "10",
            description = "Gradient draws per estimator to measure the encoder-gradient variance each epoch; 0 skips it (default: ${DEFAULT-VALUE}).")
    int varReps;

    @Option(names = "--var-batch", defaultValue = "64", description = "Images in the fixed batch for that measurement (default: ${DEFAULT-VALUE}).")
    int varBatch;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu", description = "Where to compute (default: ${DEFAULT-VALUE}); gpu needs the -Pgpu build.")
    String device;

    @Option(names = "--threads", defaultValue = "0", description = "PyTorch intra-op threads (0: PyTorch's default, one per core).")
    int threads;

    @Option(names = "--resume", description = "Continue each estimator's run from its last checkpoint in --out.")
    boolean resume;

    @Option(names = "--keep-checkpoints", description = "Keep every epoch's checkpoint (default: only the latest).")
    boolean keepCheckpoints;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public String name() {
        return "vae";
    }

    @Override
    public String summary() {
        return "VAE on MNIST (DJL): standard vs STL gradients, held-out ELBO and L_K, gradient variance";
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Estimator> runs;
        VaeConfig base;
        try {
            runs = estimators.stream().map(Estimator::parse).distinct().toList();
            base = config(runs.get(0));
        } catch (IllegalArgumentException e) {
            err.println("derivcheck run vae: " + e.getMessage());
            return 2;
        }
        DjlRuntime.configure(threads, base.device());
        MnistData mnist;
        try {
            mnist = loadData();
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println("derivcheck run vae: " + e.getMessage());
            return 2;
        }
        MnistData.Split split;
        try {
            split = mnist.split(seed, holdout, limit);
        } catch (IllegalArgumentException e) {
            err.println("derivcheck run vae: " + e.getMessage());
            return 2;
        }
        OutputDir dir = OutputDir.of(out);
        DjlRuntime.RuntimeInfo runtime = DjlRuntime.info();
        o.printf(Locale.ROOT, "VAE %s on %d training / %d held-out images from %s%n", base.architecture().describe(),
                split.train().count(), split.heldOut().count(), mnist.source());
        o.printf(Locale.ROOT, "DJL %s, %s %s, device %s, threads %s, binarize %s, batch %d, Adam %.0e, seed %d%n",
                runtime.djl(), runtime.engine(), runtime.engineVersion(), device, runtime.threads(), binarize, batch, lr, seed);
        o.flush();
        Map<Estimator, List<EpochRecord>> histories = new LinkedHashMap<>();
        for (Estimator e : runs) {
            try {
                histories.put(e, train(base.withEstimator(e), split, dir, o, err));
            } catch (IllegalStateException | IllegalArgumentException ex) {
                err.println("derivcheck run vae: " + ex.getMessage());
                return 2;
            }
        }
        writeSeries(dir, histories);
        writeCharts(dir, histories);
        writeResult(dir, base, mnist, split, runtime, histories);
        summarize(o, histories);
        o.println("wrote " + dir.path().toAbsolutePath());
        o.flush();
        return 0;
    }

    private MnistData loadData() {
        if (data != null) {
            return MnistSource.fromDirectory(data);
        }
        if (DjlRuntime.offline()) {
            throw new IllegalStateException("no --data given and DJL is offline (DJL_OFFLINE / ai.djl.offline = true)."
                    + " Pass --data DIR, a directory of MNIST IDX files (train-images-idx3-ubyte[.gz] and optionally"
                    + " t10k-images-idx3-ubyte[.gz] with their labels; in this project ../shared/data/mnist-subset),"
                    + " or on a machine online run with DJL_OFFLINE=false to let DJL download MNIST into its cache.");
        }
        return MnistSource.fromDjlRepository();
    }

    private VaeConfig config(Estimator first) {
        Architecture a = switch (arch.toLowerCase(Locale.ROOT)) {
            case "report" -> Architecture.report(784);
            case "iwae" -> Architecture.iwae(784);
            default -> throw new IllegalArgumentException("--arch " + arch + ": expected report or iwae");
        };
        Activation act = activation == null ? a.activation() : switch (activation.toLowerCase(Locale.ROOT)) {
            case "relu" -> Activation.RELU;
            case "tanh" -> Activation.TANH;
            default -> throw new IllegalArgumentException("--activation " + activation + ": expected relu or tanh");
        };
        a = new Architecture(a.input(), hidden == null ? a.hidden() : hidden, latent == null ? a.latent() : latent, act);
        Binarization bin;
        try {
            bin = Binarization.valueOf(binarize.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--binarize " + binarize + ": expected dynamic, threshold or none", e);
        }
        DeviceKind dev = switch (device.toLowerCase(Locale.ROOT)) {
            case "cpu" -> DeviceKind.CPU;
            case "gpu" -> DeviceKind.GPU;
            default -> throw new IllegalArgumentException("--device " + device + ": expected cpu or gpu");
        };
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        }
        return new VaeConfig(a, first, k, batch, lr, bin, seed, evalK, varReps, varBatch, dev);
    }

    private List<EpochRecord> train(VaeConfig c, MnistData.Split split, OutputDir dir, PrintWriter o, PrintWriter err) {
        String name = c.estimator().cliName();
        Path ckptDir = dir.resolve("checkpoints");
        Path latest = ckptDir.resolve(name + ".ckpt");
        boolean resuming = resume && Files.exists(latest);
        if (resume && !resuming) {
            o.println("[" + name + "] no checkpoint at " + latest + "; starting from scratch");
        }
        try (VaeSession s = resuming ? VaeSession.resume(latest, c, split) : VaeSession.start(c, split)) {
            if (resuming) {
                o.printf("[%s] resumed after epoch %d from %s%n", name, s.epochsDone(), latest);
            }
            while (s.epochsDone() < epochs) {
                int ep = s.epochsDone() + 1;
                EpochRecord r;
                try (Progress p = Progress.deferred(noProgress, String.format(Locale.ROOT, "%-8s epoch %d/%d", name, ep, epochs),
                        err)) {
                    r = s.runEpoch(p::update);
                }
                o.println(line(name, r));
                o.flush();
                s.save(latest);
                if (keepCheckpoints) {
                    s.save(ckptDir.resolve(String.format(Locale.ROOT, "%s-epoch-%03d.ckpt", name, ep)));
                }
            }
            int[] show = s.showcase(30);
            List<float[]> rec = s.reconstructions(show);
            List<float[]> grid = new ArrayList<>();
            for (int block = 0; block * 10 < show.length; block++) {
                for (int half = 0; half < 2; half++) {
                    for (int i = block * 10; i < Math.min(show.length, block * 10 + 10); i++) {
                        grid.add(rec.get(half * show.length + i));
                    }
                }
            }
            ImageGrid.save(dir.path(), "reconstructions_" + name, grid, 28, 28, 10, 2);
            ImageGrid.save(dir.path(), "samples_" + name, s.priorSamples(60), 28, 28, 10, 2);
            return s.history();
        }
    }

    private static String line(String name, EpochRecord r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "[%s] epoch %d  train ELBO %.2f", name, r.epoch(), r.trainElbo()));
        if (!Double.isNaN(r.heldOutElbo())) {
            sb.append(String.format(Locale.ROOT, "  held-out ELBO %.2f  L_%d %.2f", r.heldOutElbo(), r.evalK(), r.heldOutBound()));
        }
        sb.append(String.format(Locale.ROOT, "  train %.2fs eval %.2fs", r.trainSeconds(), r.evalSeconds()));
        if (!r.gradientVariance().isEmpty()) {
            sb.append("  var(enc grad)");
            for (Estimator e : Estimator.values()) {
                Double v = r.gradientVariance().get(e);
                if (v != null) {
                    sb.append(String.format(Locale.ROOT, " %s %.3g", e.cliName(), v));
                }
            }
        }
        sb.append(String.format(Locale.ROOT, "  rss %d MiB", r.rssBytes() >> 20));
        return sb.toString();
    }

    private static void writeSeries(OutputDir dir, Map<Estimator, List<EpochRecord>> histories) {
        for (var entry : histories.entrySet()) {
            List<EpochRecord> h = entry.getValue();
            List<String> header = new ArrayList<>(List.of("epoch", "train_elbo", "heldout_elbo", "heldout_lk", "train_s",
                    "eval_s", "probe_s", "rss_mib"));
            List<double[]> cols = new ArrayList<>(List.of(col(h, EpochRecord::epoch), col(h, EpochRecord::trainElbo),
                    col(h, EpochRecord::heldOutElbo), col(h, EpochRecord::heldOutBound), col(h, EpochRecord::trainSeconds),
                    col(h, EpochRecord::evalSeconds), col(h, EpochRecord::probeSeconds), col(h, r -> r.rssBytes() / 1048576.0)));
            for (Estimator e : Estimator.values()) {
                if (h.stream().allMatch(r -> r.gradientVariance().containsKey(e))) {
                    header.add("var_" + e.cliName());
                    cols.add(col(h, r -> r.gradientVariance().get(e)));
                }
            }
            dir.writeCsv("epochs_" + entry.getKey().cliName() + ".csv", header, cols);
        }
    }

    private static void writeCharts(OutputDir dir, Map<Estimator, List<EpochRecord>> histories) {
        LineChart elbo = LineChart.of("ELBO over epochs on MNIST", "epoch", "ELBO (nats per image)");
        LineChart bound = LineChart.of("Held-out bounds", "epoch", "nats per image");
        boolean heldOut = false;
        for (var entry : histories.entrySet()) {
            List<EpochRecord> h = entry.getValue();
            String n = entry.getKey().cliName();
            double[] x = col(h, EpochRecord::epoch);
            elbo.add(n + " (train)", x, col(h, EpochRecord::trainElbo));
            if (h.stream().noneMatch(r -> Double.isNaN(r.heldOutElbo()))) {
                heldOut = true;
                elbo.add(n + " (held-out)", x, col(h, EpochRecord::heldOutElbo));
                bound.add(n + " ELBO", x, col(h, EpochRecord::heldOutElbo));
                bound.add(n + " L_" + h.get(0).evalK(), x, col(h, EpochRecord::heldOutBound));
            }
            LineChart var = LineChart.of("Encoder-gradient variance at the parameters trained with " + n, "epoch",
                    "trace of covariance (log scale)").logY(true);
            boolean any = false;
            for (Estimator e : Estimator.values()) {
                if (!h.isEmpty() && h.stream().allMatch(r -> r.gradientVariance().containsKey(e))) {
                    var.add(e.cliName(), x, col(h, r -> r.gradientVariance().get(e)));
                    any = true;
                }
            }
            if (any) {
                var.save(dir.path(), "grad_variance_" + n);
            }
        }
        elbo.save(dir.path(), "elbo");
        if (heldOut) {
            bound.save(dir.path(), "heldout_bounds");
        }
    }

    private void writeResult(OutputDir dir, VaeConfig base, MnistData mnist, MnistData.Split split,
            DjlRuntime.RuntimeInfo runtime, Map<Estimator, List<EpochRecord>> histories) {
        Map<String, Object> cfg = new LinkedHashMap<>(base.toMap());
        cfg.remove("estimator");
        cfg.put("estimators", histories.keySet().stream().map(Estimator::cliName).toList());
        cfg.put("epochs", epochs);
        cfg.put("data", mnist.source());
        cfg.put("trainImages", split.train().count());
        cfg.put("heldOutImages", split.heldOut().count());
        cfg.put("threads", runtime.threads());
        Map<String, Object> res = new LinkedHashMap<>();
        Map<String, Object> rt = new LinkedHashMap<>();
        rt.put("djl", runtime.djl());
        rt.put("engine", runtime.engine() + " " + runtime.engineVersion());
        rt.put("device", device);
        rt.put("threads", runtime.threads());
        res.put("runtime", rt);
        for (var entry : histories.entrySet()) {
            List<EpochRecord> h = entry.getValue();
            Map<String, Object> r = new LinkedHashMap<>();
            EpochRecord last = h.get(h.size() - 1);
            r.put("finalTrainElbo", last.trainElbo());
            finite(r, "finalHeldOutElbo", last.heldOutElbo());
            finite(r, "finalHeldOutLK", last.heldOutBound());
            r.put("medianTrainSecondsPerEpoch", median(col(h, EpochRecord::trainSeconds)));
            r.put("epochs", h.stream().map(VaeExperiment::recordMap).toList());
            res.put(entry.getKey().cliName(), r);
        }
        Optional<List<EpochRecord>> std = Optional.ofNullable(histories.get(Estimator.STANDARD));
        Optional<List<EpochRecord>> stl = Optional.ofNullable(histories.get(Estimator.STL));
        if (std.isPresent() && stl.isPresent()) {
            EpochRecord a = std.get().get(std.get().size() - 1);
            EpochRecord b = stl.get().get(stl.get().size() - 1);
            finite(res, "stlMinusStandardHeldOutElbo", b.heldOutElbo() - a.heldOutElbo());
            res.put("stlMinusStandardTrainElbo", b.trainElbo() - a.trainElbo());
        }
        dir.writeResult("vae", seed, cfg, res);
    }

    private static Map<String, Object> recordMap(EpochRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", r.epoch());
        m.put("trainElbo", r.trainElbo());
        finite(m, "heldOutElbo", r.heldOutElbo());
        finite(m, "heldOutLK", r.heldOutBound());
        m.put("trainSeconds", r.trainSeconds());
        m.put("evalSeconds", r.evalSeconds());
        m.put("probeSeconds", r.probeSeconds());
        Map<String, Double> v = new LinkedHashMap<>();
        for (Estimator e : Estimator.values()) {
            if (r.gradientVariance().containsKey(e)) {
                v.put(e.cliName(), r.gradientVariance().get(e));
            }
        }
        m.put("encoderGradientVariance", v);
        m.put("rssMiB", r.rssBytes() / 1048576.0);
        return m;
    }

    private static void summarize(PrintWriter o, Map<Estimator, List<EpochRecord>> histories) {
        for (var entry : histories.entrySet()) {
            List<EpochRecord> h = entry.getValue();
            EpochRecord last = h.get(h.size() - 1);
            o.printf(Locale.ROOT, "%-8s after %d epochs: train ELBO %.2f", entry.getKey().cliName(), last.epoch(), last.trainElbo());
            if (!Double.isNaN(last.heldOutElbo())) {
                o.printf(Locale.ROOT, ", held-out ELBO %.2f, L_%d %.2f", last.heldOutElbo(), last.evalK(), last.heldOutBound());
            }
            o.printf(Locale.ROOT, ", median train time %.2f s/epoch%n", median(col(h, EpochRecord::trainSeconds)));
        }
    }

    private static void finite(Map<String, Object> m, String key, double v) {
        if (Double.isFinite(v)) {
            m.put(key, v);
        }
    }

    private static double[] col(List<EpochRecord> h, java.util.function.ToDoubleFunction<EpochRecord> f) {
        return h.stream().mapToDouble(f).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
