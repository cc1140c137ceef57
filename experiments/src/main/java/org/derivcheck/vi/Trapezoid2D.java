package org.derivcheck.vi;

import java.util.function.DoubleBinaryOperator;

/**
 * The trapezoidal rule on a rectangle for integrands given by their logarithm, summed with a running
 * maximum so that exp never overflows. For an analytic integrand that has decayed to nothing at the
 * rectangle's edges (a posterior density on a box of many standard deviations) the trapezoidal rule
 * converges geometrically in the number of points (Trefethen and Weideman 2014), so a modest grid gives
 * near machine precision.
 */
public final class Trapezoid2D {
    private Trapezoid2D() {
    }

    /** log of the integral of exp(logF(x, y)) over [x0, x1] x [y0, y1] with nx by ny points. */
    public static double logIntegral(DoubleBinaryOperator logF, double x0, double x1, int nx, double y0, double y1,
            int ny) {
        Checks.atLeast("nx", nx, 2);
        Checks.atLeast("ny", ny, 2);
        double hx = (x1 - x0) / (nx - 1);
        double hy = (y1 - y0) / (ny - 1);
        double[] logs = new double[nx * ny];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nx; i++) {
            double x = x0 + i * hx;
            double wx = (i == 0 || i == nx - 1) ? 0.5 : 1;
            for (int j = 0; j < ny; j++) {
                double y = y0 + j * hy;
                double wy = (j == 0 || j == ny - 1) ? 0.5 : 1;
                double v = logF.applyAsDouble(x, y) + Math.log(wx * wy);
                logs[i * ny + j] = v;
                if (v > max) {
                    max = v;
                }
            }
        }
        double s = 0;
        for (double v : logs) {
            s += Math.exp(v - max);
        }
        return max + Math.log(s) + Math.log(hx * hy);
    }

    /**
     * The integral of exp(logP(x, y)) g(x, y) over the rectangle: an expectation when exp(logP) is a
     * density whose mass lies inside it.
     */
    public static double integral(DoubleBinaryOperator logP, DoubleBinaryOperator g, double x0, double x1, int nx,
            double y0, double y1, int ny) {
        Checks.atLeast("nx", nx, 2);
        Checks.atLeast("ny", ny, 2);
        double hx = (x1 - x0) / (nx - 1);
        double hy = (y1 - y0) / (ny - 1);
        double s = 0;
        for (int i = 0; i < nx; i++) {
            double x = x0 + i * hx;
            double wx = (i == 0 || i == nx - 1) ? 0.5 : 1;
            for (int j = 0; j < ny; j++) {
                double y = y0 + j * hy;
                double wy = (j == 0 || j == ny - 1) ? 0.5 : 1;
                double p = Math.exp(logP.applyAsDouble(x, y));
                if (p > 0) {
                    s += wx * wy * p * g.applyAsDouble(x, y);
                }
            }
        }
        return s * hx * hy;
    }
}
