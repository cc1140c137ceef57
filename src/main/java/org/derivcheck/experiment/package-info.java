/**
 * The Experiment contract (an experiment is a named command that writes its figures, CSV series and
 * result.json to an output folder), the registry that 'derivcheck run' lists, the options every experiment
 * shares (--seed, --out, --no-progress), progress bars, and the report's experiments normal-gamma, bbvi,
 * natgrad and gumbel-softmax, which join the vi numerics to the plot charts.
 */
package org.derivcheck.experiment;
