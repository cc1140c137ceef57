/**
 * The Experiment contract (an experiment is a named command that writes its figures, CSV series and result.json to an output folder) and the registry that 'derivcheck run' lists.
 */
package org.derivcheck.experiment;
