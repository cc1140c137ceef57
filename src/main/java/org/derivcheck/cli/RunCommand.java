package org.derivcheck.cli;

import org.derivcheck.experiment.Experiment;
import org.derivcheck.experiment.Experiments;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code derivcheck run NAME [options]}: runs one registered experiment; {@code --list} lists them. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one of the report's experiments and writes figures (PNG, SVG), series (CSV) and "
                + "result.json to --out.", "Use 'derivcheck run NAME --help' for an experiment's options."})
public final class RunCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", description = "List the experiments, one line each.")
    boolean list;

    public RunCommand() {
    }

    @Override
    public void run() {
        var out = spec.commandLine().getOut();
        if (!list) {
            spec.commandLine().usage(out);
            out.println();
        }
        out.println("Experiments:");
        for (Experiment e : Experiments.all()) {
            out.printf("  %-16s %s%n", e.name(), e.summary());
        }
        out.flush();
    }

    /** Registers every experiment as a subcommand of {@code run}. */
    static void addExperiments(CommandLine run) {
        for (Experiment e : Experiments.all()) {
            run.addSubcommand(e.name(), e);
        }
    }
}
