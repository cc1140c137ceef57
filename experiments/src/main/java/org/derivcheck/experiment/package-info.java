/**
 * The registry that 'derivcheck run' lists (found by the checker through
 * {@link org.derivcheck.command.ExperimentProvider}), the options every experiment shares (--seed, --out,
 * --no-progress), and the report's experiments normal-gamma, bbvi, natgrad, gumbel-softmax and vae, which join the
 * vi numerics (and the vae training) to the plot charts. The Experiment contract and the progress bar are in
 * org.derivcheck.command (the checker module).
 */
package org.derivcheck.experiment;
