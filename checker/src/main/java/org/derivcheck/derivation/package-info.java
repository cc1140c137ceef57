/**
 * Immutable records of a derivation file (Derivation, Step, SymbolDecl, Domain, Definition, Line) and the YAML reader that builds them (derivations and rubrics), with file:line errors. Knows nothing about parsing expressions or checking.
 */
package org.derivcheck.derivation;
