package org.derivcheck.cli;

import picocli.CommandLine;

/** Entry point: {@code System.exit(new CommandLine(new RootCommand()).execute(args))}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && java.util.Set.of("check", "latex", "grade").contains(args[0])) {
            org.derivcheck.cas.Cas.preload(); // Symja's start-up beside picocli's and the reading of the files
        }
        System.exit(run(args));
    }

    /** Runs the CLI without exiting; for tests and for {@link #main}. */
    public static int run(String... args) {
        return RootCommand.commandLine().execute(args);
    }
}
