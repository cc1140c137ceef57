package org.derivcheck.experiment;

import java.util.ArrayList;
import java.util.List;
import org.derivcheck.command.Progress;

/**
 * Figures to draw, collected first and then rendered under one progress bar: rendering a PNG and an
 * SVG takes a few tenths of a second per figure, so an experiment's figures together take seconds.
 */
final class FigureBatch {
    private final List<Runnable> figures = new ArrayList<>();

    /** Queues one figure (a call that renders and saves it). */
    FigureBatch add(Runnable figure) {
        figures.add(figure);
        return this;
    }

    /** Renders every queued figure, in order. */
    void render(ExperimentOptions options) {
        try (Progress p = options.progress("figures", figures.size())) {
            for (Runnable f : figures) {
                f.run();
                p.advance(1);
            }
        }
    }
}
