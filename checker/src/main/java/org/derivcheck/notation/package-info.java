/**
 * Text into syntax, before any CAS: derivcheck's own lexer and parser ({@link org.derivcheck.notation.SyntaxParser},
 * {@link org.derivcheck.notation.Syntax}) and the LaTeX reader ({@link org.derivcheck.notation.TexInput}) that
 * translates a LaTeX line into that syntax. No Symja, no I/O, no other derivcheck package.
 */
package org.derivcheck.notation;
