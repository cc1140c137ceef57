package org.derivcheck.vi;

import java.util.ArrayList;
import java.util.List;

/**
 * Coordinate-ascent variational inference for the Normal-Gamma model with the mean-field family
 * {@link MeanField} (Bishop 2006, section 10.1.3). Each factor update is the exact maximizer of the
 * ELBO over that factor, so the ELBO never decreases.
 *
 * <p>Updates: {@code q(mu)}: m = (lambda0 mu0 + sum x)/(lambda0 + N), lambda = (lambda0 + N) E[tau];
 * {@code q(tau)}: a = a0 + (N + 1)/2, b = b0 + 1/2 E_mu[sum (x_i - mu)^2 + lambda0 (mu - mu0)^2].
 */
public final class Cavi {
    private final NormalGammaModel model;

    private Cavi(NormalGammaModel model) {
        this.model = model;
    }

    public static Cavi of(NormalGammaModel model) {
        return new Cavi(model);
    }

    /** The update of q(mu) given q(tau). */
    public MeanField updateMu(MeanField q) {
        NormalGammaPrior p = model.prior();
        int n = model.data().n();
        double m = (p.lambda0() * p.mu0() + model.data().sum()) / (p.lambda0() + n);
        return new MeanField(m, (p.lambda0() + n) * q.meanTau(), q.a(), q.b());
    }

    /** The update of q(tau) given q(mu). */
    public MeanField updateTau(MeanField q) {
        NormalGammaPrior p = model.prior();
        NormalData d = model.data();
        int n = d.n();
        double v = 1 / q.lambda();
        double dm = q.m() - p.mu0();
        double a = p.a0() + 0.5 * (n + 1);
        double b = p.b0() + 0.5 * (d.squaredDistanceTo(q.m()) + n * v + p.lambda0() * (dm * dm + v));
        return new MeanField(q.m(), q.lambda(), a, b);
    }

    /**
     * Runs CAVI from {@code init} until a sweep changes no parameter by more than {@code relTol}
     * (relative) or {@code maxSweeps} sweeps are done. The ELBO is evaluated in closed form after every
     * factor update.
     */
    public CaviResult run(MeanField init, double relTol, int maxSweeps) {
        Checks.atLeast("maxSweeps", maxSweeps, 1);
        List<MeanField> states = new ArrayList<>();
        List<Double> elbo = new ArrayList<>();
        MeanField q = init;
        states.add(q);
        elbo.add(model.elbo(q));
        boolean converged = false;
        int sweep = 0;
        while (sweep < maxSweeps && !converged) {
            MeanField before = q;
            q = updateMu(q);
            states.add(q);
            elbo.add(model.elbo(q));
            q = updateTau(q);
            states.add(q);
            elbo.add(model.elbo(q));
            sweep++;
            converged = close(before.m(), q.m(), relTol) && close(before.lambda(), q.lambda(), relTol)
                    && close(before.a(), q.a(), relTol) && close(before.b(), q.b(), relTol);
        }
        return new CaviResult(states, elbo.stream().mapToDouble(Double::doubleValue).toArray(), sweep, converged);
    }

    private static boolean close(double x, double y, double relTol) {
        return Math.abs(x - y) <= relTol * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }

    /**
     * The CAVI fixed point in closed form. With the exact posterior NG(muN, lambdaN, aN, bN):
     * m = muN, a = aN + 1/2, b = bN (aN + 1/2)/aN, lambda = lambdaN aN / bN. Derivation: at m = muN,
     * sum (x - m)^2 + lambda0 (m - mu0)^2 = 2 (bN - b0), and (lambda0 + N)/lambda = b/a, so the q(tau)
     * update reads b = bN + b/(2a).
     */
    public MeanField fixedPoint() {
        NormalGamma post = model.posterior();
        double a = post.a() + 0.5;
        double b = post.b() * a / post.a();
        return new MeanField(post.mu(), post.lambda() * post.a() / post.b(), a, b);
    }
}
