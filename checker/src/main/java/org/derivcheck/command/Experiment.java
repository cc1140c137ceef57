package org.derivcheck.command;

import java.util.concurrent.Callable;

/**
 * One reproducible experiment behind {@code derivcheck run NAME}.
 *
 * <p>An implementation is also a picocli command (annotated with {@code @Command(name = ...)}) whose
 * options include {@code --seed} and {@code --out}; {@link #call()} runs it and returns the exit code.
 * It writes its figures (PNG and SVG), its series (CSV) and {@code result.json} (configuration, seed,
 * library versions, headline numbers) to the output folder.
 */
public interface Experiment extends Callable<Integer> {
    /** The name used on the command line, e.g. {@code bbvi}. */
    String name();

    /** One line for {@code derivcheck run --list}. */
    String summary();
}
