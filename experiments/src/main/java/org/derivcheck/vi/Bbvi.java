package org.derivcheck.vi;

/**
 * Black-box variational inference (Ranganath, Gerrish and Blei 2014, Algorithm 1) for the Normal-Gamma
 * model, stochastic gradient ascent on theta = (m, log lambda, log a, log b).
 *
 * <p>Validity by construction: lambda, a and b are exponentials of the optimized coordinates, so they
 * are positive; every coordinate is also projected onto a box ({@link #LOG_BOUND} for the logs,
 * {@link #M_BOUND} for m) that holds every sensible optimum of this model with many orders of magnitude
 * to spare and only keeps a diverging run (a too large step) finite.
 */
public final class Bbvi {
    /** |log lambda|, |log a|, |log b| &lt;= 20: parameters in [2e-9, 4.9e8]. */
    public static final double LOG_BOUND = 20;
    /** |m| &lt;= 10^6. */
    public static final double M_BOUND = 1e6;
    private static final int REPORT_EVERY = 1024;

    private final NormalGammaModel model;

    private Bbvi(NormalGammaModel model) {
        this.model = model;
    }

    public static Bbvi of(NormalGammaModel model) {
        return new Bbvi(model);
    }

    /** Runs BBVI with {@code config}, drawing from {@code rng}. */
    public BbviTrace run(BbviConfig config, Rng rng, ProgressListener progress) {
        int iterations = config.iterations();
        int every = config.traceEvery();
        int records = 1 + iterations / every + (iterations % every == 0 ? 0 : 1);
        int[] it = new int[records];
        double[] elbo = new double[records];
        double[] mm = new double[records];
        double[] ll = new double[records];
        double[] aa = new double[records];
        double[] bb = new double[records];

        MeanField init = config.init();
        double[] theta = {init.m(), Math.log(init.lambda()), Math.log(init.a()), Math.log(init.b())};
        project(theta);
        double[] grad = new double[ScoreGradient.DIM];
        double[] g2 = new double[ScoreGradient.DIM];
        ScoreGradient estimator = ScoreGradient.of(model, config.samples());
        Estimator kind = config.estimator();
        StepRule rule = config.step();
        boolean adagrad = rule instanceof StepRule.AdaGrad;
        double eta = adagrad ? ((StepRule.AdaGrad) rule).eta() : 0;
        double offset = adagrad ? 0 : ((StepRule.RobbinsMonro) rule).offset();

        int r = 0;
        record(r++, 0, theta, it, elbo, mm, ll, aa, bb);
        for (int t = 1; t <= iterations; t++) {
            estimator.estimate(theta[0], theta[1], theta[2], theta[3], kind, rng, grad);
            if (adagrad) {
                for (int j = 0; j < ScoreGradient.DIM; j++) {
                    double g = grad[j];
                    if (Double.isFinite(g)) {
                        g2[j] += g * g;
                        theta[j] += eta * g / Math.sqrt(g2[j] + 1e-8);
                    }
                }
            } else {
                double rho = 1 / (offset + t);
                for (int j = 0; j < ScoreGradient.DIM; j++) {
                    if (Double.isFinite(grad[j])) {
                        theta[j] += rho * grad[j];
                    }
                }
            }
            project(theta);
            if (t % every == 0 || t == iterations) {
                record(r++, t, theta, it, elbo, mm, ll, aa, bb);
            }
            if (t % REPORT_EVERY == 0) {
                progress.advance(REPORT_EVERY);
            }
        }
        progress.advance(iterations % REPORT_EVERY);
        MeanField last = new MeanField(theta[0], Math.exp(theta[1]), Math.exp(theta[2]), Math.exp(theta[3]));
        return new BbviTrace(config, it, elbo, mm, ll, aa, bb, last);
    }

    private void record(int r, int t, double[] theta, int[] it, double[] elbo, double[] mm, double[] ll,
            double[] aa, double[] bb) {
        it[r] = t;
        mm[r] = theta[0];
        ll[r] = Math.exp(theta[1]);
        aa[r] = Math.exp(theta[2]);
        bb[r] = Math.exp(theta[3]);
        elbo[r] = model.elbo(mm[r], ll[r], aa[r], bb[r]);
    }

    /** Projects theta onto the box; the only guard against overflow in a diverging run. */
    static void project(double[] theta) {
        theta[0] = clamp(theta[0], M_BOUND);
        for (int j = 1; j < theta.length; j++) {
            theta[j] = clamp(theta[j], LOG_BOUND);
        }
    }

    private static double clamp(double v, double bound) {
        return Math.max(-bound, Math.min(bound, v));
    }
}
