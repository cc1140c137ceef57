package org.derivcheck.command;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The one progress bar of derivcheck (me.tongfei progressbar) for work that can take more than a second: the
 * experiments, a VAE epoch's batches, and the check and grade commands. It is shown only when the process has a
 * terminal: redirected output and test runs stay free of bar redraws. It lives in the checker so that check and
 * grade have it without the experiments; an experiment hands {@code progress::advance} to the numerics.
 */
public final class Progress implements AutoCloseable {
    private final String task;
    private final boolean on;
    private final PrintStream target;
    private final boolean commandStyle;
    private ProgressBar bar;

    private Progress(String task, boolean on, PrintStream target, boolean commandStyle) {
        this.task = task;
        this.on = on;
        this.target = target;
        this.commandStyle = commandStyle;
    }

    /** A bar for {@code max} units if stderr is likely a terminal, else a silent tracker. */
    public static Progress start(String task, long max) {
        Progress p = new Progress(task, System.console() != null, System.err, false);
        p.open(max);
        return p;
    }

    /** A bar for a command over {@code total} files or submissions (none for fewer than 2); cleared when done. */
    public static Progress command(String task, long total) {
        Progress p = new Progress(task, System.console() != null && total >= 2, System.err, true);
        p.open(total);
        return p;
    }

    /**
     * A bar that appears at the first {@link #update} (when the total is known) on {@code err}, where picocli's error
     * stream goes, and closes itself after the last unit.
     */
    public static Progress deferred(boolean off, String task, PrintWriter err) {
        return new Progress(task, !off && System.console() != null, new PrintStream(new WriterStream(err), true), false);
    }

    /** A tracker that shows nothing. */
    public static Progress silent() {
        return new Progress("", false, System.err, false);
    }

    private void open(long max) {
        if (!on) {
            return;
        }
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(target));
        bar = commandStyle ? b.clearDisplayOnFinish().build() : b.setUpdateIntervalMillis(200).build();
    }

    /** {@code steps} more units done. */
    public void advance(long steps) {
        if (bar != null) {
            bar.stepBy(steps);
        }
    }

    /** One more unit done. */
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /** {@code done} of {@code total} units, with the running ELBO shown beside the bar (a deferred bar). */
    public void update(int done, int total, double runningElbo) {
        if (!on) {
            return;
        }
        if (bar == null) {
            open(total);
        }
        bar.stepTo(done);
        bar.setExtraMessage(String.format(Locale.ROOT, " ELBO %.1f", runningElbo));
        if (done == total) {
            close();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** Bytes to a PrintWriter, so that the bar goes where picocli's error stream goes. */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter w;

        WriterStream(PrintWriter w) {
            this.w = w;
        }

        @Override
        public void write(int b) {
            w.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            w.write(new String(b, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            w.flush();
        }
    }
}
