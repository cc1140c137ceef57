package org.derivcheck.cli;

import picocli.CommandLine;

/** Entry point: {@code System.exit(new CommandLine(new RootCommand()).execute(args))}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI without exiting; for tests and for {@link #main}. */
    public static int run(String... args) {
        return RootCommand.commandLine().execute(args);
    }
}
