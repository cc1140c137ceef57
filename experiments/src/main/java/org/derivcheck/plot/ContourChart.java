package org.derivcheck.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Contour lines of one or more scalar fields on a shared set of levels, each field in its own colour
 * and line style (e.g. an exact density, solid, against an approximation, dashed). Saved as PNG and SVG.
 */
public final class ContourChart {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Field> fields = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();

    private record Field(String name, Grid grid, double[] levels, Color color, boolean dashed) {
    }

    private record Point(String name, double x, double y, Color color) {
    }

    private ContourChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public static ContourChart of(String title, String xLabel, String yLabel) {
        return new ContourChart(title, xLabel, yLabel);
    }

    /** Adds the contours of {@code grid} at {@code levels}; one legend entry per field. */
    public ContourChart add(String name, Grid grid, double[] levels, Color color, boolean dashed) {
        fields.add(new Field(name, grid, levels.clone(), color, dashed));
        return this;
    }

    /** Marks a point, e.g. a mode or a mean. */
    public ContourChart mark(String name, double x, double y, Color color) {
        points.add(new Point(name, x, y, color));
        return this;
    }

    /** The contour segments of {@code grid} at {@code level}, NaN-separated ({x[], y[]}); for tests. */
    public static double[][] segments(Grid grid, double level) {
        return MarchingSquares.contour(grid, level);
    }

    public Path save(Path dir, String base) {
        XYChart chart = new XYChartBuilder().width(900).height(700).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 210));
        chart.getStyler().setMarkerSize(8);
        for (Field f : fields) {
            BasicStroke stroke = f.dashed
                    ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f)
                    : new BasicStroke(1.6f);
            boolean named = false;
            for (int k = 0; k < f.levels.length; k++) {
                double[][] seg = MarchingSquares.contour(f.grid, f.levels[k]);
                if (seg[0].length == 0) {
                    continue;
                }
                String name = named ? f.name + " #" + k : f.name;
                XYSeries s = chart.addSeries(name, seg[0], seg[1]);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(f.color);
                s.setLineStyle(stroke);
                s.setShowInLegend(!named);
                named = true;
            }
        }
        for (Point p : points) {
            XYSeries s = chart.addSeries(p.name, new double[] {p.x}, new double[] {p.y});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(p.color);
        }
        return LineChart.Figures.save(chart, dir, base);
    }
}
