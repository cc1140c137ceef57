package org.derivcheck.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CAVI against its closed-form fixed point; the ELBO's monotonicity and the bound, over 25 data seeds. */
class CaviTest {
    /** The ELBO (of order 1e2) is computed with ~1e-14 relative rounding: 1e-10 absolute is rounding, not descent. */
    private static final double ROUNDING = 1e-10;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 25);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void convergesToTheClosedFormFixedPointWithMonotoneElboBelowEvidence(long seed) {
        Rng r = Rng.of(seed);
        int n = 5 + (int) (r.nextDouble() * 200);
        double[] x = NormalData.sample(-3 + 6 * r.nextDouble(), 0.05 + 5 * r.nextDouble(), n, r);
        NormalGammaModel model = NormalGammaModel.of(NormalGammaPrior.REPORT, NormalData.of(x));
        MeanField init = new MeanField(10 * r.nextGaussian(), Math.exp(4 * r.nextGaussian()),
                Math.exp(2 * r.nextGaussian()), Math.exp(2 * r.nextGaussian()));
        CaviResult run = Cavi.of(model).run(init, 1e-13, 1000);

        assertTrue(run.converged(), "CAVI converges (linear rate 1/(2a) per sweep)");
        double[] elbo = run.elbo();
        for (int i = 1; i < elbo.length; i++) {
            assertTrue(Double.isFinite(elbo[i]), "ELBO finite");
            assertTrue(elbo[i] >= elbo[i - 1] - ROUNDING, "ELBO decreased at update " + i + ": " + elbo[i - 1] + " -> " + elbo[i]);
        }
        assertTrue(run.finalElbo() <= model.logEvidence(), "ELBO <= log evidence");
        MeanField q = run.last();
        MeanField fp = Cavi.of(model).fixedPoint();
        // Converged to 1e-13 relative per sweep at a linear rate <= 1/3: within 1e-11 of the fixed point.
        assertEquals(fp.m(), q.m(), 1e-11 * Math.max(1, Math.abs(fp.m())));
        assertEquals(fp.lambda(), q.lambda(), 1e-11 * fp.lambda());
        assertEquals(fp.a(), q.a(), 1e-11 * fp.a());
        assertEquals(fp.b(), q.b(), 1e-11 * fp.b());
    }

    @Test
    void meanFieldMatchesTheExactPosteriorMeans() {
        // From the fixed point: m = muN and a/b = aN/bN, the exact E[mu] and E[tau].
        NormalGammaModel model = NormalGammaModel.of(NormalGammaPrior.REPORT,
                NormalData.of(NormalData.sample(1, 0.5, 100, Rng.of(1))));
        MeanField q = Cavi.of(model).run(new MeanField(0, 1, 1, 1), 1e-13, 1000).last();
        NormalGamma post = model.posterior();
        assertEquals(post.meanMu(), q.meanMu(), 1e-12);
        assertEquals(post.meanTau(), q.meanTau(), 1e-12);
        // And the posterior's E[log tau]... differs: the mean field's a is aN + 1/2, not aN.
        assertEquals(post.a() + 0.5, q.a(), 1e-12);
    }
}
