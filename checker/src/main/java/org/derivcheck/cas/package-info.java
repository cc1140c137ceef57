/**
 * The only package that imports Symja (org.matheclipse): resolving parsed syntax (from {@code notation}), substitution, differentiation, simplification under assumptions, numeric evaluation, TeX output, the sandbox (allow-list) and per-evaluation time and size limits. Callers see only its own Expr handle.
 */
package org.derivcheck.cas;
