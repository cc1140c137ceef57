package org.derivcheck.experiment;

import org.derivcheck.vi.NormalData;
import org.derivcheck.vi.Rng;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The data options shared by the Normal-Gamma experiments: N points from N(mean, 1/precision). */
final class NormalDataOptions {
    @Option(names = "--n", defaultValue = "100", description = "Number of data points (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--data-mean", defaultValue = "1.0", description = "Mean of the data (default: ${DEFAULT-VALUE}).")
    double mean;

    @Option(names = "--data-precision", defaultValue = "0.5",
            description = "Precision 1/variance of the data (default: ${DEFAULT-VALUE}).")
    double precision;

    /** Checks the options (a usage error names the option) and draws the data. */
    double[] sample(CommandSpec spec, Rng rng) {
        Usage.atLeast(spec, "--n", n, 1);
        Usage.positive(spec, "--data-precision", precision);
        return Usage.check(spec, () -> NormalData.sample(mean, precision, n, rng));
    }
}
