package org.derivcheck.vi;

/**
 * Tanh-sinh (double-exponential) quadrature nodes on (0, 1) (Takahasi and Mori 1974): x = 1/(1 + e^{-pi sinh t})
 * at t = k h, |t| &lt;= {@link #T_MAX}, weight h pi cosh(t) x (1 - x). Both log x and log(1 - x) are
 * computed without cancellation, so integrands with algebraic singularities at either end can be
 * evaluated in log space right up to the ends; the rule converges double-exponentially for such
 * integrands.
 */
public record TanhSinh(double h, double[] x, double[] logX, double[] logOneMinusX, double[] logWeight) {
    /**
     * The nodes run to |t| = 8, where log(1 - x) = -pi sinh 8 = -4683: even an integrand as singular as
     * (1 - x)^{-0.99} (the Concrete density at temperature 0.01) has then decayed below e^-46.
     */
    public static final double T_MAX = 8.0;

    /** The rule with step {@code h} (e.g. 1/16; halving h roughly doubles the correct digits). */
    public static TanhSinh of(double h) {
        Checks.positive("h", h);
        int k = (int) Math.floor(T_MAX / h);
        int size = 2 * k + 1;
        double[] x = new double[size];
        double[] lx = new double[size];
        double[] l1x = new double[size];
        double[] lw = new double[size];
        for (int i = 0; i < size; i++) {
            double t = (i - k) * h;
            double u = Math.PI * Math.sinh(t);
            // log x = -log(1 + e^{-u}), log(1 - x) = -log(1 + e^{u})
            lx[i] = -softplus(-u);
            l1x[i] = -softplus(u);
            x[i] = Math.exp(lx[i]);
            lw[i] = Math.log(h * Math.PI * Math.cosh(t)) + lx[i] + l1x[i];
        }
        return new TanhSinh(h, x, lx, l1x, lw);
    }

    public int size() {
        return x.length;
    }

    /** log(1 + e^v) without overflow. */
    private static double softplus(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }
}
