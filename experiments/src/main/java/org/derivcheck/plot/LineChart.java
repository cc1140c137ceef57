package org.derivcheck.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of one or more series, saved as PNG and SVG. Build with {@link #of}, add series (solid,
 * dashed or as dots), then {@link #save}. A NaN in a series breaks its line.
 */
public final class LineChart {
    /** How a series is drawn. */
    public enum Style {
        LINE, LINE_DOTS, DASHED, DOTS
    }

    private static final BasicStroke DASH = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    private static final BasicStroke SOLID = new BasicStroke(1.4f);

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logX;
    private boolean logY;
    private Double yMin;
    private Double yMax;
    private int width = 900;
    private int height = 560;
    private Styler.LegendPosition legend = Styler.LegendPosition.InsideNE;

    private record Series(String name, double[] x, double[] y, Style style, Optional<Color> color) {
    }

    private LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public static LineChart of(String title, String xLabel, String yLabel) {
        return new LineChart(title, xLabel, yLabel);
    }

    /** Adds a solid line. */
    public LineChart add(String name, double[] x, double[] y) {
        return add(name, x, y, Style.LINE);
    }

    public LineChart add(String name, double[] x, double[] y, Style style) {
        return add(name, x, y, style, Optional.empty());
    }

    /** Adds a series in a given color. */
    public LineChart add(String name, double[] x, double[] y, Style style, Color color) {
        return add(name, x, y, style, Optional.of(color));
    }

    private LineChart add(String name, double[] x, double[] y, Style style, Optional<Color> color) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": " + x.length + " x values for " + y.length + " y values");
        }
        for (Series s : series) {
            if (s.name.equals(name)) {
                throw new IllegalArgumentException("series name '" + name + "' used twice in chart '" + title + "'");
            }
        }
        series.add(new Series(name, x.clone(), y.clone(), style, color));
        return this;
    }

    /** Adds a dashed horizontal line at {@code y} from {@code x0} to {@code x1}, e.g. a reference value. */
    public LineChart addHorizontal(String name, double y, double x0, double x1, Color color) {
        return add(name, new double[] {x0, x1}, new double[] {y, y}, Style.DASHED, color);
    }

    public LineChart logX(boolean on) {
        this.logX = on;
        return this;
    }

    public LineChart logY(boolean on) {
        this.logY = on;
        return this;
    }

    /** Fixes the y axis range (otherwise it fits the data). */
    public LineChart yRange(double min, double max) {
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    /** Where the legend sits inside the plot. */
    public enum Corner {
        UPPER_RIGHT(Styler.LegendPosition.InsideNE), LOWER_RIGHT(Styler.LegendPosition.InsideSE),
        LOWER_LEFT(Styler.LegendPosition.InsideSW), UPPER_LEFT(Styler.LegendPosition.InsideNW),
        /** Outside the plot, to its right: for charts whose every corner holds data. */
        OUTSIDE_RIGHT(Styler.LegendPosition.OutsideE);

        private final Styler.LegendPosition position;

        Corner(Styler.LegendPosition position) {
            this.position = position;
        }
    }

    /** Moves the legend (default: upper right). */
    public LineChart legend(Corner corner) {
        this.legend = corner.position;
        return this;
    }

    public LineChart size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    /** Writes {@code base.png} and {@code base.svg} into {@code dir}; returns the PNG path. */
    public Path save(Path dir, String base) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setLegendPosition(legend);
        chart.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 210));
        if (yMin != null) {
            chart.getStyler().setYAxisMin(yMin);
            chart.getStyler().setYAxisMax(yMax);
        }
        for (Series s : series) {
            XYSeries xs = chart.addSeries(s.name, s.x, s.y);
            switch (s.style) {
                case LINE -> {
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(SOLID);
                }
                case LINE_DOTS -> {
                    xs.setMarker(SeriesMarkers.CIRCLE);
                    xs.setLineStyle(SOLID);
                }
                case DASHED -> {
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(DASH);
                }
                case DOTS -> {
                    xs.setMarker(SeriesMarkers.CIRCLE);
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                }
            }
            s.color.ifPresent(c -> {
                xs.setLineColor(c);
                xs.setMarkerColor(c);
            });
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
