package org.derivcheck.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.derivcheck.command.Experiment;
import org.derivcheck.plot.LineChart;
import org.derivcheck.plot.Palette;
import org.derivcheck.vi.GammaData;
import org.derivcheck.vi.GammaDescent;
import org.derivcheck.vi.GammaFit;
import org.derivcheck.vi.GammaMle;
import org.derivcheck.vi.GammaNll;
import org.derivcheck.vi.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code derivcheck run natgrad}: gradient descent vs natural gradient on the Gamma NLL (Q 2.2.16-2.2.19). */
@Command(name = "natgrad", mixinStandardHelpOptions = true,
        description = "Fits Gamma(alpha, beta) to N draws from Gamma(3, 2) (Question 2.2.18) by full-batch "
                + "gradient descent and by natural-gradient descent with the Fisher matrix of Question "
                + "2.2.16, from (0.5, 8), against the maximum-likelihood estimate by Newton's method (to "
                + "1e-12). A step that would take alpha or beta below half its value is shortened (both "
                + "methods). Default steps: natural gradient 1 (Newton's step; F is the NLL's Hessian "
                + "here), gradient descent 2/(l_min + l_max) of that Hessian at the MLE (the best fixed "
                + "step for its local quadratic). A sweep over step sizes shows both choices in context.")
public final class NatGradExperiment implements Experiment {
    static final String NAME = "natgrad";

    @Mixin
    ExperimentOptions common = new ExperimentOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--alpha", defaultValue = "3.0", description = "True shape of the data (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--beta", defaultValue = "2.0", description = "True rate of the data (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--n", defaultValue = "1000", description = "Number of data points (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--start", defaultValue = "0.5,8", split = ",",
            description = "Starting alpha,beta (default: ${DEFAULT-VALUE}).")
    double[] start;

    @Option(names = "--epochs", defaultValue = "150", description = "Full-batch steps (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--gd-step", description = "Gradient-descent step (default: 2/(l_min + l_max) of the Hessian at the MLE).")
    Double gdStep;

    @Option(names = "--ng-step", defaultValue = "1.0", description = "Natural-gradient step (default: ${DEFAULT-VALUE}).")
    double ngStep;

    @Option(names = "--sweep", defaultValue = "0.001,0.003,0.01,0.03,0.1,0.2,0.5,1,1.5,2,3,5", split = ",",
            description = "Step sizes of the sweep, for both methods (default: ${DEFAULT-VALUE}).")
    List<Double> sweep;

    @Option(names = "--target", defaultValue = "1e-8",
            description = "NLL gap to the MLE that counts as 'reached' (default: ${DEFAULT-VALUE}).")
    double target;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Gamma fit: gradient descent vs natural gradient (Fisher), Newton MLE, step sweep (Q 2.2.16-2.2.19)";
    }

    @Override
    public Integer call() {
        if (start.length != 2 || !(start[0] > 0) || !(start[1] > 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--start needs two positive numbers alpha,beta");
        }
        Usage.positive(spec, "--alpha", alpha);
        Usage.positive(spec, "--beta", beta);
        Usage.atLeast(spec, "--n", n, 2);
        Usage.atLeast(spec, "--epochs", epochs, 0);
        Usage.positive(spec, "--ng-step", ngStep);
        Usage.positive(spec, "--target", target);
        if (gdStep != null) {
            Usage.positive(spec, "--gd-step", gdStep);
        }
        for (double s : sweep) {
            Usage.positive(spec, "--sweep", s);
        }
        double[] x = GammaData.sample(alpha, beta, n, Rng.of(common.seed()));
        GammaData data = GammaData.of(x);
        GammaNll nll = GammaNll.of(data);
        GammaFit mle = GammaMle.newton(data, 1e-12);
        double[] ev = GammaDescent.hessianEigenvalues(mle.alpha(), mle.beta());
        double gd = gdStep != null ? gdStep : GammaDescent.quadraticOptimalStep(mle.alpha(), mle.beta());
        GammaDescent.Trace gdTrace = GammaDescent.run(nll, GammaDescent.Method.GRADIENT, gd, start[0], start[1], epochs);
        GammaDescent.Trace ngTrace = GammaDescent.run(nll, GammaDescent.Method.NATURAL, ngStep, start[0], start[1], epochs);

        TreeSet<Double> steps = new TreeSet<>(sweep);
        steps.add(gd);
        steps.add(ngStep);
        List<GammaDescent.Trace> gdSweep = new ArrayList<>();
        List<GammaDescent.Trace> ngSweep = new ArrayList<>();
        for (double eta : steps) {
            gdSweep.add(GammaDescent.run(nll, GammaDescent.Method.GRADIENT, eta, start[0], start[1], epochs));
            ngSweep.add(GammaDescent.run(nll, GammaDescent.Method.NATURAL, eta, start[0], start[1], epochs));
        }

        OutputDir out = common.output(NAME);
        out.writeCsv("data.csv", List.of("x"), List.of(x));
        double[] epoch = new double[epochs + 1];
        for (int i = 0; i <= epochs; i++) {
            epoch[i] = i;
        }
        out.writeCsv("trace.csv", List.of("epoch", "gd_alpha", "gd_beta", "gd_nll", "ng_alpha", "ng_beta", "ng_nll"),
                List.of(epoch, gdTrace.alpha(), gdTrace.beta(), gdTrace.nll(), ngTrace.alpha(), ngTrace.beta(),
                        ngTrace.nll()));
        writeSweep(out, steps, gdSweep, ngSweep, mle);
        new FigureBatch()
                .add(() -> plotParams(out, "gd_params", "Gradient descent (step " + Fmt.num(gd)
                        + "): alpha and beta over epochs", epoch, gdTrace, mle))
                .add(() -> plotParams(out, "natgrad_params", "Natural gradient descent (step " + Fmt.num(ngStep)
                        + "): alpha and beta over epochs", epoch, ngTrace, mle))
                .add(() -> plotNll(out, epoch, gdTrace, ngTrace, mle, gd))
                .add(() -> plotSweep(out, steps, gdSweep, ngSweep, mle, gd))
                .render(common);

        Map<String, Object> results = Fields.of(
                "mle_newton", Fields.of("alpha", mle.alpha(), "beta", mle.beta(), "nll", mle.nll(),
                        "newton_iterations", mle.iterations()),
                "mle_minus_truth", Fields.of("alpha", mle.alpha() - alpha, "beta", mle.beta() - beta),
                "hessian_eigenvalues_at_mle", List.of(ev[0], ev[1]),
                "gd_step", gd, "gd_step_rule", gdStep != null ? "given" : "2/(l_min + l_max) of the Hessian at the MLE",
                "gd_contraction_per_epoch_near_mle", (ev[1] - ev[0]) / (ev[1] + ev[0]),
                "ng_step", ngStep,
                "gradient_descent", traceSummary(gdTrace, mle), "natural_gradient", traceSummary(ngTrace, mle),
                "sweep", sweepSummary(steps, gdSweep, ngSweep, mle));
        out.writeResult(NAME, common.seed(), Fields.of("alpha", alpha, "beta", beta, "n", n,
                "start", List.of(start[0], start[1]), "epochs", epochs, "gd_step", gd, "ng_step", ngStep,
                "sweep", new ArrayList<>(steps), "target_gap", target,
                "positivity", "a step that would take alpha or beta below " + GammaDescent.KEEP
                        + " times its value is shortened to land there"), results);

        var pw = spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "MLE (Newton, %d iterations): alpha = %.8f, beta = %.8f, NLL = %.12f (truth 3, 2)%n",
                mle.iterations(), mle.alpha(), mle.beta(), mle.nll());
        for (GammaDescent.Trace t : List.of(gdTrace, ngTrace)) {
            pw.printf(Locale.ROOT, "%-25s step %-8s after %d epochs: alpha = %.6f, beta = %.6f, NLL gap = %.3g; "
                            + "gap <= %s first at epoch %s%n",
                    t.method().label(), Fmt.num(t.eta()), epochs, t.finalAlpha(), t.finalBeta(), t.finalNll() - mle.nll(),
                    Fmt.num(target), reached(t, mle));
        }
        pw.println("wrote " + out.path());
        pw.flush();
        return 0;
    }

    private String reached(GammaDescent.Trace t, GammaFit mle) {
        int e = t.epochsToReach(mle.nll(), target);
        return e < 0 ? "never" : Integer.toString(e);
    }

    private Map<String, Object> traceSummary(GammaDescent.Trace t, GammaFit mle) {
        int e = t.epochsToReach(mle.nll(), target);
        return Fields.of("step", t.eta(), "final_alpha", t.finalAlpha(), "final_beta", t.finalBeta(),
                "final_nll_gap", t.finalNll() - mle.nll(), "epochs_to_target_gap", e < 0 ? "never" : e,
                "shortened_steps", t.shortened());
    }

    private List<Object> sweepSummary(TreeSet<Double> steps, List<GammaDescent.Trace> gd, List<GammaDescent.Trace> ng,
            GammaFit mle) {
        List<Object> rows = new ArrayList<>();
        int i = 0;
        for (double eta : steps) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", eta);
            row.put("gd", traceSummary(gd.get(i), mle));
            row.put("natgrad", traceSummary(ng.get(i), mle));
            rows.add(row);
            i++;
        }
        return rows;
    }

    private void writeSweep(OutputDir out, TreeSet<Double> steps, List<GammaDescent.Trace> gd,
            List<GammaDescent.Trace> ng, GammaFit mle) {
        int k = steps.size();
        double[] eta = new double[k];
        double[][] c = new double[6][k];
        int i = 0;
        for (double s : steps) {
            eta[i] = s;
            c[0][i] = gd.get(i).finalNll() - mle.nll();
            c[1][i] = gd.get(i).epochsToReach(mle.nll(), target);
            c[2][i] = gd.get(i).shortened();
            c[3][i] = ng.get(i).finalNll() - mle.nll();
            c[4][i] = ng.get(i).epochsToReach(mle.nll(), target);
            c[5][i] = ng.get(i).shortened();
            i++;
        }
        out.writeCsv("sweep.csv", List.of("step", "gd_final_gap", "gd_epochs_to_target", "gd_shortened",
                "ng_final_gap", "ng_epochs_to_target", "ng_shortened"), List.of(eta, c[0], c[1], c[2], c[3], c[4], c[5]));
    }

    private void plotParams(OutputDir out, String base, String title, double[] epoch, GammaDescent.Trace t, GammaFit mle) {
        LineChart.of(title, "epoch", "estimate")
                .add("alpha", epoch, t.alpha(), LineChart.Style.LINE, Palette.color(0))
                .add("beta", epoch, t.beta(), LineChart.Style.LINE, Palette.color(1))
                .addHorizontal(String.format(Locale.ROOT, "MLE alpha = %.4f", mle.alpha()), mle.alpha(), 0, epochs,
                        Palette.color(0))
                .addHorizontal(String.format(Locale.ROOT, "MLE beta = %.4f", mle.beta()), mle.beta(), 0, epochs,
                        Palette.color(1))
                .addHorizontal("true alpha = " + Fmt.num(alpha), alpha, 0, epochs, Palette.color(5))
                .addHorizontal("true beta = " + Fmt.num(beta), beta, 0, epochs, Palette.color(4))
                .save(out.path(), base);
    }

    private void plotNll(OutputDir out, double[] epoch, GammaDescent.Trace gd, GammaDescent.Trace ng, GammaFit mle,
            double gdStepUsed) {
        LineChart.of("Mean NLL minus the NLL at the MLE (values at rounding level are not drawn)", "epoch",
                        "NLL - NLL(MLE) (log scale)")
                .logY(true)
                .add("gradient descent, step " + Fmt.num(gdStepUsed), epoch, gap(gd, mle), LineChart.Style.LINE,
                        Palette.color(0))
                .add("natural gradient, step " + Fmt.num(ngStep), epoch, gap(ng, mle), LineChart.Style.LINE_DOTS,
                        Palette.color(1))
                .save(out.path(), "nll");
    }

    /** NLL - NLL(MLE), with values at rounding level (below 1e-14 of the NLL) left out of a log plot. */
    private static double[] gap(GammaDescent.Trace t, GammaFit mle) {
        double[] g = new double[t.nll().length];
        double floor = 1e-14 * Math.max(1, Math.abs(mle.nll()));
        for (int i = 0; i < g.length; i++) {
            double v = t.nll()[i] - mle.nll();
            g[i] = v > floor ? v : Double.NaN;
        }
        return g;
    }

    private void plotSweep(OutputDir out, TreeSet<Double> steps, List<GammaDescent.Trace> gd,
            List<GammaDescent.Trace> ng, GammaFit mle, double gdUsed) {
        int k = steps.size();
        double[] eta = new double[k];
        double[] gdGap = new double[k];
        double[] ngGap = new double[k];
        double floor = 1e-15;
        int i = 0;
        for (double s : steps) {
            eta[i] = s;
            gdGap[i] = Math.max(floor, gd.get(i).finalNll() - mle.nll());
            ngGap[i] = Math.max(floor, ng.get(i).finalNll() - mle.nll());
            i++;
        }
        int gdAt = new ArrayList<>(steps).indexOf(gdUsed);
        int ngAt = new ArrayList<>(steps).indexOf(ngStep);
        LineChart.of("Step-size sweep: NLL gap after " + epochs + " epochs (1e-15 = at the MLE to rounding)",
                        "step size (log scale)", "NLL - NLL(MLE) (log scale)")
                .logX(true).logY(true).legend(LineChart.Corner.LOWER_LEFT)
                .add("gradient descent", eta, gdGap, LineChart.Style.LINE_DOTS, Palette.color(0))
                .add("natural gradient", eta, ngGap, LineChart.Style.LINE_DOTS, Palette.color(1))
                .add("chosen gradient-descent step " + Fmt.num(gdUsed), new double[] {gdUsed},
                        new double[] {gdGap[gdAt]}, LineChart.Style.DOTS, Palette.color(6))
                .add("chosen natural-gradient step " + Fmt.num(ngStep), new double[] {ngStep},
                        new double[] {ngGap[ngAt]}, LineChart.Style.DOTS, Palette.color(3))
                .save(out.path(), "sweep");
    }
}
