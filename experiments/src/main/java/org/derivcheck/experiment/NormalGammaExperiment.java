package org.derivcheck.experiment;

import java.util.List;
import java.util.Map;
import org.derivcheck.command.Experiment;
import org.derivcheck.plot.ContourChart;
import org.derivcheck.plot.Grid;
import org.derivcheck.plot.LineChart;
import org.derivcheck.plot.Palette;
import org.derivcheck.vi.Cavi;
import org.derivcheck.vi.CaviResult;
import org.derivcheck.vi.MeanField;
import org.derivcheck.vi.NormalGamma;
import org.derivcheck.vi.NormalData;
import org.derivcheck.vi.NormalGammaModel;
import org.derivcheck.vi.NormalGammaPrior;
import org.derivcheck.vi.PosteriorBox;
import org.derivcheck.vi.Rng;
import org.derivcheck.vi.Trapezoid2D;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code derivcheck run normal-gamma}: exact posterior, log evidence and CAVI for the report's model (Q 1.2.4). */
@Command(name = "normal-gamma", mixinStandardHelpOptions = true,
        description = "Normal-Gamma model of Question 1.2.4: data x_1..x_N ~ N(mean, 1/precision), prior mu | "
                + "tau ~ N(mu0, 1/(lambda0 tau)), tau ~ Gamma(a0, b0). Computes the exact posterior and the "
                + "log evidence (closed form, checked by quadrature), runs CAVI to convergence with the "
                + "ELBO in closed form after every update, and plots the exact posterior against the CAVI "
                + "q.")
public final class NormalGammaExperiment implements Experiment {
    static final String NAME = "normal-gamma";
    /** ELBO decreases above this (absolute) count as a violation; the ELBO's own rounding is ~1e-12. */
    static final double MONOTONE_SLACK = 1e-9;

    @Mixin
    ExperimentOptions common = new ExperimentOptions();

    @Spec
    CommandSpec spec;

    @Mixin
    NormalDataOptions data = new NormalDataOptions();

    @Option(names = "--mu0", defaultValue = "1.0", description = "Prior mean of mu (default: ${DEFAULT-VALUE}).")
    double mu0;

    @Option(names = "--lambda0", defaultValue = "0.1", description = "Prior precision scale (default: ${DEFAULT-VALUE}).")
    double lambda0;

    @Option(names = "--a0", defaultValue = "1.0", description = "Prior Gamma shape of tau (default: ${DEFAULT-VALUE}).")
    double a0;

    @Option(names = "--b0", defaultValue = "2.0", description = "Prior Gamma rate of tau (default: ${DEFAULT-VALUE}).")
    double b0;

    @Option(names = "--tolerance", defaultValue = "1e-13",
            description = "CAVI stops when a sweep changes no parameter by more than this, relative (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-sweeps", defaultValue = "1000", description = "CAVI sweep limit (default: ${DEFAULT-VALUE}).")
    int maxSweeps;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Normal-Gamma: exact posterior, log evidence, CAVI with monotone ELBO, contour plot (Q 1.2.4)";
    }

    @Override
    public Integer call() {
        Usage.positive(spec, "--tolerance", tolerance);
        Usage.atLeast(spec, "--max-sweeps", maxSweeps, 1);
        NormalGammaPrior prior = Usage.check(spec, () -> new NormalGammaPrior(mu0, lambda0, a0, b0));
        Rng rng = Rng.of(common.seed());
        double[] x = data.sample(spec, rng);
        NormalGammaModel model = NormalGammaModel.of(prior, NormalData.of(x));
        Result r = compute(model, tolerance, maxSweeps);

        OutputDir out = common.output(NAME);
        out.writeCsv("data.csv", List.of("x"), List.of(x));
        writeTrace(out, r.cavi());
        new FigureBatch().add(() -> plotGap(out, r)).add(() -> plotContours(out, model, r.cavi().last()))
                .render(common);
        out.writeResult(NAME, common.seed(), Fields.of("n", data.n, "data_mean", data.mean, "data_precision", data.precision,
                "prior", Fields.of("mu0", mu0, "lambda0", lambda0, "a0", a0, "b0", b0),
                "cavi_init", Fields.of(r.init()), "tolerance", tolerance, "max_sweeps", maxSweeps), r.summary());
        var pw = spec.commandLine().getOut();
        pw.printf("log evidence %.10f (quadrature %.10f); CAVI: %d sweeps, ELBO %.10f, KL(q||p) = %.3e; monotone: %s%n",
                r.logEvidence(), r.logEvidenceQuadrature(), r.cavi().sweeps(), r.cavi().finalElbo(),
                r.logEvidence() - r.cavi().finalElbo(), r.monotone());
        pw.println("wrote " + out.path());
        pw.flush();
        if (!r.monotone() || !r.elboBelowEvidence()) {
            spec.commandLine().getErr().println("normal-gamma: a check failed, see result.json");
            return 1;
        }
        return 0;
    }

    /** The numbers of one run. */
    record Result(NormalGamma posterior, double logEvidence, double logEvidenceQuadrature, MeanField init,
            CaviResult cavi, MeanField fixedPoint, double klQuadrature) {
        boolean monotone() {
            return cavi.largestDecrease() <= MONOTONE_SLACK;
        }

        boolean elboBelowEvidence() {
            return cavi.finalElbo() <= logEvidence;
        }

        Map<String, Object> summary() {
            MeanField q = cavi.last();
            double dev = Math.max(Math.max(rel(q.m(), fixedPoint.m()), rel(q.lambda(), fixedPoint.lambda())),
                    Math.max(rel(q.a(), fixedPoint.a()), rel(q.b(), fixedPoint.b())));
            return Fields.of("exact_posterior", Fields.of(posterior), "log_evidence", logEvidence,
                    "log_evidence_quadrature", logEvidenceQuadrature, "cavi_q", Fields.of(q),
                    "cavi_fixed_point_closed_form", Fields.of(fixedPoint),
                    "cavi_max_relative_deviation_from_closed_form", dev, "cavi_sweeps", cavi.sweeps(),
                    "cavi_converged", cavi.converged(), "elbo_initial", cavi.elbo()[0], "elbo_final", cavi.finalElbo(),
                    "elbo_largest_decrease", cavi.largestDecrease(), "elbo_monotone", monotone(),
                    "elbo_le_log_evidence", elboBelowEvidence(), "kl_q_posterior", logEvidence - cavi.finalElbo(),
                    "kl_q_posterior_quadrature", klQuadrature);
        }

        private static double rel(double a, double b) {
            return Math.abs(a - b) / Math.abs(b);
        }
    }

    /**
     * The numbers: exact posterior, log evidence (closed form and by quadrature on a 12-standard-deviation
     * box with 601 x 601 points), CAVI from a deliberately poor start, its closed-form fixed point, and
     * KL(q || posterior) by quadrature (which must equal log evidence - ELBO).
     */
    static Result compute(NormalGammaModel model, double tolerance, int maxSweeps) {
        NormalGamma post = model.posterior();
        PosteriorBox box = PosteriorBox.around(post, 12);
        double logZ = Trapezoid2D.logIntegral(model::logJoint, box.mu0(), box.mu1(), 601, box.tau0(), box.tau1(), 601);
        // Start far from the optimum (mu at 0, tau's mean at 1) so the trace shows CAVI's progress.
        MeanField init = new MeanField(0.0, 1.0, 1.0, 1.0);
        Cavi cavi = Cavi.of(model);
        CaviResult run = cavi.run(init, tolerance, maxSweeps);
        MeanField q = run.last();
        double logEv = model.logEvidence();
        double kl = Trapezoid2D.integral(q::logDensity,
                (mu, tau) -> q.logDensity(mu, tau) - post.logDensity(mu, tau),
                box.mu0(), box.mu1(), 601, box.tau0(), box.tau1(), 601);
        return new Result(post, logEv, logZ, init, run, cavi.fixedPoint(), kl);
    }

    private static void writeTrace(OutputDir out, CaviResult r) {
        int len = r.elbo().length;
        double[] step = new double[len];
        double[] sweep = new double[len];
        double[] m = new double[len];
        double[] l = new double[len];
        double[] a = new double[len];
        double[] b = new double[len];
        for (int i = 0; i < len; i++) {
            MeanField q = r.states().get(i);
            step[i] = i;
            sweep[i] = (i + 1) / 2;
            m[i] = q.m();
            l[i] = q.lambda();
            a[i] = q.a();
            b[i] = q.b();
        }
        out.writeCsv("cavi.csv", List.of("update", "sweep", "elbo", "m", "lambda", "a", "b"),
                List.of(step, sweep, r.elbo(), m, l, a, b));
    }

    private static void plotGap(OutputDir out, Result r) {
        double[] elbo = r.cavi().elbo();
        double best = r.cavi().finalElbo();
        double[] step = new double[elbo.length];
        double[] gap = new double[elbo.length];
        double[] toOptimum = new double[elbo.length];
        for (int i = 0; i < elbo.length; i++) {
            step[i] = i;
            gap[i] = r.logEvidence() - elbo[i];
            // Exactly 0 (converged to the last bit) cannot be drawn on a log axis: leave a gap.
            toOptimum[i] = best - elbo[i] > 0 ? best - elbo[i] : Double.NaN;
        }
        double kl = r.logEvidence() - best;
        LineChart.of("CAVI: distance of the ELBO to log p(x) and to its final value, after each factor update",
                        "update (0: start; odd: q(mu) updated; even: q(tau) updated)", "nats (log scale)")
                .logY(true)
                .add("log p(x) - ELBO  (= KL(q || posterior))", step, gap, LineChart.Style.LINE_DOTS, Palette.color(0))
                .add("final ELBO - ELBO", step, toOptimum, LineChart.Style.LINE_DOTS, Palette.color(2))
                .addHorizontal(String.format("KL(q* || posterior) = %.4g", kl), kl, 0, step.length - 1, Palette.color(1))
                .save(out.path(), "cavi_elbo");
    }

    private static void plotContours(OutputDir out, NormalGammaModel model, MeanField q) {
        NormalGamma post = model.posterior();
        PosteriorBox box = PosteriorBox.around(post, 4);
        double muHalf = 0.5 * (box.mu1() - box.mu0()) / 1.5;
        Grid exact = Grid.evaluate((mu, tau) -> Math.exp(post.logDensity(mu, tau)),
                post.mu() - muHalf, post.mu() + muHalf, 241, box.tau0(), box.tau1(), 241);
        Grid approx = Grid.evaluate((mu, tau) -> Math.exp(q.logDensity(mu, tau)),
                post.mu() - muHalf, post.mu() + muHalf, 241, box.tau0(), box.tau1(), 241);
        // Levels at exp(-k^2/2) of the exact density's peak, k = 1, 2, 3: a Gaussian's 1, 2, 3 sigma ellipses.
        double peak = exact.max();
        double[] levels = {peak * Math.exp(-0.5), peak * Math.exp(-2), peak * Math.exp(-4.5)};
        ContourChart.of("Exact posterior p(mu, tau | x) vs CAVI q(mu) q(tau): contours at exp(-k^2/2) of the peak, k = 1, 2, 3",
                        "mu", "tau")
                .add("exact posterior (Normal-Gamma)", exact, levels, Palette.color(0), false)
                .add("CAVI q (mean field)", approx, levels, Palette.color(1), true)
                .mark("E[mu], E[tau] (same for both)", post.meanMu(), post.meanTau(), Palette.color(6))
                .save(out.path(), "posterior_contours");
    }
}
