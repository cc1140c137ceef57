package org.derivcheck.check;

/**
 * A definition of a derivation as reports show it, once per derivation: the steps use it by name.
 *
 * @param name the name with its parameters, e.g. "A(e1, e2)"
 * @param text the body as written
 * @param tex  LaTeX of {@code name := body} in the user's notation
 */
public record DefinitionShown(String name, String text, String tex) {
}
