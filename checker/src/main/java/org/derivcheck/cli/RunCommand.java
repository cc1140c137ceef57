package org.derivcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.derivcheck.command.Experiment;
import org.derivcheck.command.ExperimentProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code derivcheck run NAME [options]}: runs one registered experiment; {@code --list} lists them. The experiments
 * are a module of their own (experiments/, with vae/): they are found on the class path at run time
 * ({@link ExperimentProvider} through {@link ServiceLoader}); the checker alone has none and says how to build them.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one of the report's experiments and writes figures (PNG, SVG), series (CSV) and "
                + "result.json to --out.", "Use 'derivcheck run NAME --help' for an experiment's options."})
public final class RunCommand implements Callable<Integer> {
    /** What {@code run} says when the experiments module is not on the class path. */
    static final String NOT_BUILT = "experiments are not built: they are the modules experiments/ and vae/ "
            + "(DJL, PyTorch); './derivcheck run ...' builds them on first use, or run "
            + "'mvn -B -DskipTests package' in the repository";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", description = "List the experiments, one line each.")
    boolean list;

    public RunCommand() {
    }

    @Override
    public Integer call() {
        List<Experiment> all = experiments();
        if (all.isEmpty()) {
            spec.commandLine().getErr().println("derivcheck run: " + NOT_BUILT + ".");
            spec.commandLine().getErr().flush();
            return 2;
        }
        var out = spec.commandLine().getOut();
        if (!list) {
            spec.commandLine().usage(out);
            out.println();
        }
        out.println("Experiments:");
        for (Experiment e : all) {
            out.printf("  %-16s %s%n", e.name(), e.summary());
        }
        out.flush();
        return 0;
    }

    /** A fresh instance of every experiment on the class path (none when the experiments module is absent). */
    static List<Experiment> experiments() {
        List<Experiment> all = new ArrayList<>();
        for (ExperimentProvider p : ServiceLoader.load(ExperimentProvider.class, RunCommand.class.getClassLoader())) {
            all.addAll(p.experiments());
        }
        return all;
    }

    /** Registers every experiment as a subcommand of {@code run}; false when there is none. */
    static boolean addExperiments(CommandLine run) {
        List<Experiment> all = experiments();
        for (Experiment e : all) {
            run.addSubcommand(e.name(), e);
        }
        return !all.isEmpty();
    }
}
