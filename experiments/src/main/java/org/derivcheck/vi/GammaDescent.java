package org.derivcheck.vi;

/**
 * Full-batch gradient descent and natural-gradient descent on the mean Gamma NLL (Question 2.2.18).
 * One epoch is one step on the whole sample.
 *
 * <p>Positivity by construction, the same rule for both methods: a step that would take alpha or beta
 * below {@link #KEEP} (one half) of its current value is shortened, direction unchanged, so that it lands
 * exactly there (the fraction-to-the-boundary rule of interior-point methods). Every iterate is
 * therefore positive, and a step that stays well inside the domain is taken unchanged. A fixed floor
 * (clipping to 1e-6) was tried first and rejected: natural gradient's first step from (0.5, 8) overshoots
 * far below zero, and from a clipped 1e-6 the natural gradient climbs back only geometrically, so the
 * floor's arbitrary value decided the result.
 */
public final class GammaDescent {
    /** No step takes a parameter below this fraction of its current value. */
    public static final double KEEP = 0.5;

    /** The two update rules. */
    public enum Method {
        /** theta := theta - eta grad L. */
        GRADIENT("gd", "gradient descent"),
        /** theta := theta - eta F(theta)^{-1} grad L. */
        NATURAL("natgrad", "natural gradient descent");

        private final String id;
        private final String label;

        Method(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }
    }

    /** alpha, beta and the mean NLL after 0, 1, ..., epochs steps, and how many steps were shortened. */
    public record Trace(Method method, double eta, double[] alpha, double[] beta, double[] nll, int shortened) {
        public double finalAlpha() {
            return alpha[alpha.length - 1];
        }

        public double finalBeta() {
            return beta[beta.length - 1];
        }

        public double finalNll() {
            return nll[nll.length - 1];
        }

        /** The first epoch at which the NLL is within {@code gap} of {@code reference}, or -1 if never. */
        public int epochsToReach(double reference, double gap) {
            for (int i = 0; i < nll.length; i++) {
                if (nll[i] - reference <= gap) {
                    return i;
                }
            }
            return -1;
        }
    }

    private GammaDescent() {
    }

    /**
     * The best fixed gradient-descent step for the local quadratic model at (alpha, beta):
     * 2 / (lambda_min + lambda_max) of the Hessian F(alpha, beta) (Polyak 1987, section 1.4). Its
     * contraction factor per step is (kappa - 1)/(kappa + 1) with kappa = lambda_max / lambda_min.
     */
    public static double quadraticOptimalStep(double alpha, double beta) {
        double[] ev = hessianEigenvalues(alpha, beta);
        return 2 / (ev[0] + ev[1]);
    }

    /** The eigenvalues (smallest first) of F(alpha, beta) = [[psi1(alpha), -1/beta], [-1/beta, alpha/beta^2]]. */
    public static double[] hessianEigenvalues(double alpha, double beta) {
        double f11 = org.apache.commons.numbers.gamma.Trigamma.value(alpha);
        double f12 = -1 / beta;
        double f22 = alpha / (beta * beta);
        double mean = 0.5 * (f11 + f22);
        double r = Math.hypot(0.5 * (f11 - f22), f12);
        return new double[] {mean - r, mean + r};
    }

    /** Runs {@code epochs} steps of {@code method} with step size {@code eta} from (alpha0, beta0). */
    public static Trace run(GammaNll nll, Method method, double eta, double alpha0, double beta0, int epochs) {
        Checks.positive("eta", eta);
        Checks.positive("alpha0", alpha0);
        Checks.positive("beta0", beta0);
        Checks.atLeast("epochs", epochs, 0);
        double[] alpha = new double[epochs + 1];
        double[] beta = new double[epochs + 1];
        double[] value = new double[epochs + 1];
        double[] g = new double[2];
        double[] d = new double[2];
        alpha[0] = alpha0;
        beta[0] = beta0;
        value[0] = nll.value(alpha0, beta0);
        int shortened = 0;
        for (int t = 1; t <= epochs; t++) {
            double al = alpha[t - 1];
            double be = beta[t - 1];
            nll.gradient(al, be, g);
            if (method == Method.NATURAL) {
                GammaNll.solveFisher(al, be, g[0], g[1], d);
            } else {
                d[0] = g[0];
                d[1] = g[1];
            }
            double da = -eta * d[0];
            double db = -eta * d[1];
            double k = Math.min(1, Math.min(limit(al, da), limit(be, db)));
            if (k < 1) {
                shortened++;
            }
            alpha[t] = finite(al + k * da, al);
            beta[t] = finite(be + k * db, be);
            value[t] = nll.value(alpha[t], beta[t]);
        }
        return new Trace(method, eta, alpha, beta, value, shortened);
    }

    /** The largest fraction of the step delta that keeps x + k delta &gt;= KEEP x. */
    private static double limit(double x, double delta) {
        if (delta >= -(1 - KEEP) * x) {
            return 1;
        }
        return (1 - KEEP) * x / -delta;
    }

    /** Guards against an overflowing step far from the optimum: keep the previous value instead. */
    private static double finite(double next, double previous) {
        return Double.isFinite(next) ? next : previous;
    }
}
