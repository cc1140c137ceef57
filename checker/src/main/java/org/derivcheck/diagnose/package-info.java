/**
 * Explains a refuted step in a student's words (sign flipped, constant factor, missing or extra term, wrong component,
 * swapped components or arguments, transposed matrix, wrong function) behind one interface,
 * {@link org.derivcheck.diagnose.Diagnostics}; a diagnosis is offered only when re-checking the repaired step at fresh
 * points ({@link org.derivcheck.diagnose.Probe}, supplied by the checker) confirms it.
 */
package org.derivcheck.diagnose;
