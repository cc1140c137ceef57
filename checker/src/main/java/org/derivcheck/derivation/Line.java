package org.derivcheck.derivation;

/** A piece of expression text and the file line it came from. */
public record Line(String text, int line) {
}
