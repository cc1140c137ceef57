/**
 * Special functions where the library's own are not accurate enough (Commons Math 3.6.1's digamma is off
 * by about 3e-9 below 49). Used by both the checker's numeric evaluator and the experiments; depends on
 * nothing of derivcheck's.
 */
package org.derivcheck.special;
