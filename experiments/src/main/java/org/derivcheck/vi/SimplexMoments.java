package org.derivcheck.vi;

/**
 * The total mass and the means E[y_k] of the Gumbel-Softmax density, by tanh-sinh quadrature over the
 * simplex, for K = 2 (y_1 = s) or K = 3 (y = (s, (1 - s) u, (1 - s)(1 - u)), Jacobian 1 - s). The
 * density's singularities sit on the simplex's faces, where tanh-sinh is at its best.
 *
 * @param mass the integral of the density (1 if the density is right)
 * @param mean E[y_k], k = 1..K (divided by the mass)
 */
public record SimplexMoments(double mass, double[] mean) {
    public SimplexMoments {
        mean = mean.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** Computes the moments of {@code g} (K = 2 or 3) with the tanh-sinh rule of step {@code h}. */
    public static SimplexMoments of(GumbelSoftmax g, double h) {
        TanhSinh rule = TanhSinh.of(h);
        return switch (g.classes()) {
            case 2 -> two(g, rule);
            case 3 -> three(g, rule);
            default -> throw new IllegalArgumentException(
                    "quadrature over the simplex is implemented for 2 or 3 classes, got " + g.classes());
        };
    }

    private static SimplexMoments two(GumbelSoftmax g, TanhSinh r) {
        double[] logY = new double[2];
        double mass = 0;
        double m1 = 0;
        for (int i = 0; i < r.size(); i++) {
            logY[0] = r.logX()[i];
            logY[1] = r.logOneMinusX()[i];
            double p = Math.exp(r.logWeight()[i] + g.logDensityFromLogs(logY));
            mass += p;
            m1 += p * r.x()[i];
        }
        return new SimplexMoments(mass, new double[] {m1 / mass, 1 - m1 / mass});
    }

    private static SimplexMoments three(GumbelSoftmax g, TanhSinh r) {
        double[] logY = new double[3];
        double mass = 0;
        double[] m = new double[3];
        int n = r.size();
        for (int i = 0; i < n; i++) {
            double logS = r.logX()[i];
            double log1mS = r.logOneMinusX()[i];
            double outer = r.logWeight()[i] + log1mS;
            for (int j = 0; j < n; j++) {
                logY[0] = logS;
                logY[1] = log1mS + r.logX()[j];
                logY[2] = log1mS + r.logOneMinusX()[j];
                double p = Math.exp(outer + r.logWeight()[j] + g.logDensityFromLogs(logY));
                mass += p;
                m[0] += p * Math.exp(logY[0]);
                m[1] += p * Math.exp(logY[1]);
                m[2] += p * Math.exp(logY[2]);
            }
        }
        return new SimplexMoments(mass, new double[] {m[0] / mass, m[1] / mass, m[2] / mass});
    }
}
