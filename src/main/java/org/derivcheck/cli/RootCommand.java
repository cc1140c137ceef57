package org.derivcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code derivcheck}: the top-level command; the work is done by its subcommands. */
@Command(name = "derivcheck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Checks hand-written mathematical derivations symbolically and numerically,",
                "and reproduces the experiments of the variational-inference report."},
        subcommands = {CheckCommand.class, LatexCommand.class, GradeCommand.class, RunCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 every step PROVED or CONFIRMED; 1 a step REFUTED or INCONCLUSIVE;",
                "2 bad input or usage."})
public final class RootCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line: usage errors exit with 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand());
        RunCommand.addExperiments(cl.getSubcommands().get("run"));
        cl.setExitCodeExceptionMapper(ex -> 2);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("derivcheck: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        return cl;
    }
}
