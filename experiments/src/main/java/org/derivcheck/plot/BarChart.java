package org.derivcheck.plot;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/** Grouped bars: one group per category, one bar per series; optional log y axis. Saved as PNG and SVG. */
public final class BarChart {
    private final String title;
    private final String yLabel;
    private final List<String> categories;
    private final List<Bars> bars = new ArrayList<>();
    private boolean logY;

    private record Bars(String name, double[] values) {
    }

    private BarChart(String title, String yLabel, List<String> categories) {
        this.title = title;
        this.yLabel = yLabel;
        this.categories = List.copyOf(categories);
    }

    public static BarChart of(String title, String yLabel, List<String> categories) {
        return new BarChart(title, yLabel, categories);
    }

    /** Adds one bar per category. */
    public BarChart add(String name, double[] values) {
        if (values.length != categories.size()) {
            throw new IllegalArgumentException("series " + name + ": " + values.length + " values for "
                    + categories.size() + " categories");
        }
        bars.add(new Bars(name, values.clone()));
        return this;
    }

    public BarChart logY(boolean on) {
        this.logY = on;
        return this;
    }

    public Path save(Path dir, String base) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560).title(title).yAxisTitle(yLabel).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        if (logY) {
            // XChart's bars start at the axis minimum; on a log axis it must be set and positive.
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (Bars b : bars) {
                for (double v : b.values) {
                    if (!(v > 0)) {
                        throw new IllegalArgumentException("series " + b.name + ": " + v + " cannot be shown on a log axis");
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
            chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        int i = 0;
        for (Bars b : bars) {
            List<Double> values = new ArrayList<>();
            for (double v : b.values) {
                values.add(v);
            }
            CategorySeries s = chart.addSeries(b.name, categories, values);
            s.setFillColor(Palette.color(i++));
        }
        return LineChart.Figures.save(chart, dir, base);
    }
}
