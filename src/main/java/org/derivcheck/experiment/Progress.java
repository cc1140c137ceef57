package org.derivcheck.experiment;

import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.derivcheck.vi.ProgressListener;

/**
 * A progress bar on stderr (me.tongfei progressbar) for work that can take more than a second, shown
 * only when the process has a terminal: redirected output and test runs stay free of bar redraws.
 */
public final class Progress implements ProgressListener, AutoCloseable {
    private final Optional<ProgressBar> bar;

    private Progress(Optional<ProgressBar> bar) {
        this.bar = bar;
    }

    /** A bar for {@code max} units if stderr is likely a terminal, else a silent tracker. */
    public static Progress start(String task, long max) {
        if (System.console() == null) {
            return silent();
        }
        ProgressBar pb = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        return new Progress(Optional.of(pb));
    }

    /** A tracker that shows nothing. */
    public static Progress silent() {
        return new Progress(Optional.empty());
    }

    @Override
    public void advance(long steps) {
        bar.ifPresent(b -> b.stepBy(steps));
    }

    @Override
    public void close() {
        bar.ifPresent(ProgressBar::close);
    }
}
