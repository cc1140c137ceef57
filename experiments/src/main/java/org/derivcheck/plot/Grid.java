package org.derivcheck.plot;

import java.util.function.DoubleBinaryOperator;

/**
 * Values z[i][j] = f(x[i], y[j]) of a scalar field on a rectangular grid, for contour charts.
 */
public record Grid(double[] x, double[] y, double[][] z) {
    public Grid {
        if (x.length < 2 || y.length < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 x 2 points, got " + x.length + " x " + y.length);
        }
        if (z.length != x.length) {
            throw new IllegalArgumentException("z has " + z.length + " rows for " + x.length + " x values");
        }
        for (double[] row : z) {
            if (row.length != y.length) {
                throw new IllegalArgumentException("a z row has " + row.length + " values for " + y.length + " y values");
            }
        }
    }

    /** Evaluates {@code f} on an evenly spaced nx-by-ny grid over [x0, x1] x [y0, y1]. */
    public static Grid evaluate(DoubleBinaryOperator f, double x0, double x1, int nx, double y0, double y1, int ny) {
        double[] x = linspace(x0, x1, nx);
        double[] y = linspace(y0, y1, ny);
        double[][] z = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                z[i][j] = f.applyAsDouble(x[i], y[j]);
            }
        }
        return new Grid(x, y, z);
    }

    /** The largest z value. */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    static double[] linspace(double a, double b, int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = a + (b - a) * i / (n - 1);
        }
        return r;
    }
}
