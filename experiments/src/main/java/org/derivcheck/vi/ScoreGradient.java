package org.derivcheck.vi;

import org.derivcheck.special.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Monte Carlo estimates of the ELBO's gradient for the Normal-Gamma model by the score function, with
 * respect to the unconstrained parameters theta = (m, log lambda, log a, log b) of {@link MeanField}.
 *
 * <p>The scores are those of the report's eq. (14) times the chain-rule factors lambda, a, b:
 * h = (lambda (mu - m), (1 - lambda (mu - m)^2)/2, a (log b - psi(a) + log tau), a - b tau).
 * (The report's eq. (14) has psi(a) - log b for the a-component, a sign slip; d log q / da =
 * log b - psi(a) + log tau.)
 *
 * <p>One instance holds preallocated buffers for {@code samples} draws: no allocation per sample or
 * per call. Not thread-safe.
 */
public final class ScoreGradient {
    /** Number of unconstrained parameters: m, log lambda, log a, log b. */
    public static final int DIM = 4;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int samples;
    private final int n;
    private final double sum;
    private final double sumSquares;
    private final double mu0;
    private final double lambda0;
    private final double b0;
    /** Coefficient of log tau in log p(x, mu, tau): N/2 + 1/2 + a0 - 1. */
    private final double logTauCoef;
    /** The constant of log p(x | mu, tau) + log p(mu | tau). */
    private final double muBlanketConst;
    /** The constant of log p(tau) minus its (a0 - 1) log tau - b0 tau terms. */
    private final double tauPriorConst;
    private final double a0;
    private final double[] h0;
    private final double[] h1;
    private final double[] h2;
    private final double[] h3;
    private final double[] wMu;
    private final double[] wTau;

    private ScoreGradient(NormalGammaModel model, int samples) {
        this.samples = Checks.atLeast("samples", samples, 2);
        NormalData d = model.data();
        NormalGammaPrior p = model.prior();
        n = d.n();
        sum = d.sum();
        sumSquares = d.sumSquares();
        mu0 = p.mu0();
        lambda0 = p.lambda0();
        a0 = p.a0();
        b0 = p.b0();
        logTauCoef = 0.5 * n + 0.5;
        muBlanketConst = -0.5 * n * LOG_2PI + 0.5 * (Math.log(lambda0) - LOG_2PI);
        tauPriorConst = a0 * Math.log(b0) - LogGamma.value(a0);
        h0 = new double[samples];
        h1 = new double[samples];
        h2 = new double[samples];
        h3 = new double[samples];
        wMu = new double[samples];
        wTau = new double[samples];
    }

    /** An estimator for {@code model} drawing {@code samples} (at least 2) samples per estimate. */
    public static ScoreGradient of(NormalGammaModel model, int samples) {
        return new ScoreGradient(model, samples);
    }

    public int samples() {
        return samples;
    }

    /**
     * Writes an estimate of dELBO/dtheta at theta = (m, log lambda, log a, log b) into {@code grad}
     * (length 4).
     */
    public void estimate(double m, double logLambda, double logA, double logB, Estimator estimator, Rng rng,
            double[] grad) {
        final double lambda = Math.exp(logLambda);
        final double sqrtLambda = Math.exp(0.5 * logLambda);
        final double sd = 1 / sqrtLambda;
        final double a = Math.exp(logA);
        final double b = Math.exp(logB);
        final double psiA = Digamma.digamma(a);
        final double logQMuConst = 0.5 * (logLambda - LOG_2PI);
        final double logQTauConst = a * logB - LogGamma.value(a);
        final double scoreAConst = a * (logB - psiA);
        // for a < 1 draw Gamma(a + 1) and boost it in log space (Gamma(a) = Gamma(a + 1) U^(1/a)), so that
        // log tau stays finite even when tau underflows.
        final boolean boost = a < 1;
        final ContinuousSampler gamma = rng.gamma(boost ? a + 1 : a);
        final double invA = 1 / a;
        final double invB = 1 / b;
        final boolean rb = estimator.raoBlackwell();
        for (int s = 0; s < samples; s++) {
            double z = rng.nextGaussian();
            double mu = m + sd * z;
            double tau;
            double logTau;
            if (boost) {
                logTau = Math.log(gamma.sample()) + Math.log(rng.nextOpenDouble()) * invA - logB;
                tau = Math.exp(logTau);
            } else {
                tau = gamma.sample() * invB;
                logTau = Math.log(tau);
            }
            double dmu = mu - mu0;
            // log p(x | mu, tau) + log p(mu | tau)
            double muBlanket = muBlanketConst + logTauCoef * logTau
                    - 0.5 * tau * (sumSquares - 2 * mu * sum + n * mu * mu + lambda0 * dmu * dmu);
            double tauPrior = tauPriorConst + (a0 - 1) * logTau - b0 * tau;
            double logQMu = logQMuConst - 0.5 * z * z;
            double logQTau = logQTauConst + (a - 1) * logTau - b * tau;
            h0[s] = sqrtLambda * z;
            h1[s] = 0.5 * (1 - z * z);
            h2[s] = scoreAConst + a * logTau;
            h3[s] = a - b * tau;
            if (rb) {
                wMu[s] = muBlanket - logQMu;
                wTau[s] = muBlanket + tauPrior - logQTau;
            } else {
                double w = muBlanket + tauPrior - logQMu - logQTau;
                wMu[s] = w;
                wTau[s] = w;
            }
        }
        if (estimator.controlVariates()) {
            grad[0] = controlled(h0, wMu);
            grad[1] = controlled(h1, wMu);
            grad[2] = controlled(h2, wTau);
            grad[3] = controlled(h3, wTau);
        } else {
            grad[0] = plain(h0, wMu);
            grad[1] = plain(h1, wMu);
            grad[2] = plain(h2, wTau);
            grad[3] = plain(h3, wTau);
        }
    }

    /** {@link #estimate(double, double, double, double, Estimator, Rng, double[])} at q. */
    public void estimate(MeanField q, Estimator estimator, Rng rng, double[] grad) {
        estimate(q.m(), Math.log(q.lambda()), Math.log(q.a()), Math.log(q.b()), estimator, rng, grad);
    }

    private double plain(double[] h, double[] w) {
        double acc = 0;
        for (int s = 0; s < samples; s++) {
            acc += h[s] * w[s];
        }
        return acc / samples;
    }

    /**
     * mean(f) - a* mean(h) with f = h w and a* = Cov(f, h)/Var(h), both from the same samples; the
     * centred two-pass sums keep the cancellation harmless although w is of order -10^2.
     */
    private double controlled(double[] h, double[] w) {
        double sumF = 0;
        double sumH = 0;
        for (int s = 0; s < samples; s++) {
            sumF += h[s] * w[s];
            sumH += h[s];
        }
        double meanF = sumF / samples;
        double meanH = sumH / samples;
        double cov = 0;
        double var = 0;
        for (int s = 0; s < samples; s++) {
            double dh = h[s] - meanH;
            cov += (h[s] * w[s] - meanF) * dh;
            var += dh * dh;
        }
        double aStar = var > 0 ? cov / var : 0;
        return meanF - aStar * meanH;
    }
}
