/**
 * Immutable records of a derivation file (Derivation, Step, Symbol, Domain, Relation) and the YAML reader that builds them, with file:line errors. Knows nothing about checking.
 */
package org.derivcheck.derivation;
