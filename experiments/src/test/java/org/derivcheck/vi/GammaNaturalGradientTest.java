package org.derivcheck.vi;

import org.derivcheck.special.Digamma;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.apache.commons.numbers.gamma.Trigamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Gamma NLL, its gradient and Fisher matrix (Questions 2.2.16-2.2.17), Newton's MLE, and gradient
 * vs natural-gradient descent (Question 2.2.18) over 25 data seeds.
 */
class GammaNaturalGradientTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 25);
    }

    private static GammaData data(long seed) {
        return GammaData.of(GammaData.sample(3, 2, 1000, Rng.of(seed)));
    }

    @Test
    void gradientAndFisherAreTheDerivativesOfTheNll() {
        // Central differences with h = 1e-5: truncation ~ h^2 * third derivative ~ 1e-9.
        GammaNll nll = GammaNll.of(data(1));
        double h = 1e-5;
        double[] g = new double[2];
        for (double[] p : new double[][] {{0.5, 8}, {3, 2}, {20, 0.3}}) {
            double a = p[0];
            double b = p[1];
            nll.gradient(a, b, g);
            assertEquals((nll.value(a + h, b) - nll.value(a - h, b)) / (2 * h), g[0], 1e-8 * Math.max(1, Math.abs(g[0])));
            assertEquals((nll.value(a, b + h) - nll.value(a, b - h)) / (2 * h), g[1], 1e-8 * Math.max(1, Math.abs(g[1])));
            // F = Hessian of the mean NLL: solveFisher(F e_j-th column) must give e_j back.
            double[] gp = new double[2];
            double[] gm = new double[2];
            double[] col = new double[2];
            double[] back = new double[2];
            nll.gradient(a + h, b, gp);
            nll.gradient(a - h, b, gm);
            col[0] = (gp[0] - gm[0]) / (2 * h);
            col[1] = (gp[1] - gm[1]) / (2 * h);
            GammaNll.solveFisher(a, b, col[0], col[1], back);
            assertEquals(1, back[0], 1e-6);
            assertEquals(0, back[1], 1e-6);
        }
    }

    @Test
    void fisherMatrixIsTheCovarianceOfTheScore() {
        // F = E[s s^T], s = (log beta - psi(alpha) + log x, alpha/beta - x), x ~ Gamma(3, 2): 400000 draws, 5 s.e.
        double alpha = 3;
        double beta = 2;
        Rng r = Rng.of(21);
        int n = 400_000;
        double[] acc = new double[3];
        double[] acc2 = new double[3];
        for (int i = 0; i < n; i++) {
            double x = r.nextGamma(alpha) / beta;
            double s0 = Math.log(beta) - Digamma.digamma(alpha) + Math.log(x);
            double s1 = alpha / beta - x;
            double[] prod = {s0 * s0, s0 * s1, s1 * s1};
            for (int k = 0; k < 3; k++) {
                acc[k] += prod[k];
                acc2[k] += prod[k] * prod[k];
            }
        }
        double[] fisher = {Trigamma.value(alpha), -1 / beta, alpha / (beta * beta)};
        for (int k = 0; k < 3; k++) {
            double mean = acc[k] / n;
            double se = Math.sqrt((acc2[k] / n - mean * mean) / n);
            assertEquals(fisher[k], mean, 5 * se, "Fisher entry " + k);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void newtonSolvesTheLikelihoodEquations(long seed) {
        GammaData d = data(seed);
        GammaFit fit = GammaMle.newton(d, 1e-14);
        double[] g = new double[2];
        GammaNll.of(d).gradient(fit.alpha(), fit.beta(), g);
        // At the MLE both score equations vanish; rounding of psi and log at alpha ~ 3 is ~1e-15.
        assertEquals(0, g[0], 1e-12);
        assertEquals(0, g[1], 1e-12);
        // The sampling error of alpha-hat at N = 1000 is about 0.13 (Fisher bound): the MLE is near (3, 2).
        assertEquals(3, fit.alpha(), 5 * 0.13);
        assertTrue(fit.iterations() <= 10, "Newton converges quadratically from Minka's start");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void naturalGradientReachesTheNewtonMleAndBeatsGradientDescent(long seed) {
        GammaData d = data(seed);
        GammaNll nll = GammaNll.of(d);
        GammaFit fit = GammaMle.newton(d, 1e-14);
        GammaDescent.Trace ng = GammaDescent.run(nll, GammaDescent.Method.NATURAL, 1.0, 0.5, 8, 150);
        // With step 1 the natural gradient is Newton's method on the NLL (F is its Hessian): quadratic
        // convergence once near, so 150 epochs end at the MLE to rounding.
        assertEquals(fit.alpha(), ng.finalAlpha(), 1e-10 * fit.alpha());
        assertEquals(fit.beta(), ng.finalBeta(), 1e-10 * fit.beta());
        int ngEpochs = ng.epochsToReach(fit.nll(), 1e-10);
        assertTrue(ngEpochs > 0 && ngEpochs <= 30, "natural gradient epochs to 1e-10: " + ngEpochs);

        double eta = GammaDescent.quadraticOptimalStep(fit.alpha(), fit.beta());
        GammaDescent.Trace gd = GammaDescent.run(nll, GammaDescent.Method.GRADIENT, eta, 0.5, 8, 150);
        int gdEpochs = gd.epochsToReach(fit.nll(), 1e-10);
        assertTrue(gdEpochs == -1 || gdEpochs > 2 * ngEpochs, "gradient descent epochs " + gdEpochs + " vs " + ngEpochs);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void iteratesStayPositiveAndFiniteForAnyStep(long seed) {
        GammaNll nll = GammaNll.of(data(seed));
        Rng r = Rng.of(seed + 100);
        for (GammaDescent.Method m : GammaDescent.Method.values()) {
            double eta = Math.exp(Math.log(1e-3) + r.nextDouble() * Math.log(1e5)); // 1e-3 .. 100
            double a0 = Math.exp(3 * r.nextGaussian());
            double b0 = Math.exp(3 * r.nextGaussian());
            GammaDescent.Trace t = GammaDescent.run(nll, m, eta, a0, b0, 150);
            for (int i = 0; i < t.alpha().length; i++) {
                assertTrue(t.alpha()[i] > 0 && Double.isFinite(t.alpha()[i]), m + " eta " + eta + " alpha " + t.alpha()[i]);
                assertTrue(t.beta()[i] > 0 && Double.isFinite(t.beta()[i]), m + " eta " + eta + " beta " + t.beta()[i]);
                assertTrue(Double.isFinite(t.nll()[i]), m + " eta " + eta + " NLL");
                if (i > 0) {
                    // The rule never takes a parameter below half its previous value.
                    assertTrue(t.alpha()[i] >= GammaDescent.KEEP * t.alpha()[i - 1] * (1 - 1e-12));
                    assertTrue(t.beta()[i] >= GammaDescent.KEEP * t.beta()[i - 1] * (1 - 1e-12));
                }
            }
        }
    }

    @Test
    void quadraticOptimalStepUsesTheHessianEigenvalues() {
        double[] ev = GammaDescent.hessianEigenvalues(3, 2);
        // trace and determinant of [[psi1(3), -1/2], [-1/2, 3/4]]
        assertEquals(Trigamma.value(3) + 0.75, ev[0] + ev[1], 1e-14);
        assertEquals(Trigamma.value(3) * 0.75 - 0.25, ev[0] * ev[1], 1e-14);
        assertEquals(2 / (ev[0] + ev[1]), GammaDescent.quadraticOptimalStep(3, 2), 1e-15);
    }
}
