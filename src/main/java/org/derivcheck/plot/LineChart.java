package org.derivcheck.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A line chart of one or more series, saved as PNG and SVG. Build with {@link #of}, add series, then {@link #save}. */
public final class LineChart {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logY;

    private record Series(String name, double[] x, double[] y) {
    }

    private LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public static LineChart of(String title, String xLabel, String yLabel) {
        return new LineChart(title, xLabel, yLabel);
    }

    public LineChart add(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": " + x.length + " x values for " + y.length + " y values");
        }
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    public LineChart logY(boolean on) {
        this.logY = on;
        return this;
    }

    /** Writes {@code base.png} and {@code base.svg} into {@code dir}; returns the PNG path. */
    public Path save(Path dir, String base) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(0);
        for (Series s : series) {
            XYSeries xs = chart.addSeries(s.name, s.x, s.y);
            xs.setMarker(SeriesMarkers.NONE);
        }
        return Figures.save(chart, dir, base);
    }

    /** Shared PNG + SVG writer for XChart charts. */
    public static final class Figures {
        private Figures() {
        }

        public static Path save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path dir, String base) {
            Path png = dir.resolve(base + ".png");
            try {
                BitmapEncoder.saveBitmap(chart, dir.resolve(base).toString(), BitmapEncoder.BitmapFormat.PNG);
                VectorGraphicsEncoder.saveVectorGraphic(chart, dir.resolve(base).toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write figure " + png + ": " + e.getMessage(), e);
            }
            return png;
        }
    }
}
