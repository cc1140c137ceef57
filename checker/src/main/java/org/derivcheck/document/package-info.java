/**
 * A student's own document (Markdown with {@code $$..$$} displays, or LaTeX with {@code equation}, {@code align},
 * {@code gather}, {@code multline}), read equation by equation: the displays and their numbers ({@code \tag},
 * {@code \label}, a trailing {@code \quad (n)}, the environment's numbering) with their source lines, the context
 * (front matter, {@code % derivcheck:} comments or a side file) that declares the names the equations use, and the
 * statements of each display (chains, definitions, "follows from" links, conditions). Only the document and its
 * context are read; LaTeX reaches the CAS only through the LaTeX reader's allow-list.
 */
package org.derivcheck.document;
