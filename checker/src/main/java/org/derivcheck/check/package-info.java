/**
 * Chains checked in a scope: {@link org.derivcheck.check.ChainScope} (a derivation's names, domains and
 * assumptions, built once from its records) and {@link org.derivcheck.check.ChainChecker} (every relation of a
 * parsed chain; used for derivation files, rubric targets and graded submissions). The checkers behind one Checker interface (exact or high-precision arithmetic, finite instantiation, random points,
 * Monte Carlo, symbolic proof; existence and parameter-domain conditions; "maximizes" steps), the orchestrator that
 * decides a relation between two lines of a chain and asks {@code diagnose} what is wrong with a refuted one, and the
 * verdict types (Verdict, Evidence, StepResult). Moments are not a checker: {@code cas} reduces expectations by its
 * table of moments.
 */
package org.derivcheck.check;
