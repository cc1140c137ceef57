package org.derivcheck.derivation;

/**
 * A declared symbol. {@code indexed} symbols are data written x(n); {@code min} and {@code max} bound
 * integer and interval domains.
 */
public record SymbolDecl(String name, Domain domain, boolean indexed, double min, double max, int line) {
}
