package org.derivcheck.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.derivcheck.command.Experiment;
import org.derivcheck.command.Progress;
import org.derivcheck.plot.BarChart;
import org.derivcheck.plot.LineChart;
import org.derivcheck.plot.Palette;
import org.derivcheck.vi.Bbvi;
import org.derivcheck.vi.BbviConfig;
import org.derivcheck.vi.BbviTrace;
import org.derivcheck.vi.Cavi;
import org.derivcheck.vi.Estimator;
import org.derivcheck.vi.GradientStats;
import org.derivcheck.vi.GradientVariance;
import org.derivcheck.vi.MeanField;
import org.derivcheck.vi.NormalData;
import org.derivcheck.vi.NormalGammaModel;
import org.derivcheck.vi.NormalGammaPrior;
import org.derivcheck.vi.Rng;
import org.derivcheck.vi.StepRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code derivcheck run bbvi}: Algorithm 1 of BBVI with its variance reductions (Q 1.2.5 and 2.2.13). */
@Command(name = "bbvi", mixinStandardHelpOptions = true,
        description = "Black-box VI (Ranganath et al. 2014, Algorithm 1) on the Normal-Gamma model of Question "
                + "1.2.5: score-function gradient with S samples, plain, with control variates (optimal "
                + "scalar per component), Rao-Blackwellized, and both; Robbins-Monro steps rho_t = "
                + "1/(offset + t) and/or AdaGrad. Traces the closed-form ELBO, E[mu] and E[tau] against the "
                + "CAVI optimum (the report's Figures 1-4) and measures each estimator's gradient variance "
                + "at fixed parameters.")
public final class BbviExperiment implements Experiment {
    static final String NAME = "bbvi";
    private static final List<String> COMPONENTS = List.of("m", "log lambda", "log a", "log b");

    @Mixin
    ExperimentOptions common = new ExperimentOptions();

    @Spec
    CommandSpec spec;

    @Mixin
    NormalDataOptions data = new NormalDataOptions();

    @Option(names = "--samples", defaultValue = "100", description = "Samples S per gradient estimate (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--iterations", defaultValue = "20000", description = "BBVI iterations per run (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--estimators", defaultValue = "plain,cv,rb,rb-cv", split = ",",
            description = "Gradient estimators: plain, cv, rb, rb-cv (default: ${DEFAULT-VALUE}).")
    List<String> estimators;

    @Option(names = "--steps", defaultValue = "robbins-monro,adagrad", split = ",",
            description = "Step rules: robbins-monro, adagrad (default: ${DEFAULT-VALUE}).")
    List<String> steps;

    @Option(names = "--rm-offset", defaultValue = "1000",
            description = "Robbins-Monro rho_t = 1/(offset + t); the report uses 1000 (default: ${DEFAULT-VALUE}).")
    double rmOffset;

    @Option(names = "--adagrad-eta", defaultValue = "0.5",
            description = "AdaGrad base step, as in the NumPy anchor (default: ${DEFAULT-VALUE}).")
    double adagradEta;

    @Option(names = "--init", defaultValue = "0,1,2,2", split = ",",
            description = "Starting q as m,lambda,a,b; the NumPy anchor's start (default: ${DEFAULT-VALUE}).")
    double[] init;

    @Option(names = "--trace-every", defaultValue = "10",
            description = "Record the ELBO and q every this many iterations (default: ${DEFAULT-VALUE}).")
    int traceEvery;

    @Option(names = "--replicates", defaultValue = "2000",
            description = "Independent gradient estimates per estimator for the variance table (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "BBVI: score gradient, control variates, Rao-Blackwell; ELBO, E[mu], E[tau] traces (Q 1.2.5, 2.2.13)";
    }

    /** One finished run. */
    record Run(BbviTrace trace, double seconds) {
    }

    @Override
    public Integer call() {
        if (init.length != 4) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--init needs 4 numbers m,lambda,a,b; got " + init.length);
        }
        Usage.atLeast(spec, "--samples", samples, 2);
        Usage.atLeast(spec, "--iterations", iterations, 1);
        Usage.atLeast(spec, "--trace-every", traceEvery, 1);
        Usage.atLeast(spec, "--replicates", replicates, 2);
        List<Estimator> ests = Usage.check(spec, () -> estimators.stream().map(Estimator::byId).toList());
        List<StepRule> rules = Usage.check(spec, () -> steps.stream().map(this::rule).toList());
        MeanField start = Usage.check(spec, () -> new MeanField(init[0], init[1], init[2], init[3]));
        Rng rng = Rng.of(common.seed());
        double[] x = data.sample(spec, rng);
        NormalGammaModel model = NormalGammaModel.of(NormalGammaPrior.REPORT, NormalData.of(x));
        MeanField opt = Cavi.of(model).fixedPoint();
        double bestElbo = model.elbo(opt);
        OutputDir out = common.output(NAME);

        long work = (long) rules.size() * ests.size() * iterations + 2L * ests.size() * replicates;
        Map<String, Map<String, Run>> runs = new LinkedHashMap<>();
        List<GradientStats> atStart = new ArrayList<>();
        List<GradientStats> atOpt = new ArrayList<>();
        try (Progress progress = common.progress("bbvi", work)) {
            for (StepRule rule : rules) {
                Map<String, Run> byEstimator = new LinkedHashMap<>();
                for (Estimator e : ests) {
                    BbviConfig c = new BbviConfig(samples, iterations, e, rule, start, traceEvery);
                    // Every run gets its own stream, split from the seed in a fixed order.
                    Rng runRng = rng.split();
                    long t0 = System.nanoTime();
                    BbviTrace t = Bbvi.of(model).run(c, runRng, progress::advance);
                    byEstimator.put(e.id(), new Run(t, (System.nanoTime() - t0) / 1e9));
                }
                runs.put(rule.id(), byEstimator);
            }
            GradientVariance gv = GradientVariance.of(model, samples);
            for (Estimator e : ests) {
                atStart.add(gv.measure(start, e, replicates, rng.split(), progress::advance));
                atOpt.add(gv.measure(opt, e, replicates, rng.split(), progress::advance));
            }
        }

        FigureBatch figures = new FigureBatch();
        for (var entry : runs.entrySet()) {
            writeTraces(out, entry.getKey(), entry.getValue());
            figures.add(() -> plotTraces(out, entry.getKey(), entry.getValue(), opt, bestElbo));
        }
        writeVariance(out, atStart, atOpt);
        figures.add(() -> plotVariance(out, atStart, atOpt)).render(common);
        Map<String, Object> results = Fields.of("data_summary", Fields.of("mean", NormalData.of(x).mean(),
                        "scatter", NormalData.of(x).scatter()),
                "cavi_optimum", Fields.of(opt), "cavi_elbo", bestElbo, "log_evidence", model.logEvidence(),
                "runs", summarize(runs, model, opt, bestElbo),
                "gradient_variance_at_start", variances(atStart), "gradient_variance_at_cavi_optimum", variances(atOpt));
        out.writeResult(NAME, common.seed(), Fields.of("n", data.n, "data_mean", data.mean, "data_precision", data.precision,
                "prior", Fields.of("mu0", 1.0, "lambda0", 0.1, "a0", 1.0, "b0", 2.0), "samples", samples,
                "iterations", iterations, "estimators", estimators, "steps", steps, "rm_offset", rmOffset,
                "adagrad_eta", adagradEta, "init", Fields.of(start), "trace_every", traceEvery, "replicates", replicates,
                "parameterization", "theta = (m, log lambda, log a, log b); box |log .| <= " + Bbvi.LOG_BOUND
                        + ", |m| <= " + Bbvi.M_BOUND), results);

        var pw = spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "CAVI optimum: E[mu] = %.5f, E[tau] = %.5f, ELBO = %.5f%n", opt.meanMu(), opt.meanTau(), bestElbo);
        for (var entry : runs.entrySet()) {
            for (var r : entry.getValue().entrySet()) {
                BbviTrace t = r.getValue().trace();
                pw.printf(Locale.ROOT, "%-13s %-6s E[mu] = %.5f  E[tau] = %.5f  ELBO gap (final) = %.4g  (%.0f it/s)%n",
                        entry.getKey(), r.getKey(), t.last().meanMu(), t.last().meanTau(),
                        bestElbo - model.elbo(t.last()), iterations / r.getValue().seconds());
            }
        }
        pw.println(varianceTable(atStart, "at the start q"));
        pw.println(varianceTable(atOpt, "at the CAVI optimum"));
        pw.println("wrote " + out.path());
        pw.flush();
        return 0;
    }

    private StepRule rule(String id) {
        return switch (id) {
            case "robbins-monro" -> new StepRule.RobbinsMonro(rmOffset);
            case "adagrad" -> new StepRule.AdaGrad(adagradEta);
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown step rule '" + id + "'; use robbins-monro or adagrad");
        };
    }

    private static Map<String, Object> summarize(Map<String, Map<String, Run>> runs, NormalGammaModel model,
            MeanField opt, double best) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var entry : runs.entrySet()) {
            Map<String, Object> byEst = new LinkedHashMap<>();
            for (var r : entry.getValue().entrySet()) {
                BbviTrace t = r.getValue().trace();
                MeanField q = t.last();
                byEst.put(r.getKey(), Fields.of("final_q", Fields.of(q), "final_elbo", model.elbo(q),
                        "final_elbo_gap_to_cavi", best - model.elbo(q),
                        "mean_elbo_last_10_percent", t.tailMeanElbo(0.1),
                        "abs_error_E_mu", Math.abs(q.meanMu() - opt.meanMu()),
                        "abs_error_E_tau", Math.abs(q.meanTau() - opt.meanTau()),
                        "seconds", r.getValue().seconds(),
                        "iterations_per_second", t.config().iterations() / r.getValue().seconds()));
            }
            m.put(entry.getKey(), byEst);
        }
        return m;
    }

    private static Map<String, Object> variances(List<GradientStats> stats) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (GradientStats s : stats) {
            Map<String, Object> comp = new LinkedHashMap<>();
            for (int j = 0; j < COMPONENTS.size(); j++) {
                comp.put(COMPONENTS.get(j), Fields.of("mean", s.mean()[j], "variance", s.variance()[j]));
            }
            m.put(s.estimator().id(), comp);
        }
        return m;
    }

    private void writeTraces(OutputDir out, String rule, Map<String, Run> runs) {
        List<String> header = new ArrayList<>(List.of("iteration"));
        List<double[]> cols = new ArrayList<>();
        cols.add(runs.values().iterator().next().trace().iterationsAsDouble());
        for (var r : runs.entrySet()) {
            BbviTrace t = r.getValue().trace();
            String p = r.getKey() + "_";
            header.addAll(List.of(p + "elbo", p + "m", p + "lambda", p + "a", p + "b", p + "E_tau"));
            cols.addAll(List.of(t.elbo(), t.m(), t.lambda(), t.a(), t.b(), t.meanTau()));
        }
        out.writeCsv("trace_" + rule + ".csv", header, cols);
    }

    private void plotTraces(OutputDir out, String rule, Map<String, Run> runs, MeanField opt, double best) {
        String how = rule.equals("adagrad") ? "AdaGrad eta = " + Fmt.num(adagradEta)
                : "rho_t = 1/(" + Fmt.num(rmOffset) + " + t)";
        String setting = String.format(Locale.ROOT, "S = %d, %s", samples, how);
        double last = iterations;
        LineChart elbo = LineChart.of("BBVI: ELBO over iterations (" + setting + ")", "iteration", "ELBO (closed form)")
                .legend(LineChart.Corner.LOWER_RIGHT);
        LineChart gap = LineChart.of("BBVI: CAVI optimum's ELBO - ELBO (" + setting + ")", "iteration", "nats (log scale)")
                .logY(true);
        LineChart mu = LineChart.of("BBVI: E_q[mu] over iterations (" + setting + ")", "iteration", "E[mu]");
        LineChart tau = LineChart.of("BBVI: E_q[tau] over iterations (" + setting + ")", "iteration", "E[tau]");
        int i = 0;
        double lowest = best;
        for (var r : runs.entrySet()) {
            BbviTrace t = r.getValue().trace();
            String label = Estimator.byId(r.getKey()).label();
            double[] it = t.iterationsAsDouble();
            double[] g = new double[t.size()];
            for (int k = 0; k < g.length; k++) {
                g[k] = best - t.elbo()[k] > 0 ? best - t.elbo()[k] : Double.NaN;
                if (k >= t.size() / 50) {
                    lowest = Math.min(lowest, t.elbo()[k]);
                }
            }
            elbo.add(label, it, t.elbo(), LineChart.Style.LINE, Palette.color(i));
            gap.add(label, it, g, LineChart.Style.LINE, Palette.color(i));
            mu.add(label, it, t.m(), LineChart.Style.LINE, Palette.color(i));
            tau.add(label, it, t.meanTau(), LineChart.Style.LINE, Palette.color(i));
            i++;
        }
        elbo.addHorizontal("CAVI optimum", best, 0, last, Palette.color(6));
        // The first iterations fall from about -290; zoom on the part after the first 2% of the run.
        elbo.yRange(Math.max(lowest, best - 50) - 0.5, best + 0.5);
        mu.addHorizontal("CAVI optimum", opt.meanMu(), 0, last, Palette.color(6));
        tau.addHorizontal("CAVI optimum", opt.meanTau(), 0, last, Palette.color(6));
        elbo.save(out.path(), "elbo_" + rule);
        gap.save(out.path(), "elbo_gap_" + rule);
        mu.save(out.path(), "mean_mu_" + rule);
        tau.save(out.path(), "mean_tau_" + rule);
    }

    private void writeVariance(OutputDir out, List<GradientStats> atStart, List<GradientStats> atOpt) {
        List<String> header = List.of("point", "estimator", "component", "mean", "variance");
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (var pair : List.of(Map.entry("start", atStart), Map.entry("cavi_optimum", atOpt))) {
            for (GradientStats s : pair.getValue()) {
                for (int j = 0; j < COMPONENTS.size(); j++) {
                    csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.10g,%.10g%n", pair.getKey(), s.estimator().id(),
                            COMPONENTS.get(j), s.mean()[j], s.variance()[j]));
                }
            }
        }
        out.write("gradient_variance.csv", csv.toString());
        out.write("gradient_variance.md", varianceTable(atStart, "at the start q") + "\n\n"
                + varianceTable(atOpt, "at the CAVI optimum") + "\n");
    }

    private void plotVariance(OutputDir out, List<GradientStats> atStart, List<GradientStats> atOpt) {
        for (var pair : List.of(Map.entry("start", atStart), Map.entry("cavi_optimum", atOpt))) {
            BarChart chart = BarChart.of("Variance of the gradient estimators (S = " + samples + ", " + replicates
                    + " replicates) at the " + pair.getKey().replace('_', ' '), "variance (log scale)", COMPONENTS).logY(true);
            for (GradientStats s : pair.getValue()) {
                chart.add(s.estimator().label(), s.variance());
            }
            chart.save(out.path(), "gradient_variance_" + pair.getKey());
        }
    }

    private String varianceTable(List<GradientStats> stats, String where) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Gradient variance %s (S = %d, %d replicates), d ELBO / d theta:%n%n",
                where, samples, replicates));
        sb.append("| estimator | m | log lambda | log a | log b |\n|---|---:|---:|---:|---:|\n");
        for (GradientStats s : stats) {
            sb.append("| ").append(s.estimator().label());
            for (double v : s.variance()) {
                sb.append(String.format(Locale.ROOT, " | %.3g", v));
            }
            sb.append(" |\n");
        }
        return sb.toString().stripTrailing();
    }
}
