package org.derivcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code derivcheck}: the top-level command; the work is done by its subcommands. */
@Command(name = "derivcheck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Checks hand-written mathematical derivations symbolically and numerically, grades "
                + "submissions against a rubric, and reproduces the experiments of the variational-inference report.",
        subcommands = {CheckCommand.class, LatexCommand.class, GradeCommand.class, RunCommand.class,
            CompletionCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 every step PROVED or CONFIRMED; 1 a step REFUTED or INCONCLUSIVE; 2 bad input or usage.",
            "Shell completion: source <(derivcheck completion bash)"})
public final class RootCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * A configured command line: help wraps at the terminal's width (80 columns when there is no terminal),
     * and usage errors exit with 2 after the message, a suggestion for a mistyped command or option, and a
     * pointer to the help.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand());
        boolean experiments = RunCommand.addExperiments(cl.getSubcommands().get("run"));
        cl.setUsageHelpAutoWidth(true); // after every subcommand is added: it applies to the tree as it is now
        cl.setExitCodeExceptionMapper(ex -> 2);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("derivcheck: " + ex.getMessage());
            if (!experiments && "run".equals(c.getCommandName())) {
                c.getErr().println("derivcheck run: " + RunCommand.NOT_BUILT + ".");
            } else if (ex instanceof CommandLine.UnmatchedArgumentException u) {
                if (u.getSuggestions().isEmpty()) {
                    suggestion(u).ifPresent(x -> c.getErr().println("Did you mean: " + x + "?"));
                } else {
                    CommandLine.UnmatchedArgumentException.printSuggestions(u, c.getErr());
                }
            }
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            c.getErr().flush();
            return 2;
        });
        return cl;
    }

    /**
     * The option or subcommand nearest to the first unmatched word when picocli's own similarity finds none
     * (it misses transpositions such as {@code --fromat}): at most 2 edits (insert, delete, replace, swap).
     */
    static java.util.Optional<String> suggestion(CommandLine.UnmatchedArgumentException u) {
        if (u.getUnmatched().isEmpty()) {
            return java.util.Optional.empty();
        }
        String word = u.getUnmatched().get(0);
        CommandLine.Model.CommandSpec spec = u.getCommandLine().getCommandSpec();
        java.util.Collection<String> names = word.startsWith("-") ? spec.optionsMap().keySet() : spec.subcommands().keySet();
        String best = null;
        int bestDistance = 3;
        for (String n : names) {
            int d = editDistance(word, n);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: insertions, deletions, replacements and swaps of neighbours. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
