package org.derivcheck.plot;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Points of the 3-class probability simplex drawn in triangles (ternary coordinates), one panel per
 * data set side by side, each with a caption; vertex k is the one-hot point e_k. Saved as PNG and SVG.
 */
public final class SimplexChart {
    private static final double H = Math.sqrt(3) / 2;
    private static final double GAP = 0.25;

    private final String title;
    private final String[] vertexLabels;
    private final List<Panel> panels = new ArrayList<>();

    private record Panel(String caption, double[][] points) {
    }

    private SimplexChart(String title, String[] vertexLabels) {
        this.title = title;
        this.vertexLabels = vertexLabels.clone();
    }

    /** A chart whose vertices are labelled {@code vertexLabels} (3 labels, for e_1, e_2, e_3). */
    public static SimplexChart of(String title, String... vertexLabels) {
        if (vertexLabels.length != 3) {
            throw new IllegalArgumentException("a simplex chart has 3 vertices, got " + vertexLabels.length + " labels");
        }
        return new SimplexChart(title, vertexLabels);
    }

    /** Adds a panel of points y (each of length 3, on the simplex). */
    public SimplexChart panel(String caption, double[][] points) {
        for (double[] p : points) {
            if (p.length != 3) {
                throw new IllegalArgumentException("simplex points have 3 coordinates, got " + p.length);
            }
        }
        panels.add(new Panel(caption, points.clone()));
        return this;
    }

    /** Ternary x coordinate of y: e_1 at (0, 0), e_2 at (1, 0), e_3 at (1/2, sqrt(3)/2). */
    static double tx(double[] y) {
        return y[1] + 0.5 * y[2];
    }

    static double ty(double[] y) {
        return H * y[2];
    }

    public Path save(Path dir, String base) {
        int n = panels.size();
        XYChart chart = new XYChartBuilder().width(Math.max(500, 330 * n)).height(420).title(title).build();
        var st = chart.getStyler();
        st.setLegendVisible(false);
        st.setAxisTicksVisible(false);
        st.setAxisTitlesVisible(false);
        st.setPlotGridLinesVisible(false);
        st.setPlotBorderVisible(false);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setMarkerSize(3);
        st.setXAxisMin(-0.15);
        st.setXAxisMax(n * (1 + GAP) - GAP + 0.15);
        st.setYAxisMin(-0.22);
        st.setYAxisMax(H + 0.12);
        for (int p = 0; p < n; p++) {
            double off = p * (1 + GAP);
            Panel panel = panels.get(p);
            XYSeries edge = chart.addSeries("triangle " + p, new double[] {off, off + 1, off + 0.5, off},
                    new double[] {0, 0, H, 0});
            edge.setMarker(SeriesMarkers.NONE);
            edge.setLineColor(Color.DARK_GRAY);
            double[] xs = new double[panel.points.length];
            double[] ys = new double[panel.points.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = off + tx(panel.points[i]);
                ys[i] = ty(panel.points[i]);
            }
            XYSeries s = chart.addSeries(panel.caption, xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(0, 114, 178, 90));
            chart.addAnnotation(new AnnotationText(panel.caption, off + 0.5, -0.16, false));
            chart.addAnnotation(new AnnotationText(vertexLabels[0], off - 0.06, -0.05, false));
            chart.addAnnotation(new AnnotationText(vertexLabels[1], off + 1.06, -0.05, false));
            chart.addAnnotation(new AnnotationText(vertexLabels[2], off + 0.5, H + 0.06, false));
        }
        return LineChart.Figures.save(chart, dir, base);
    }
}
