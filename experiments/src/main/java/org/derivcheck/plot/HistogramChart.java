package org.derivcheck.plot;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Normalized histograms (densities) of samples on a fixed range, drawn as step lines so that several
 * overlay legibly. Saved as PNG and SVG through {@link LineChart}.
 */
public final class HistogramChart {
    private final String title;
    private final String xLabel;
    private final double lo;
    private final double hi;
    private final int bins;
    private final List<Hist> hists = new ArrayList<>();
    private boolean logY;

    private record Hist(String name, double[] density, Color color) {
    }

    private HistogramChart(String title, String xLabel, double lo, double hi, int bins) {
        this.title = title;
        this.xLabel = xLabel;
        this.lo = lo;
        this.hi = hi;
        this.bins = bins;
    }

    /** A chart of histograms with {@code bins} equal bins on [lo, hi]. */
    public static HistogramChart of(String title, String xLabel, double lo, double hi, int bins) {
        if (!(hi > lo) || bins < 1) {
            throw new IllegalArgumentException("need lo < hi and bins >= 1, got [" + lo + ", " + hi + "], " + bins);
        }
        return new HistogramChart(title, xLabel, lo, hi, bins);
    }

    /** Bins {@code samples} (values outside [lo, hi] are dropped; hi itself falls in the last bin). */
    public HistogramChart add(String name, double[] samples, Color color) {
        hists.add(new Hist(name, density(samples, lo, hi, bins), color));
        return this;
    }

    public HistogramChart logY(boolean on) {
        this.logY = on;
        return this;
    }

    /** The histogram density: count / (n * width) per bin, n counting every sample given. */
    public static double[] density(double[] samples, double lo, double hi, int bins) {
        double[] d = new double[bins];
        double w = (hi - lo) / bins;
        for (double v : samples) {
            if (v >= lo && v <= hi) {
                int b = Math.min(bins - 1, (int) ((v - lo) / w));
                d[b]++;
            }
        }
        for (int b = 0; b < bins; b++) {
            d[b] /= samples.length * w;
        }
        return d;
    }

    public Path save(Path dir, String base) {
        LineChart chart = LineChart.of(title, xLabel, "density").logY(logY);
        double w = (hi - lo) / bins;
        for (Hist h : hists) {
            double[] x = new double[2 * bins];
            double[] y = new double[2 * bins];
            for (int b = 0; b < bins; b++) {
                x[2 * b] = lo + b * w;
                x[2 * b + 1] = lo + (b + 1) * w;
                // A log axis cannot show an empty bin: leave a gap there.
                double v = logY && h.density[b] <= 0 ? Double.NaN : h.density[b];
                y[2 * b] = v;
                y[2 * b + 1] = v;
            }
            chart.add(h.name, x, y, LineChart.Style.LINE, h.color);
        }
        return chart.save(dir, base);
    }
}
