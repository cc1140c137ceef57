package org.derivcheck.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The Monte Carlo objectives and the surrogate losses whose gradients are the four estimators.
 *
 * <p>For a batch x of B images and K reparameterized samples z = mu + sigma * eps per image, the log
 * importance weight is {@code log w = log p(x|z) + log p(z) - log q(z|x)} ({@code [K, B]}). The ELBO is
 * E[log w], the importance-weighted bound is {@code L_K = E[log (1/K) sum_k w_k]}. Every array made here
 * belongs to the manager of the input batch.
 */
final class Objective {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private Objective() {
    }

    /** One set of K reparameterized draws per image and the terms of their log weights, all {@code [K, B]} but z. */
    private record Draws(NDArray z, NDArray logPx, NDArray logPz, NDArray logQz) {
        NDArray logW() {
            return logPx.add(logPz).sub(logQz);
        }
    }

    /**
     * Draws z = mu + sigma * eps ({@code [K, B, latent]}) and evaluates log p(x|z), log p(z) and log q(z|x). With
     * {@code stopQ} the mean and log-variance inside log q are cut from the graph (PyTorch's detach): z keeps its
     * path to the encoder, the score term of the total derivative is gone.
     */
    private static Draws draw(Network net, NDArray x, int k, boolean stopQ) {
        long b = x.getShape().get(0);
        long d = x.getShape().get(1);
        int latent = net.architecture().latent();
        Network.Gaussian q = net.encode(x);
        NDArray std = q.logVar().mul(0.5).exp();
        NDArray eps = x.getManager().randomNormal(new Shape(k, b, latent));
        NDArray z = eps.mul(std).add(q.mean());
        NDArray logits = net.decode(z.reshape(k * b, latent)).reshape(k, b, d);
        NDArray logPx = logBernoulli(x, logits);
        NDArray logPz = z.square().sum(new int[] {2}).mul(-0.5).sub(0.5 * latent * LOG_2PI);
        NDArray mu = stopQ ? q.mean().stopGradient() : q.mean();
        NDArray lv = stopQ ? q.logVar().stopGradient() : q.logVar();
        NDArray logQz = z.sub(mu).square().mul(lv.neg().exp()).add(lv).sum(new int[] {2}).mul(-0.5)
                .sub(0.5 * latent * LOG_2PI);
        return new Draws(z, logPx, logPz, logQz);
    }

    /** Log weights {@code [K, B]}, q's parameters stopped inside log q when {@code stopQ}. */
    static NDArray logWeights(Network net, NDArray x, int k, boolean stopQ) {
        return draw(net, x, k, stopQ).logW();
    }

    /** {@code sum_d x log sigmoid(l) + (1 - x) log sigmoid(-l) = sum_d (x l - softplus(l))}, over the last axis. */
    static NDArray logBernoulli(NDArray x, NDArray logits) {
        return logits.mul(x).sub(logits.getNDArrayInternal().softPlus()).sum(new int[] {logits.getShape().dimension() - 1});
    }

    /** {@code log (1/K) sum_k exp(a_k)} over axis 0, with the maximum subtracted (and cut from the graph) for stability. */
    static NDArray logMeanExp(NDArray a) {
        NDArray m = a.max(new int[] {0}, true).stopGradient();
        return a.sub(m).exp().mean(new int[] {0}).log().add(m.squeeze(0));
    }

    /**
     * The loss to minimize for one batch and its monitoring value.
     *
     * @param loss scalar whose gradient is the estimator's (negated, averaged over the batch)
     * @param elboSum sum over the batch of the per-image ELBO estimate (mean of log w over the K samples), no gradient
     */
    record Surrogate(NDArray loss, NDArray elboSum) {
    }

    /** The surrogate of {@code estimator} on batch x with k samples per image (k is 1 for standard and STL). */
    static Surrogate surrogate(Network net, NDArray x, Estimator estimator, int k) {
        return switch (estimator) {
            case STANDARD, STL -> {
                NDArray logW = logWeights(net, x, k, estimator == Estimator.STL);
                yield new Surrogate(logW.mean().neg(), elboSum(logW));
            }
            case IWAE -> {
                NDArray logW = logWeights(net, x, k, false);
                yield new Surrogate(logMeanExp(logW).mean().neg(), elboSum(logW));
            }
            case DREG -> dreg(net, x, k);
        };
    }

    /**
     * Doubly reparameterized gradient (Tucker et al. 2019, eq. 5 and 6). With normalized weights
     * {@code v_k = w_k / sum w} (constants), the decoder's gradient is {@code sum_k v_k grad log w_k} and the
     * encoder's is {@code sum_k v_k^2 (d log w_k / d z_k) (d z_k / d phi)} with q's parameters stopped. The
     * surrogate {@code sum_k v_k^2 log w_k(z_k) + sum_k (v_k - v_k^2) log p(x | stop(z_k))} has exactly these
     * gradients: the second term reaches only the decoder and tops its weight up from v^2 to v.
     */
    private static Surrogate dreg(Network net, NDArray x, int k) {
        long b = x.getShape().get(0);
        long d = x.getShape().get(1);
        int latent = net.architecture().latent();
        Draws draws = draw(net, x, k, true);
        NDArray logW = draws.logW();
        NDArray v = logW.stopGradient().softmax(0);
        NDArray v2 = v.square();
        NDArray logitsStop = net.decode(draws.z().stopGradient().reshape(k * b, latent)).reshape(k, b, d);
        NDArray logPxStop = logBernoulli(x, logitsStop);
        NDArray perImage = v2.mul(logW).add(v.sub(v2).mul(logPxStop)).sum(new int[] {0});
        return new Surrogate(perImage.mean().neg(), elboSum(logW));
    }

    private static NDArray elboSum(NDArray logW) {
        return logW.stopGradient().mean(new int[] {0}).sum();
    }
}
