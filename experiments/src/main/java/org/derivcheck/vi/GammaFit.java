package org.derivcheck.vi;

/** A maximum-likelihood fit of Gamma(alpha, beta): the estimates, the mean NLL there, and Newton's iteration count. */
public record GammaFit(double alpha, double beta, double nll, int iterations) {
}
