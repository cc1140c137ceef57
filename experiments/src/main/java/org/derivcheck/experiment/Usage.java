package org.derivcheck.experiment;

import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Turns a rejected setting (an IllegalArgumentException from a constructor's check) into a usage error. */
final class Usage {
    private Usage() {
    }

    /** Runs {@code check}; an IllegalArgumentException becomes a picocli ParameterException (exit code 2). */
    static <T> T check(CommandSpec spec, Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Rejects a count below {@code min}. */
    static void atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be at least " + min + ", got " + value);
        }
    }

    /** Rejects a value that is not a positive finite number. */
    static void positive(CommandSpec spec, String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be a positive number, got " + value);
        }
    }
}
