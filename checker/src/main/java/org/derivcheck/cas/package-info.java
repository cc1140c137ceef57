/**
 * The only package that imports Symja (org.matheclipse): resolving parsed syntax (from {@code notation}) in a
 * {@link org.derivcheck.cas.Scope} (built once from a derivation's records), substitution, differentiation,
 * simplification under assumptions, numeric evaluation, TeX output, the sandbox (allow-list) and per-evaluation time
 * and size limits. Its public API is {@link org.derivcheck.cas.Cas}, {@link org.derivcheck.cas.Expr},
 * {@link org.derivcheck.cas.NumericFunction}, {@link org.derivcheck.cas.CasException} and Scope, and nothing else
 * (ArchitectureTest.CAS_PUBLIC, docs/ARCHITECTURE.md §3): the values they take and return are nested in them
 * (Cas.Condition, Cas.RealDomain, Expr.Edits, NumericFunction.Precise, ...), the sealed ones implemented by
 * package-private classes. No public member shows a Symja type. Symja-free values it shares are in
 * {@code org.derivcheck.math}.
 */
package org.derivcheck.cas;
