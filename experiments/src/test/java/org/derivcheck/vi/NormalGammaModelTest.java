package org.derivcheck.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The closed forms of the model (exact posterior, log evidence, ELBO) against numerical quadrature of
 * the defining integrals. The trapezoidal rule on a 12-standard-deviation box converges geometrically
 * for these analytic, fast-decaying integrands (observed agreement ~1e-13), so 1e-9 leaves room for
 * rounding over 3.6e5 terms while any error in a closed form (a dropped 1/2 log 2 pi is 0.92) is
 * caught by many orders of magnitude.
 */
class NormalGammaModelTest {
    private static NormalGammaModel model(int n, long seed) {
        double[] x = NormalData.sample(1.0, 0.5, n, Rng.of(seed));
        return NormalGammaModel.of(NormalGammaPrior.REPORT, NormalData.of(x));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100})
    void logEvidenceEqualsTheQuadratureOfTheJoint(int n) {
        NormalGammaModel m = model(n, 3);
        PosteriorBox box = PosteriorBox.around(m.posterior(), 12);
        double logZ = Trapezoid2D.logIntegral(m::logJoint, box.mu0(), box.mu1(), 601, box.tau0(), box.tau1(), 601);
        assertEquals(m.logEvidence(), logZ, 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100})
    void posteriorIsTheNormalizedJoint(int n) {
        // log p(mu, tau | x) = log p(x, mu, tau) - log p(x) at arbitrary points: checks muN, lambdaN, aN, bN.
        NormalGammaModel m = model(n, 5);
        NormalGamma post = m.posterior();
        Rng r = Rng.of(9);
        for (int i = 0; i < 50; i++) {
            double mu = post.mu() + 0.5 * r.nextGaussian();
            double tau = post.meanTau() * (0.2 + 2 * r.nextDouble());
            assertEquals(m.logJoint(mu, tau) - m.logEvidence(), post.logDensity(mu, tau), 1e-10);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void evidenceMinusElboIsKlByQuadrature(long seed) {
        // log p(x) - ELBO(q) = KL(q || p(. | x)) >= 0 for any q: the closed-form ELBO against the integral.
        NormalGammaModel m = model(100, 1);
        NormalGamma post = m.posterior();
        Rng r = Rng.of(seed);
        double a = 20 + 60 * r.nextDouble();
        MeanField fq = new MeanField(post.mu() + 0.2 * r.nextGaussian(), 30 + 60 * r.nextDouble(), a,
                a / (post.meanTau() * (0.7 + 0.6 * r.nextDouble())));
        // These q's are up to 1.4 times wider than the posterior and shifted: a 20-sd posterior box holds them.
        PosteriorBox box = PosteriorBox.around(post, 20);
        double kl = Trapezoid2D.integral(fq::logDensity, (mu, tau) -> fq.logDensity(mu, tau) - post.logDensity(mu, tau),
                box.mu0(), box.mu1(), 801, box.tau0(), box.tau1(), 801);
        double gap = m.logEvidence() - m.elbo(fq);
        assertTrue(gap > 0, "ELBO must lie below the log evidence");
        assertEquals(kl, gap, 1e-9 * Math.max(1, kl));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void elboEqualsItsMonteCarloEstimate(long seed) {
        // E_q[log p(x, mu, tau) - log q(mu, tau)] by 200000 draws of q: within 5 standard errors.
        NormalGammaModel m = model(100, 1);
        MeanField q = new MeanField(0.8, 40, 30, 60);
        Rng r = Rng.of(seed);
        int n = 200_000;
        double s = 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double mu = q.m() + r.nextGaussian() / Math.sqrt(q.lambda());
            double tau = r.nextGamma(q.a()) / q.b();
            double w = m.logJoint(mu, tau) - q.logDensity(mu, tau);
            s += w;
            ss += w * w;
        }
        double mean = s / n;
        double se = Math.sqrt((ss / n - mean * mean) / n);
        assertEquals(m.elbo(q), mean, 5 * se);
    }
}
