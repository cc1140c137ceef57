package org.derivcheck.plot;

import java.util.Arrays;

/**
 * Contour lines of a {@link Grid} at one level by marching squares: each grid cell contributes zero,
 * one or two straight segments whose ends are linearly interpolated along the cell's edges; the two
 * saddle cases are resolved by the cell's centre value. The result is one x/y array pair with the
 * segments separated by NaN (which breaks a chart line).
 */
final class MarchingSquares {
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int size;

    private MarchingSquares() {
    }

    /** The contour of {@code g} at {@code level} as NaN-separated segments: {x[], y[]}. */
    static double[][] contour(Grid g, double level) {
        MarchingSquares m = new MarchingSquares();
        double[] x = g.x();
        double[] y = g.y();
        double[][] z = g.z();
        for (int i = 0; i + 1 < x.length; i++) {
            for (int j = 0; j + 1 < y.length; j++) {
                m.cell(x[i], x[i + 1], y[j], y[j + 1], z[i][j], z[i + 1][j], z[i + 1][j + 1], z[i][j + 1], level);
            }
        }
        return new double[][] {Arrays.copyOf(m.xs, m.size), Arrays.copyOf(m.ys, m.size)};
    }

    /** Corners counter-clockwise from (x0, y0): a = (x0,y0), b = (x1,y0), c = (x1,y1), d = (x0,y1). */
    private void cell(double x0, double x1, double y0, double y1, double a, double b, double c, double d, double level) {
        int index = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
        if (index == 0 || index == 15) {
            return;
        }
        // Edge crossing points: bottom (a-b), right (b-c), top (d-c), left (a-d).
        double bx = lerp(x0, x1, a, b, level);
        double ry = lerp(y0, y1, b, c, level);
        double tx = lerp(x0, x1, d, c, level);
        double ly = lerp(y0, y1, a, d, level);
        switch (index) {
            case 1, 14 -> segment(bx, y0, x0, ly);
            case 2, 13 -> segment(bx, y0, x1, ry);
            case 3, 12 -> segment(x0, ly, x1, ry);
            case 4, 11 -> segment(x1, ry, tx, y1);
            case 6, 9 -> segment(bx, y0, tx, y1);
            case 7, 8 -> segment(x0, ly, tx, y1);
            case 5, 10 -> {
                boolean centreAbove = 0.25 * (a + b + c + d) > level;
                // index 5: a and c above. Centre above joins them: cut off b and d.
                if ((index == 5) == centreAbove) {
                    segment(bx, y0, x1, ry);
                    segment(x0, ly, tx, y1);
                } else {
                    segment(bx, y0, x0, ly);
                    segment(x1, ry, tx, y1);
                }
            }
            default -> throw new IllegalStateException("marching squares index " + index);
        }
    }

    private static double lerp(double p0, double p1, double v0, double v1, double level) {
        double t = (level - v0) / (v1 - v0);
        return p0 + t * (p1 - p0);
    }

    private void segment(double xa, double ya, double xb, double yb) {
        if (size + 3 > xs.length) {
            xs = Arrays.copyOf(xs, 2 * xs.length);
            ys = Arrays.copyOf(ys, 2 * ys.length);
        }
        xs[size] = xa;
        ys[size++] = ya;
        xs[size] = xb;
        ys[size++] = yb;
        xs[size] = Double.NaN;
        ys[size++] = Double.NaN;
    }
}
