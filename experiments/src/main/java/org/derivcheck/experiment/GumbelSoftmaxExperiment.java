package org.derivcheck.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.derivcheck.command.Experiment;
import org.derivcheck.command.Progress;
import org.derivcheck.plot.HistogramChart;
import org.derivcheck.plot.LineChart;
import org.derivcheck.plot.Palette;
import org.derivcheck.plot.SimplexChart;
import org.derivcheck.vi.GumbelSoftmax;
import org.derivcheck.vi.Rng;
import org.derivcheck.vi.SimplexMoments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code derivcheck run gumbel-softmax}: Concrete / Gumbel-Softmax samples at several temperatures (Q 3.1.20, Figure 7). */
@Command(name = "gumbel-softmax", mixinStandardHelpOptions = true,
        description = "Gumbel-Softmax (Concrete) samples y = softmax((log pi + g)/t) of a categorical at "
                + "several temperatures t (Question 3.1.20, Figure 7): a simplex plot (3 classes) and "
                + "histograms. Checks that the Concrete density integrates to 1 (tanh-sinh quadrature over "
                + "the simplex, steps h and h/2), and that the sample means approach pi as t -> 0 (against "
                + "the quadrature means and the class probabilities).")
public final class GumbelSoftmaxExperiment implements Experiment {
    static final String NAME = "gumbel-softmax";

    @Mixin
    ExperimentOptions common = new ExperimentOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--probs", defaultValue = "0.5,0.3,0.2", split = ",",
            description = "Class probabilities pi, summing to 1 (default: ${DEFAULT-VALUE}).")
    double[] probs;

    @Option(names = "--temperatures", defaultValue = "0.1,0.5,1,5", split = ",",
            description = "Temperatures of the figures and the density check (default: ${DEFAULT-VALUE}).")
    double[] temperatures;

    @Option(names = "--samples", defaultValue = "1000",
            description = "Samples drawn per temperature for the figures (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--mean-temperatures", defaultValue = "0.01,0.02,0.05,0.1,0.2,0.5,1,2,5,10", split = ",",
            description = "Temperatures of the sample-mean study (default: ${DEFAULT-VALUE}).")
    double[] meanTemperatures;

    @Option(names = "--mean-samples", defaultValue = "100000",
            description = "Samples per temperature for the sample means (default: ${DEFAULT-VALUE}).")
    int meanSamples;

    @Option(names = "--quadrature-step", defaultValue = "0.015625",
            description = "Tanh-sinh step h; the check is repeated with h/2 (default: ${DEFAULT-VALUE} = 1/64).")
    double quadratureStep;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Gumbel-Softmax samples at temperatures 0.1..5, density integrates to 1, means -> pi (Q 3.1.20)";
    }

    /** Sample means, their standard errors, and the quadrature means (empty when K > 3) at one temperature. */
    record MeanRow(double temperature, double[] mean, double[] se, double[] exact) {
    }

    @Override
    public Integer call() {
        int k = probs.length;
        Usage.check(spec, () -> GumbelSoftmax.of(probs, 1)); // validates pi before any work
        for (double t : temperatures) {
            Usage.positive(spec, "--temperatures", t);
        }
        for (double t : meanTemperatures) {
            Usage.positive(spec, "--mean-temperatures", t);
        }
        Usage.atLeast(spec, "--samples", samples, 1);
        Usage.atLeast(spec, "--mean-samples", meanSamples, 2);
        Usage.positive(spec, "--quadrature-step", quadratureStep);
        boolean quadrature = k <= 3;
        Rng rng = Rng.of(common.seed());
        OutputDir out = common.output(NAME);

        long work = (long) temperatures.length * samples + (long) meanTemperatures.length * meanSamples;
        List<double[][]> drawn = new ArrayList<>();
        List<MeanRow> means = new ArrayList<>();
        List<Map<String, Object>> density = new ArrayList<>();
        try (Progress progress = common.progress("gumbel-softmax", work)) {
            for (double t : temperatures) {
                GumbelSoftmax g = GumbelSoftmax.of(probs, t);
                double[][] ys = new double[samples][k];
                for (double[] y : ys) {
                    g.sample(rng, y);
                }
                drawn.add(ys);
                progress.advance(samples);
                if (quadrature) {
                    SimplexMoments coarse = SimplexMoments.of(g, 2 * quadratureStep);
                    SimplexMoments fine = SimplexMoments.of(g, quadratureStep);
                    density.add(Fields.of("temperature", t, "mass_h", fine.mass(), "mass_2h", coarse.mass(),
                            "h", quadratureStep, "abs_mass_error", Math.abs(fine.mass() - 1)));
                }
            }
            for (double t : meanTemperatures) {
                means.add(meanRow(GumbelSoftmax.of(probs, t), rng, quadrature));
                progress.advance(meanSamples);
            }
        }

        writeSamples(out, drawn);
        writeMeans(out, means);
        if (quadrature) {
            writeDensity(out, density);
        }
        FigureBatch figures = new FigureBatch();
        if (k == 3) {
            SimplexChart chart = SimplexChart.of("Gumbel-Softmax samples, pi = " + list(probs) + " (" + samples
                    + " per temperature)", "e1", "e2", "e3");
            for (int i = 0; i < temperatures.length; i++) {
                chart.panel("t = " + Fmt.num(temperatures[i]), drawn.get(i));
            }
            figures.add(() -> chart.save(out.path(), "simplex"));
        }
        HistogramChart hist = HistogramChart.of("Histogram of y_1 (pi_1 = " + Fmt.num(probs[0]) + ") per temperature",
                "y_1", 0, 1, 40).logY(true);
        for (int i = 0; i < temperatures.length; i++) {
            double[] y1 = new double[samples];
            for (int s = 0; s < samples; s++) {
                y1[s] = drawn.get(i)[s][0];
            }
            hist.add("t = " + Fmt.num(temperatures[i]), y1, Palette.color(i));
        }
        figures.add(() -> hist.save(out.path(), "histograms")).add(() -> plotMeans(out, means, quadrature))
                .render(common);

        double worstLowT = means.stream().mapToDouble(r -> r.temperature()).min().orElse(Double.NaN);
        Map<String, Object> results = Fields.of(
                "density_integral", quadrature ? density : "skipped: quadrature implemented for 2 or 3 classes",
                "means", meanSummary(means), "lowest_temperature", worstLowT);
        out.writeResult(NAME, common.seed(), Fields.of("probs", list(probs), "temperatures", list(temperatures),
                "samples", samples, "mean_temperatures", list(meanTemperatures), "mean_samples", meanSamples,
                "quadrature_step", quadratureStep), results);

        var pw = spec.commandLine().getOut();
        for (Map<String, Object> d : density) {
            pw.printf(Locale.ROOT, "t = %-5s density integral %.15f (h = %s), %.15f (h = %s)%n",
                    Fmt.num((Double) d.get("temperature")), (Double) d.get("mass_h"), Fmt.num(quadratureStep),
                    (Double) d.get("mass_2h"), Fmt.num(2 * quadratureStep));
        }
        for (MeanRow r : means) {
            pw.printf(Locale.ROOT, "t = %-5s max_k |sample mean - pi_k| = %.5f%s%n", Fmt.num(r.temperature()),
                    maxAbsDiff(r.mean(), probs), r.exact().length > 0
                            ? String.format(Locale.ROOT, "   max_k |E[y_k] - pi_k| (quadrature) = %.2e",
                                    maxAbsDiff(r.exact(), probs)) : "");
        }
        pw.println("wrote " + out.path());
        pw.flush();
        return 0;
    }

    private MeanRow meanRow(GumbelSoftmax g, Rng rng, boolean quadrature) {
        int k = probs.length;
        double[] y = new double[k];
        double[] s = new double[k];
        double[] ss = new double[k];
        for (int i = 0; i < meanSamples; i++) {
            g.sample(rng, y);
            for (int j = 0; j < k; j++) {
                s[j] += y[j];
                ss[j] += y[j] * y[j];
            }
        }
        double[] mean = new double[k];
        double[] se = new double[k];
        for (int j = 0; j < k; j++) {
            mean[j] = s[j] / meanSamples;
            se[j] = Math.sqrt(Math.max(0, ss[j] / meanSamples - mean[j] * mean[j]) / meanSamples);
        }
        double[] exact = quadrature ? SimplexMoments.of(g, quadratureStep).mean() : new double[0];
        return new MeanRow(g.temperature(), mean, se, exact);
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static List<Double> list(double[] v) {
        List<Double> l = new ArrayList<>();
        for (double d : v) {
            l.add(d);
        }
        return l;
    }

    private List<Object> meanSummary(List<MeanRow> rows) {
        List<Object> l = new ArrayList<>();
        for (MeanRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("temperature", r.temperature());
            m.put("sample_mean", list(r.mean()));
            m.put("standard_error", list(r.se()));
            m.put("max_abs_sample_mean_minus_pi", maxAbsDiff(r.mean(), probs));
            if (r.exact().length > 0) {
                m.put("quadrature_mean", list(r.exact()));
                m.put("max_abs_quadrature_mean_minus_pi", maxAbsDiff(r.exact(), probs));
                double z = 0;
                for (int j = 0; j < probs.length; j++) {
                    z = Math.max(z, Math.abs(r.mean()[j] - r.exact()[j]) / r.se()[j]);
                }
                m.put("max_z_sample_vs_quadrature", z);
            }
            l.add(m);
        }
        return l;
    }

    private void writeSamples(OutputDir out, List<double[][]> drawn) {
        int k = probs.length;
        int rows = drawn.size() * samples;
        List<String> header = new ArrayList<>(List.of("temperature"));
        List<double[]> cols = new ArrayList<>();
        double[] t = new double[rows];
        cols.add(t);
        for (int j = 0; j < k; j++) {
            header.add("y" + (j + 1));
            cols.add(new double[rows]);
        }
        int r = 0;
        for (int i = 0; i < drawn.size(); i++) {
            for (double[] y : drawn.get(i)) {
                t[r] = temperatures[i];
                for (int j = 0; j < k; j++) {
                    cols.get(j + 1)[r] = y[j];
                }
                r++;
            }
        }
        out.writeCsv("samples.csv", header, cols);
    }

    private void writeMeans(OutputDir out, List<MeanRow> rows) {
        int k = probs.length;
        List<String> header = new ArrayList<>(List.of("temperature"));
        List<double[]> cols = new ArrayList<>();
        double[] t = rows.stream().mapToDouble(MeanRow::temperature).toArray();
        cols.add(t);
        for (int j = 0; j < k; j++) {
            int jj = j;
            header.add("mean_y" + (j + 1));
            cols.add(rows.stream().mapToDouble(r -> r.mean()[jj]).toArray());
            header.add("se_y" + (j + 1));
            cols.add(rows.stream().mapToDouble(r -> r.se()[jj]).toArray());
            if (k <= 3) {
                header.add("quadrature_y" + (j + 1));
                cols.add(rows.stream().mapToDouble(r -> r.exact()[jj]).toArray());
            }
        }
        out.writeCsv("means.csv", header, cols);
    }

    private void writeDensity(OutputDir out, List<Map<String, Object>> density) {
        double[] t = density.stream().mapToDouble(d -> (Double) d.get("temperature")).toArray();
        double[] fine = density.stream().mapToDouble(d -> (Double) d.get("mass_h")).toArray();
        double[] coarse = density.stream().mapToDouble(d -> (Double) d.get("mass_2h")).toArray();
        out.writeCsv("density_integral.csv", List.of("temperature", "integral_h", "integral_2h"), List.of(t, fine, coarse));
    }

    private void plotMeans(OutputDir out, List<MeanRow> rows, boolean quadrature) {
        double[] t = rows.stream().mapToDouble(MeanRow::temperature).toArray();
        LineChart chart = LineChart.of("E[y_k] against the temperature: sample means (dots), quadrature (lines), pi_k (dashed)",
                "temperature (log scale)", "E[y_k]").logX(true).legend(LineChart.Corner.OUTSIDE_RIGHT).size(1100, 560);
        double lo = t[0];
        double hi = t[t.length - 1];
        for (double v : t) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (int j = 0; j < probs.length; j++) {
            int jj = j;
            chart.add("sample mean of y_" + (j + 1), t, rows.stream().mapToDouble(r -> r.mean()[jj]).toArray(),
                    LineChart.Style.DOTS, Palette.color(j));
            if (quadrature) {
                chart.add("E[y_" + (j + 1) + "] by quadrature", t,
                        rows.stream().mapToDouble(r -> r.exact()[jj]).toArray(), LineChart.Style.LINE, Palette.color(j));
            }
            chart.addHorizontal("pi_" + (j + 1) + " = " + Fmt.num(probs[j]), probs[j], lo, hi, Palette.color(j));
        }
        chart.save(out.path(), "means");
    }
}
