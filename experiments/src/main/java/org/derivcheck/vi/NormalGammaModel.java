package org.derivcheck.vi;

import org.derivcheck.special.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The report's model (Question 1.2.4): {@code x_i | mu, tau ~ N(mu, 1/tau)} with the Normal-Gamma
 * prior. Gives the log joint, the exact (conjugate) posterior, the log evidence, and the ELBO of a
 * mean-field q in closed form.
 */
public final class NormalGammaModel {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final NormalGammaPrior prior;
    private final NormalData data;

    private NormalGammaModel(NormalGammaPrior prior, NormalData data) {
        this.prior = prior;
        this.data = data;
    }

    public static NormalGammaModel of(NormalGammaPrior prior, NormalData data) {
        return new NormalGammaModel(prior, data);
    }

    public NormalGammaPrior prior() {
        return prior;
    }

    public NormalData data() {
        return data;
    }

    /** log p(x_1..x_N | mu, tau), eq. (11) of the report. */
    public double logLikelihood(double mu, double tau) {
        int n = data.n();
        return 0.5 * n * (Math.log(tau) - LOG_2PI) - 0.5 * tau * data.squaredDistanceTo(mu);
    }

    /** log p(mu, tau), eq. (12) of the report. */
    public double logPrior(double mu, double tau) {
        double d = mu - prior.mu0();
        double logTau = Math.log(tau);
        return 0.5 * (Math.log(prior.lambda0()) + logTau - LOG_2PI) - 0.5 * prior.lambda0() * tau * d * d
                + prior.a0() * Math.log(prior.b0()) - LogGamma.value(prior.a0()) + (prior.a0() - 1) * logTau
                - prior.b0() * tau;
    }

    /** log p(x, mu, tau). */
    public double logJoint(double mu, double tau) {
        return logLikelihood(mu, tau) + logPrior(mu, tau);
    }

    /** The exact posterior p(mu, tau | x), Normal-Gamma by conjugacy. */
    public NormalGamma posterior() {
        int n = data.n();
        double l0 = prior.lambda0();
        double xbar = data.mean();
        double lambdaN = l0 + n;
        double muN = (l0 * prior.mu0() + data.sum()) / lambdaN;
        double aN = prior.a0() + 0.5 * n;
        double d = xbar - prior.mu0();
        double bN = prior.b0() + 0.5 * (data.scatter() + l0 * n * d * d / lambdaN);
        return new NormalGamma(muN, lambdaN, aN, bN);
    }

    /** log p(x) = log Gamma(aN) - log Gamma(a0) + a0 log b0 - aN log bN + 1/2 log(lambda0/lambdaN) - N/2 log 2 pi. */
    public double logEvidence() {
        NormalGamma p = posterior();
        return LogGamma.value(p.a()) - LogGamma.value(prior.a0()) + prior.a0() * Math.log(prior.b0())
                - p.a() * Math.log(p.b()) + 0.5 * Math.log(prior.lambda0() / p.lambda()) - 0.5 * data.n() * LOG_2PI;
    }

    /**
     * The ELBO E_q[log p(x, mu, tau)] + H[q] in closed form, with E[tau] = a/b,
     * E[log tau] = psi(a) - log b and E[(mu - c)^2] = (m - c)^2 + 1/lambda.
     */
    public double elbo(MeanField q) {
        return elbo(q.m(), q.lambda(), q.a(), q.b());
    }

    /** {@link #elbo(MeanField)} on primitives, for the optimizers' traces. */
    public double elbo(double m, double lambda, double a, double b) {
        int n = data.n();
        double eTau = a / b;
        double psiA = Digamma.digamma(a);
        double logB = Math.log(b);
        double eLogTau = psiA - logB;
        double invLambda = 1 / lambda;
        double dm = m - prior.mu0();
        double likelihood = 0.5 * n * (eLogTau - LOG_2PI) - 0.5 * eTau * (data.squaredDistanceTo(m) + n * invLambda);
        double muPrior = 0.5 * (Math.log(prior.lambda0()) + eLogTau - LOG_2PI)
                - 0.5 * prior.lambda0() * eTau * (dm * dm + invLambda);
        double tauPrior = prior.a0() * Math.log(prior.b0()) - LogGamma.value(prior.a0())
                + (prior.a0() - 1) * eLogTau - prior.b0() * eTau;
        double entropy = 0.5 * (1 + LOG_2PI - Math.log(lambda)) + a - logB + LogGamma.value(a) + (1 - a) * psiA;
        return likelihood + muPrior + tauPrior + entropy;
    }
}
