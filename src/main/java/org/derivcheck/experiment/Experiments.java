package org.derivcheck.experiment;

import java.util.List;
import java.util.function.Supplier;

/** The registry of experiments that {@code derivcheck run} offers, in the order it lists them. */
public final class Experiments {
    private Experiments() {
    }

    /** A fresh instance of every experiment (picocli binds options to instances, so each run gets new ones). */
    public static List<Experiment> all() {
        return FACTORIES.stream().map(Supplier::get).toList();
    }

    private static final List<Supplier<Experiment>> FACTORIES = List.of(
            // experiments register here, one line each
            NormalGammaExperiment::new,
            BbviExperiment::new,
            NatGradExperiment::new,
            GumbelSoftmaxExperiment::new
    );
}
