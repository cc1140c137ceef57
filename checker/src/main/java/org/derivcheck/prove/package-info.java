/**
 * The symbolic prover for identities over abstract densities: it reads derivcheck's own expression tree
 * ({@link org.derivcheck.math.Tree}, never Symja, which would treat q(z) as a constant), rewrites both sides to
 * a normal form with rules that hold for every positive density normalized over its variables (sums are
 * integrals: value times cell width), and proves {@code lhs = rhs} when the normal forms agree, listing the
 * rules used. It never refutes; finite instantiation runs beside it and its counterexample always wins.
 */
package org.derivcheck.prove;
