package org.derivcheck.cas;

import java.util.Optional;
import org.derivcheck.cas.NumericFunction.QuadratureLog;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.integrate.DoubleExponential;
import org.derivcheck.integrate.Laws;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Numeric expectations over the vector and matrix families (VectorFamilies) when the table has no closed
 * form. Deterministic where the dimension allows: a one-hot Categorical and a Multinomial (up to
 * {@link #MAX_CELLS} count vectors) are exact finite sums; a Dirichlet with K = 2 or 3 is (nested)
 * double-exponential quadrature by stick breaking (t1 ~ Beta(a1, a2 + a3), t2 = (1 - t1) s with
 * s ~ Beta(a2, a3)); a multivariate Normal of dimension 1 or 2 nests the conditional Normals. Otherwise a
 * Monte Carlo replicate draws one sample: Dirichlet as normalized Gammas, Multinomial by conditional
 * Binomials, multivariate Normal through a Cholesky factor, Wishart by Bartlett's decomposition.
 * Parameters are laid out flat: Dirichlet and one-hot Categorical K entries; Multinomial n then K;
 * MvNormal m (K) then S row by row; Wishart nu then W row by row.
 */
final class VectorLaws {
    /** Largest number of count vectors summed exactly for a Multinomial. */
    static final int MAX_CELLS = 20_000;

    private VectorLaws() {
    }

    /** How many nested integrals the family costs in the deterministic path (0 for an exact finite sum). */
    static int dimensions(IExpr h, int components) {
        if (h == Families.ONE_HOT || h == Families.MULTINOMIAL) {
            return 0;
        }
        if (h == Families.DIRICHLET) {
            return components - 1;
        }
        return components;
    }

    private static int wishartSize(int components) {
        int d = 1;
        while (d * (d + 1) / 2 < components) {
            d++;
        }
        return d;
    }

    static NumericCompiler.Node node(IExpr h, NumericCompiler.Node[] params, int[] vs, NumericCompiler.Node body) {
        int k = vs.length;
        if (h == Families.ONE_HOT) {
            return f -> {
                double[] p = Deterministic.values(params, f);
                if (p == null || !simplex(p, 0)) {
                    return Double.NaN;
                }
                double s = 0;
                for (int i = 0; i < k; i++) {
                    for (int q = 0; q < k; q++) {
                        f.slots[vs[q]] = q == i ? 1 : 0;
                    }
                    if (p[i] > 0) {
                        s += p[i] * body.eval(f);
                    }
                }
                return s;
            };
        }
        if (h == Families.MULTINOMIAL) {
            return f -> {
                double[] p = Deterministic.values(params, f);
                if (p == null || !(p[0] >= 0) || p[0] != Math.rint(p[0]) || !simplex(p, 1) || cells((int) p[0], k) > MAX_CELLS) {
                    return Double.NaN;
                }
                int n = (int) p[0];
                double[] logFact = new double[n + 1];
                for (int i = 2; i <= n; i++) {
                    logFact[i] = logFact[i - 1] + Math.log(i);
                }
                return multinomialSum(f, logFact, p, vs, body, 0, n, 0);
            };
        }
        if (h == Families.DIRICHLET && (k == 2 || k == 3)) {
            return f -> {
                double[] a = Deterministic.values(params, f);
                if (a == null || !positive(a)) {
                    return Double.NaN;
                }
                double rest = k == 2 ? a[1] : a[1] + a[2];
                Optional<Laws.Law> first = Laws.of("Beta", new double[] {a[0], rest});
                if (first.isEmpty()) {
                    return Double.NaN;
                }
                return integrate(f, first.get(), (t1, u1) -> {
                    f.slots[vs[0]] = t1;
                    if (k == 2) {
                        f.slots[vs[1]] = u1;
                        return body.eval(f);
                    }
                    Optional<Laws.Law> second = Laws.of("Beta", new double[] {a[1], a[2]});
                    if (second.isEmpty()) {
                        return Double.NaN;
                    }
                    return integrate(f, second.get(), (s, us) -> {
                        f.slots[vs[1]] = u1 * s;
                        f.slots[vs[2]] = u1 * us;
                        return body.eval(f);
                    });
                });
            };
        }
        if (h == Families.MV_NORMAL && (k == 1 || k == 2)) {
            return f -> {
                double[] p = Deterministic.values(params, f);
                if (p == null) {
                    return Double.NaN;
                }
                double s11 = p[k];
                if (k == 1) {
                    return normal(f, p[0], s11, x -> {
                        f.slots[vs[0]] = x;
                        return body.eval(f);
                    });
                }
                double s12 = p[3];
                double s22 = p[5];
                double cond = s22 - s12 * s12 / s11;
                if (!(s11 > 0) || !(cond > 0) || p[3] != p[4]) {
                    return Double.NaN;
                }
                return normal(f, p[0], s11, x1 -> {
                    f.slots[vs[0]] = x1;
                    return normal(f, p[1] + s12 / s11 * (x1 - p[0]), cond, x2 -> {
                        f.slots[vs[1]] = x2;
                        return body.eval(f);
                    });
                });
            };
        }
        throw new CasException(CasException.Kind.ERROR, "no deterministic rule for " + Ops.familyName((org.matheclipse.core.interfaces.ISymbol) h)
                + " with " + k + " components (Monte Carlo decides)");
    }

    private interface Body2 {
        double at(double x, double oneMinusX);
    }

    /**
     * One integral of the stick-breaking nest. An inner integral (inside another) whose last two levels still
     * differ after the finest level counts as resolved when its tails are negligible: its value enters the
     * outer integral weighted by a density, so the largest inner error (the last levels' difference, which the
     * log keeps and adds to the outer error) bounds what it changes; it is the body's own rounding that stops
     * convergence there (log(t1 + t2) with t1 near 1 cancels to a value of 1e-9 with an absolute noise of 1e-18).
     */
    private static double integrate(NumericCompiler.Frame f, Laws.Law law, Body2 body) {
        QuadratureLog log = f.log;
        boolean inner = log.depth > 0;
        log.depth++;
        DoubleExponential.Result r;
        try {
            r = DoubleExponential.integrate((x, dLo, dHi) -> {
                double w = law.pdf().at(x, dLo, dHi);
                return w == 0 ? 0 : w * body.at(dLo, dHi);
            }, law.lo(), law.hi(), law.center(), law.scale(), Deterministic.TOLERANCE);
        } finally {
            log.depth--;
        }
        if (inner && !r.converged() && r.tailOk() && Double.isFinite(r.value()) && Double.isFinite(r.error())) {
            r = new DoubleExponential.Result(r.value(), r.error(), r.l1(), true, true, r.evaluations());
        }
        log.record(r);
        return r.value();
    }

    private static double normal(NumericCompiler.Frame f, double m, double v, java.util.function.DoubleUnaryOperator body) {
        Optional<Laws.Law> law = Laws.of("Normal", new double[] {m, v});
        if (law.isEmpty()) {
            return Double.NaN;
        }
        return Deterministic.integrate(f, law.get(), body);
    }

    private static boolean positive(double[] a) {
        for (double v : a) {
            if (!(v > 0) || !Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** p[from..] nonnegative and summing to 1 within rounding. */
    private static boolean simplex(double[] p, int from) {
        double s = 0;
        for (int i = from; i < p.length; i++) {
            if (!(p[i] >= 0)) {
                return false;
            }
            s += p[i];
        }
        return Math.abs(s - 1) <= 1e-12 * (p.length - from);
    }

    private static double cells(int n, int k) {
        double c = 1;
        for (int i = 1; i < k; i++) {
            c = c * (n + i) / i;
        }
        return c;
    }

    /** Sum over x_at..x_K with x_at + ... = left of the mass times the body; logMass accumulates -log x_i! + x_i log p_i. */
    private static double multinomialSum(NumericCompiler.Frame f, double[] logFact, double[] p, int[] vs, NumericCompiler.Node body,
            int at, int left, double logMass) {
        int k = vs.length;
        double pi = p[at + 1];
        if (at == k - 1) {
            if (pi == 0 && left > 0) {
                return 0;
            }
            f.slots[vs[at]] = left;
            double lm = logMass + (left == 0 ? 0 : left * Math.log(pi)) - logFact[left] + logFact[logFact.length - 1];
            return Math.exp(lm) * body.eval(f);
        }
        double s = 0;
        for (int x = 0; x <= left; x++) {
            if (pi == 0 && x > 0) {
                break;
            }
            f.slots[vs[at]] = x;
            s += multinomialSum(f, logFact, p, vs, body, at + 1, left - x, logMass + (x == 0 ? 0 : x * Math.log(pi))
                    - logFact[x]);
        }
        return s;
    }

    /** One Monte Carlo draw of the vector (matrix) variable into its slots, then the body. */
    static NumericCompiler.Node sampled(IExpr h, NumericCompiler.Node[] params, int[] vs, NumericCompiler.Node body) {
        int k = vs.length;
        return f -> {
            double[] p = Deterministic.values(params, f);
            if (p == null || !draw(h, p, k, f.rng, f.slots, vs)) {
                return Double.NaN;
            }
            Deadline.check();
            return body.eval(f);
        };
    }

    private static boolean draw(IExpr h, double[] p, int k, RandomGenerator rng, double[] slots, int[] vs) {
        if (h == Families.DIRICHLET) {
            if (!positive(p)) {
                return false;
            }
            double s = 0;
            double[] g = new double[k];
            for (int i = 0; i < k; i++) {
                g[i] = Samplers.gamma(rng, p[i]);
                s += g[i];
            }
            for (int i = 0; i < k; i++) {
                slots[vs[i]] = g[i] / s;
            }
            return s > 0;
        }
        if (h == Families.ONE_HOT) {
            if (!simplex(p, 0)) {
                return false;
            }
            double u = rng.nextDouble();
            double c = 0;
            int pick = k - 1;
            for (int i = 0; i < k; i++) {
                c += p[i];
                if (u < c) {
                    pick = i;
                    break;
                }
            }
            for (int i = 0; i < k; i++) {
                slots[vs[i]] = i == pick ? 1 : 0;
            }
            return true;
        }
        if (h == Families.MULTINOMIAL) {
            if (!(p[0] >= 0) || p[0] != Math.rint(p[0]) || p[0] > 1e6 || !simplex(p, 1)) {
                return false;
            }
            int left = (int) p[0];
            double mass = 1;
            for (int i = 0; i < k; i++) {
                double q = i == k - 1 || mass <= 0 ? 1 : Math.min(1, p[i + 1] / mass);
                int x = left == 0 ? 0 : i == k - 1 ? left
                        : (int) Laws.of("Binomial", new double[] {left, q}).orElseThrow().sample(rng);
                slots[vs[i]] = x;
                left -= x;
                mass -= p[i + 1];
            }
            return true;
        }
        if (h == Families.MV_NORMAL) {
            double[][] l = cholesky(p, k, k);
            if (l == null) {
                return false;
            }
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = rng.nextGaussian();
            }
            for (int i = 0; i < k; i++) {
                double x = p[i];
                for (int j = 0; j <= i; j++) {
                    x += l[i][j] * z[j];
                }
                slots[vs[i]] = x;
            }
            return true;
        }
        if (h == Families.WISHART) {
            int d = wishartSize(k);
            double nu = p[0];
            double[][] l = cholesky(p, 1, d);
            if (l == null || !(nu > d - 1)) {
                return false;
            }
            // Bartlett: A lower triangular, A_ii^2 ~ chi2(nu - i) (i from 0), A_ij ~ N(0, 1) below; L A A^T L^T
            double[][] a = new double[d][d];
            for (int i = 0; i < d; i++) {
                a[i][i] = Math.sqrt(2 * Samplers.gamma(rng, (nu - i) / 2));
                for (int j = 0; j < i; j++) {
                    a[i][j] = rng.nextGaussian();
                }
            }
            double[][] la = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    for (int q = 0; q < d; q++) {
                        s += l[i][q] * a[q][j];
                    }
                    la[i][j] = s;
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    double s = 0;
                    for (int q = 0; q < d; q++) {
                        s += la[i][q] * la[j][q];
                    }
                    slots[vs[VectorFamilies.upper(i, j, d)]] = s;
                }
            }
            return true;
        }
        return false;
    }

    /** The lower Cholesky factor of the d x d symmetric matrix at p[from..] (row by row), or null if not positive definite. */
    private static double[][] cholesky(double[] p, int from, int d) {
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                if (p[from + i * d + j] != p[from + j * d + i]) {
                    return null;
                }
                double v = p[from + i * d + j];
                for (int q = 0; q < j; q++) {
                    v -= l[i][q] * l[j][q];
                }
                if (i == j) {
                    if (!(v > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(v);
                } else {
                    l[i][j] = v / l[j][j];
                }
            }
        }
        return l;
    }
}
