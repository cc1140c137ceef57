/**
 * Explains a refuted step in a student's words (sign flipped, constant factor, missing or extra term, wrong component, swapped arguments, wrong function); a diagnosis is offered only when re-checking the repaired step confirms it.
 */
package org.derivcheck.diagnose;
