package org.derivcheck.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The numeric parts of the charts (contours, binning, ternary coordinates) and that figures are written. */
class PlotTest {
    @TempDir
    Path tmp;

    @Test
    void contourOfACircularFieldIsTheCircle() {
        // z = x^2 + y^2 on a 101 x 101 grid over [-2, 2]^2 (spacing 0.04): the level-1 contour is the unit
        // circle. Linear interpolation along cell edges errs by at most h^2/8 * max|z''| / |grad z| = 0.0004.
        Grid g = Grid.evaluate((x, y) -> x * x + y * y, -2, 2, 101, -2, 2, 101);
        double[][] seg = ContourChart.segments(g, 1.0);
        int points = 0;
        for (int i = 0; i < seg[0].length; i++) {
            if (Double.isNaN(seg[0][i])) {
                continue;
            }
            points++;
            assertEquals(1.0, Math.hypot(seg[0][i], seg[1][i]), 4e-4);
        }
        // About 2 pi / 0.04 = 157 cells are cut, two points each.
        assertTrue(points > 250 && points < 500, "points " + points);
    }

    @Test
    void contourAtALevelOutsideTheFieldIsEmpty() {
        Grid g = Grid.evaluate((x, y) -> x + y, 0, 1, 11, 0, 1, 11);
        // x + y <= 2 on the unit square: no cell straddles level 5.
        assertEquals(0, ContourChart.segments(g, 5)[0].length);
    }

    @Test
    void histogramDensityIntegratesToTheFractionInRange() {
        double[] x = {0.05, 0.15, 0.15, 0.95, 1.0, 1.5, -0.1};
        double[] d = HistogramChart.density(x, 0, 1, 10);
        double mass = 0;
        for (double v : d) {
            mass += v * 0.1;
        }
        // 5 of the 7 values lie in [0, 1] (1.0 itself falls in the last bin).
        assertEquals(5.0 / 7, mass, 1e-12);
        assertEquals(2 / (7 * 0.1), d[1], 1e-12);
        assertEquals(2 / (7 * 0.1), d[9], 1e-12);
    }

    @Test
    void ternaryCoordinatesPutTheVerticesAtTheTriangleCorners() {
        assertEquals(0, SimplexChart.tx(new double[] {1, 0, 0}), 0);
        assertEquals(0, SimplexChart.ty(new double[] {1, 0, 0}), 0);
        assertEquals(1, SimplexChart.tx(new double[] {0, 1, 0}), 0);
        assertEquals(0.5, SimplexChart.tx(new double[] {0, 0, 1}), 0);
        assertEquals(Math.sqrt(3) / 2, SimplexChart.ty(new double[] {0, 0, 1}), 1e-15);
        // The barycentre maps to the centroid (1/2, sqrt(3)/6).
        double[] c = {1.0 / 3, 1.0 / 3, 1.0 / 3};
        assertEquals(0.5, SimplexChart.tx(c), 1e-15);
        assertEquals(Math.sqrt(3) / 6, SimplexChart.ty(c), 1e-15);
    }

    @Test
    void chartsAreWrittenAsPngAndSvg() throws IOException {
        double[] x = {1, 2, 3};
        LineChart.of("t", "x", "y").logY(true).add("a", x, new double[] {1, Double.NaN, 0.01}).save(tmp, "line");
        BarChart.of("t", "y", List.of("u", "v")).logY(true).add("s", new double[] {1e-3, 10}).save(tmp, "bar");
        for (String f : List.of("line.png", "line.svg", "bar.png", "bar.svg")) {
            assertTrue(Files.size(tmp.resolve(f)) > 1000, f);
        }
        assertTrue(Files.readString(tmp.resolve("line.svg")).startsWith("<?xml"));
    }

    @Test
    void badInputIsRejectedWithTheValueInTheMessage() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("t", "x", "y").add("a", new double[2], new double[3]));
        assertTrue(e.getMessage().contains("2") && e.getMessage().contains("3"));
        assertThrows(IllegalArgumentException.class,
                () -> BarChart.of("t", "y", List.of("u")).logY(true).add("s", new double[] {0}).save(tmp, "b"));
        assertThrows(IllegalArgumentException.class, () -> HistogramChart.of("t", "x", 1, 0, 10));
    }
}
