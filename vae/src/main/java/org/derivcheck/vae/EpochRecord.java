package org.derivcheck.vae;

import java.util.Map;

/**
 * What one epoch produced.
 *
 * @param epoch 1-based epoch number
 * @param trainElbo mean over the epoch's training images of the single-draw ELBO estimate met during training
 *     (nats per image; the same quantity the PyTorch anchor prints)
 * @param heldOutElbo ELBO per held-out image, averaged over {@code evalK} draws (NaN without held-out images)
 * @param heldOutBound importance-weighted bound L_K per held-out image, K = {@code evalK} (NaN without held-out images)
 * @param evalK importance samples per held-out image
 * @param trainSeconds wall time of the training pass alone (shuffle, batches, steps)
 * @param evalSeconds wall time of the held-out evaluation
 * @param probeSeconds wall time of the gradient-variance measurement
 * @param gradientVariance per estimator, the total variance (trace of the covariance) of the encoder gradient of
 *     the batch loss at the epoch's final parameters, over independent noise draws on a fixed batch (empty when
 *     not measured)
 * @param rssBytes resident memory of the process after the epoch (-1 where unknown)
 */
public record EpochRecord(int epoch, double trainElbo, double heldOutElbo, double heldOutBound, int evalK,
        double trainSeconds, double evalSeconds, double probeSeconds, Map<Estimator, Double> gradientVariance,
        long rssBytes) {
    public EpochRecord {
        gradientVariance = Map.copyOf(gradientVariance);
    }
}
