/**
 * The report's inference experiments as plain-Java numerics (Commons Numbers for special functions, with
 * derivcheck's own digamma; no charts, no I/O): a seeded {@link org.derivcheck.vi.Rng} over Commons RNG
 * (xoshiro256++, its Ziggurat normals and Marsaglia-Tsang gammas); the Normal-Gamma model with its exact posterior, log evidence and closed-form ELBO; CAVI; BBVI
 * with the plain, control-variate and Rao-Blackwellized score-function gradients on log-parameters; the
 * Gamma NLL with its Fisher matrix, Newton's MLE and gradient vs natural-gradient descent; the
 * Gumbel-Softmax (Concrete) sampler and density with quadrature over the simplex. Parameters are valid by
 * construction (exponentials, a box, fraction-to-the-boundary steps).
 */
package org.derivcheck.vi;
