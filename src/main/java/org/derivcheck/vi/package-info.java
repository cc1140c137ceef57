/**
 * The report's inference experiments in plain Java: the Normal-Gamma model, its exact posterior, CAVI, BBVI and its variance reductions, the Gamma natural gradient, Gumbel-Softmax. Numerics use Apache Commons Math only.
 */
package org.derivcheck.vi;
