/**
 * The checkers (symbolic, random points, finite instantiation, Monte Carlo, known moments) behind one Checker interface, the orchestrator that picks them per step, and the verdict types (Verdict, Evidence, StepResult).
 */
package org.derivcheck.check;
