package org.derivcheck.command;

import java.util.List;

/**
 * How {@code derivcheck run} finds the experiments: the experiments module implements this and names its class in
 * {@code META-INF/services/org.derivcheck.command.ExperimentProvider} ({@link java.util.ServiceLoader}). The checker
 * is built and runs without that module; then {@code run} finds none and says so.
 */
public interface ExperimentProvider {
    /** A fresh instance of every experiment, in the order {@code run --list} lists them. */
    List<Experiment> experiments();
}
