package org.derivcheck.experiment;

import java.util.List;
import java.util.function.Supplier;
import org.derivcheck.command.Experiment;
import org.derivcheck.command.ExperimentProvider;

/**
 * The registry of experiments that {@code derivcheck run} offers, in the order it lists them; the checker finds it
 * through {@link java.util.ServiceLoader} (META-INF/services/org.derivcheck.command.ExperimentProvider).
 */
public final class Experiments implements ExperimentProvider {
    public Experiments() {
    }

    /** A fresh instance of every experiment (picocli binds options to instances, so each run gets new ones). */
    public static List<Experiment> all() {
        return FACTORIES.stream().map(Supplier::get).toList();
    }

    @Override
    public List<Experiment> experiments() {
        return all();
    }

    private static final List<Supplier<Experiment>> FACTORIES = List.of(
            // experiments register here, one line each
            NormalGammaExperiment::new,
            BbviExperiment::new,
            NatGradExperiment::new,
            GumbelSoftmaxExperiment::new,
            VaeExperiment::new
    );
}
