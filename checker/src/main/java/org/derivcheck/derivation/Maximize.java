package org.derivcheck.derivation;

/**
 * The claim that the density {@code over} maximizes {@code objective} (the others held fixed) when its
 * log is {@code by} plus a constant, i.e. over = exp(by) normalized.
 */
public record Maximize(Line objective, String over, Line by) {
}
