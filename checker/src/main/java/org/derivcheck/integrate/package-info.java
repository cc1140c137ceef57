/**
 * Deterministic numerics for expectations without a closed form: double-exponential quadrature with an
 * error estimate, series with a tail bound, the one-dimensional families as densities, and the Pareto
 * k-hat diagnostic of heavy tails for Monte Carlo. Pure Java (Hipparchus special functions only).
 */
package org.derivcheck.integrate;
