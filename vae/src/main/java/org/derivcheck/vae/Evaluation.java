package org.derivcheck.vae;

/**
 * Held-out bounds of a model.
 *
 * @param elbo ELBO per image, estimated as the mean of log w over the K draws
 * @param bound importance-weighted bound L_K per image ({@code log mean_k w_k}); never below {@code elbo} for the same draws
 * @param k draws per image
 * @param images images evaluated
 */
public record Evaluation(double elbo, double bound, int k, int images) {
}
