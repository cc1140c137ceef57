/**
 * Plain mathematical values that cross the border of {@code cas} without Symja: {@link org.derivcheck.math.Range}
 * (a real interval with open or closed ends: declared domains, interval arithmetic, the conditions check proves)
 * and {@link org.derivcheck.math.Tree} (a resolved expression as derivcheck's own tree, what the prover reads).
 * No Symja, no other derivcheck package, no I/O.
 */
package org.derivcheck.math;
