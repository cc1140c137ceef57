package org.derivcheck.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.NumericFunction.FiniteModel;
import org.derivcheck.cas.Scope;

/**
 * Makes finite instances of a derivation's abstract densities: supports of size 2 to 4, positive
 * tables normalized over all of a density's variables, real tables for functions, softmax tables for
 * parameterized densities. The first instances are edge cases: all supports of size 2 with uniform
 * tables, a near-zero entry, a nearly degenerate density, and equal densities (q = p wherever two
 * densities have the same variables) with constant functions (0 in the nearly degenerate one). Then, besides the ordinary instances:
 * large supports (up to 40 cells a variable, 2000 cells a density; also 10^3 to 10^4 cells shared among the
 * finite variables, uniform or skewed, so that constants in a claim such as 1/1000 matter), cell widths over six
 * decades (1e-3 to 1e3, so that entropies, densities and support measures reach large and small values) and
 * skewed tables (log-normal entries with a large spread); every third large one puts a density over several
 * variables on the diagonal (the variables determine each other, so their mutual information is the log of the
 * support size).
 */
final class Instances {
    /** Edge cases come first. */
    static final int EDGE_CASES = 4;
    /** The most cells of one density in a large-support instance. */
    static final int MAX_CELLS = 2000;
    /** The most cells of one density in a very large instance (one finite variable only). */
    static final int HUGE_CELLS = 10_000;
    private final List<Scope.Density> densities;
    private final List<String> finiteVariables;
    private final Map<String, int[]> ranges = new LinkedHashMap<>();
    /** Independent draws zs(1..K) multiply the cells of every expectation: no large supports then. */
    private final boolean draws;

    /** Support sizes: 2 to 4, or the declared {min, max} of a finite symbol. */
    Instances(Scope table, List<org.derivcheck.derivation.SymbolDecl> decls) {
        this.densities = table.densities();
        this.finiteVariables = table.declared().stream().filter(Scope.Declared::finite)
                .map(Scope.Declared::name).toList();
        this.draws = decls.stream().anyMatch(d -> d.indexed() && d.domain() == org.derivcheck.derivation.Domain.FINITE);
        for (var d : decls) {
            // only a declared size range is kept (2 to 4 otherwise, with large supports among the instances)
            if (d.domain() == org.derivcheck.derivation.Domain.FINITE && (!Double.isNaN(d.min()) || !Double.isNaN(d.max()))) {
                int lo = Double.isNaN(d.min()) ? 2 : Math.max(1, (int) d.min());
                int hi = Double.isNaN(d.max()) ? Math.max(lo, 4) : Math.max(lo, (int) d.max());
                ranges.put(d.name(), new int[] {lo, hi});
            }
        }
    }

    List<Scope.Density> densities() {
        return densities;
    }

    List<String> finiteVariables() {
        return finiteVariables;
    }

    /** Each finite variable's least support size: its declared minimum, else 2. */
    Map<String, Integer> leastSizes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String v : finiteVariables) {
            out.put(v, ranges.getOrDefault(v, new int[] {2, 4})[0]);
        }
        return out;
    }

    FiniteModel make(int i, RandomGenerator rng) {
        return make(i, rng, true);
    }

    /**
     * The i-th instance; without {@code large}, no large or very large supports (for claims evaluated with numeric
     * derivatives over the tables, whose cost grows with the square of the cells).
     */
    FiniteModel make(int i, RandomGenerator rng, boolean large) {
        NormalizedGaussianSampler g = gaussian(rng);
        // the kind of a random instance: ordinary (and every fourth a probability table), large support,
        // extreme widths, skewed tables
        // (and very large supports: 10^3 to 10^4 cells shared among the finite variables, uniform or skewed)
        int kind = i < EDGE_CASES ? -1 : i % 7 == 5 && !draws && large ? 1 : i % 7 == 3 ? 2 : i % 7 == 6 ? 3
                : i % 7 == 4 && !draws && large && !finiteVariables.isEmpty() ? 4 : 0;
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String v : finiteVariables) {
            int[] r = ranges.getOrDefault(v, new int[] {2, 4});
            int size = i < EDGE_CASES ? r[0] : r[0] + rng.nextInt(r[1] - r[0] + 1);
            if (kind == 1 && !ranges.containsKey(v)) {
                size = largeSize(rng);
            }
            if (kind == 4 && !ranges.containsKey(v)) {
                // 10^3 to 10^4 cells in all, shared among the finite variables (a sum over all of them stays cheap)
                // (the diagonal ones, every third, at the most cells: their mutual information is the log of the size)
                double total = i % 3 == 2 ? HUGE_CELLS : Math.exp(Math.log(1e3) + rng.nextDouble() * Math.log(10));
                size = Math.max(2, (int) Math.round(Math.pow(total, 1.0 / finiteVariables.size())));
            }
            sizes.put(v, size);
        }
        if (kind == 1) {
            shrinkToFit(sizes, MAX_CELLS);
        } else if (kind == 4) {
            shrinkToFit(sizes, HUGE_CELLS);
        }
        Map<String, double[]> tables = new LinkedHashMap<>();
        Map<String, double[][]> logits = new LinkedHashMap<>();
        Map<List<String>, double[]> shared = new java.util.HashMap<>();
        for (Scope.Density d : densities) {
            int n = cells(d, sizes);
            if (!d.params().isEmpty()) {
                logits.put(d.name(), gaussianLogits(d, n, g));
                continue;
            }
            double[] t = new double[n];
            double spread = kind == 3 || kind == 4 && i % 2 == 1 ? 4 : 1.5;
            boolean uniform = i == 0 || kind == 4 && i % 2 == 0;
            for (int k = 0; k < n; k++) {
                t[k] = d.normalized() ? (uniform ? 1 : Math.exp(spread * g.sample()))
                        : kind == 3 ? 30 * g.sample() : 2 * g.sample();
            }
            // a density over several variables concentrated on the diagonal of its large support (the variables
            // determine each other): its mutual information is the log of the support size, out of reach of random tables
            if ((kind == 4 || kind == 1) && i % 3 == 2 && d.normalized() && d.variables().size() >= 2) {
                diagonal(t, d.variables(), sizes);
            }
            if (i == 3) {
                double[] same = shared.get(d.variables());
                if (same != null && same.length == n) {
                    t = same.clone(); // q = p: densities over the same variables are equal
                } else {
                    shared.put(d.variables(), t);
                }
                if (!d.normalized()) {
                    java.util.Arrays.fill(t, 1.7); // a constant function
                }
            }
            if (!d.normalized() && i == 2) {
                java.util.Arrays.fill(t, 0); // a function that is 0 everywhere (Sum(f(z)^2, z) > 0 fails)
            }
            if (d.normalized()) {
                if (i == 1) {
                    t[rng.nextInt(n)] = 1e-9; // near-zero mass
                } else if (i == 2) {
                    java.util.Arrays.fill(t, 1e-6); // nearly degenerate
                    t[rng.nextInt(n)] = 1;
                }
                double s = 0;
                for (double x : t) {
                    s += x;
                }
                for (int k = 0; k < n; k++) {
                    t[k] /= s;
                }
            }
            tables.put(d.name(), t);
        }
        Map<String, Double> widths = new LinkedHashMap<>();
        for (String v : finiteVariables) {
            // edge cases and every fourth instance are plain probability tables (width 1); the others are
            // continuous-like, widths from 0.05 to 5
            // continuous-like, widths from 0.05 to 5; extreme widths (1e-3 to 1e3) for kind 2, every other large
            // support and the very large ones (half of those at width 1e3 or 1e-3, the ends)
            boolean extreme = kind == 2 || kind == 1 && i % 2 == 0 || kind == 4;
            double w = kind == 4 && i % 3 == 0 ? (i % 2 == 0 ? 1e3 : 1e-3)
                    : extreme ? Math.exp(Math.log(1e-3) + rng.nextDouble() * Math.log(1e6))
                    : Math.exp(Math.log(0.05) + rng.nextDouble() * Math.log(100));
            widths.put(v, i < EDGE_CASES || i % 4 == 0 && kind != 4 ? 1.0 : w);
        }
        return new FiniteModel(sizes, tables, logits, widths);
    }

    /**
     * An instance at a magnitude a claim names ({@link ClaimScales}): a claim such as {@code q(z) <= 1001} or
     * {@code Sum(q(z)*Log(q(z)/p(z)), z) <= 30} fails only where a density reaches 1001 (a cell narrower than
     * 1/1001) or a table entry falls below e^-30. With m = max(mag, 1/mag) (at most 1e100): every finite variable
     * has 2 cells (or its declared least number) of width 4m or 1/(4m) (every other variable the reciprocal in half of
     * the instances); each density's table is uniform, degenerate
     * (one cell near 1, the others 1/(4m), or 1/(4m)^2 in half of the instances) or random with one such entry; each function is constant at +-4m or +-1/(4m)
     * (the width) or random with entries of that size.
     */
    FiniteModel scaled(int j, double mag, RandomGenerator rng) {
        NormalizedGaussianSampler g = gaussian(rng);
        double m = Math.min(1e100, Math.max(Math.abs(mag), 1 / Math.abs(mag)));
        double w = j % 2 == 0 ? 4 * m : 1 / (4 * m);
        // the second half of the scaled instances squares the tiny mass (Sum(Sqrt(q p), z) > 10^-6 needs 10^-12)
        double tiny = j >= InstantiationChecker.SCALED / 2 ? 1 / (16 * m * m) : 1 / (4 * m);
        int shape = (j / 2) % 3;
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Map<String, Double> widths = new LinkedHashMap<>();
        int k0 = 0;
        for (String v : finiteVariables) {
            sizes.put(v, ranges.getOrDefault(v, new int[] {2, 4})[0]);
            // every other variable at the reciprocal width in half of the instances (r(x | z) then reaches 16 m^2)
            widths.put(v, k0++ % 2 == 1 && j % 4 >= 2 ? 1 / w : w);
        }
        Map<String, double[]> tables = new LinkedHashMap<>();
        Map<String, double[][]> logits = new LinkedHashMap<>();
        for (Scope.Density d : densities) {
            int n = cells(d, sizes);
            if (!d.params().isEmpty()) {
                logits.put(d.name(), gaussianLogits(d, n, g));
                continue;
            }
            double[] t = new double[n];
            if (!d.normalized()) {
                double sign = rng.nextBoolean() ? 1 : -1;
                for (int k = 0; k < n; k++) {
                    t[k] = shape == 0 ? sign * w : w * g.sample();
                }
                tables.put(d.name(), t);
                continue;
            }
            for (int k = 0; k < n; k++) {
                t[k] = shape == 0 ? 1 : shape == 1 ? tiny : Math.exp(1.5 * g.sample());
            }
            if (shape == 1) {
                t[rng.nextInt(n)] = 1;
            } else if (shape == 2) {
                t[rng.nextInt(n)] = tiny;
            }
            normalize(t);
            tables.put(d.name(), t);
        }
        return new FiniteModel(sizes, tables, logits, widths);
    }

    /** Most cells of one density in an instance sized by a claim's constant ({@link #supported}). */
    static final int SUPPORT_CELLS = 200_000;

    /**
     * An instance whose supports a claim's constant names: a logarithmic bound c (a mutual information <= 5, an entropy
     * <= 8) can fail only where a support has more than e^c cells, beyond the random instances' 10^4 in all. Every
     * finite variable gets ceil(2 e^|c|) cells (fewer where a density would pass {@link #SUPPORT_CELLS}), a density
     * over several variables its mass on the diagonal (they determine each other), one over a single variable uniform,
     * widths 1; a function is random. Empty when draws multiply the cells, or |c| is not between 4 and 7 (below 4 the
     * random instances' supports, up to 100 values a variable, already reach e^|c|).
     */
    java.util.Optional<FiniteModel> supported(double c, RandomGenerator rng) {
        double a = Math.abs(c);
        if (!(a >= 4 && a <= 7)) {
            return java.util.Optional.empty();
        }
        return ofSize((int) Math.ceil(2 * Math.exp(a)), rng);
    }

    /**
     * The instance of {@link #supported} with n cells a variable (fewer where a density would pass
     * {@link #SUPPORT_CELLS}); empty when draws multiply the cells or there are no finite variables.
     */
    java.util.Optional<FiniteModel> ofSize(int n, RandomGenerator rng) {
        return ofSize(n, rng, false);
    }

    /**
     * The same, with every density over one variable concentrated instead of uniform: half its mass on a cell of its
     * own (the k-th density on cell k), the rest spread evenly (a divergence from the uniform density grows with the
     * logarithm of the support size, as an entropy does for the uniform one).
     */
    java.util.Optional<FiniteModel> ofSize(int n, RandomGenerator rng, boolean concentrated) {
        if (draws || finiteVariables.isEmpty()) {
            return java.util.Optional.empty();
        }
        NormalizedGaussianSampler g = gaussian(rng);
        int widest = 1;
        for (Scope.Density d : densities) {
            widest = Math.max(widest, d.variables().size());
        }
        while (n > 2 && Math.pow(n, widest) > SUPPORT_CELLS) {
            n--;
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Map<String, Double> widths = new LinkedHashMap<>();
        for (String v : finiteVariables) {
            sizes.put(v, ranges.containsKey(v) ? Math.min(ranges.get(v)[1], Math.max(ranges.get(v)[0], n)) : n);
            widths.put(v, 1.0);
        }
        Map<String, double[]> tables = new LinkedHashMap<>();
        Map<String, double[][]> logits = new LinkedHashMap<>();
        for (Scope.Density d : densities) {
            int cells = cells(d, sizes);
            if (!d.params().isEmpty()) {
                logits.put(d.name(), gaussianLogits(d, cells, g));
                continue;
            }
            double[] t = new double[cells];
            for (int k = 0; k < cells; k++) {
                t[k] = d.normalized() ? 1 : 2 * g.sample();
            }
            if (d.normalized()) {
                if (d.variables().size() > 1) {
                    diagonal(t, d.variables(), sizes);
                } else if (concentrated && cells > 1) {
                    t[tables.size() % cells] = cells - 1; // half the mass
                }
                normalize(t);
            }
            tables.put(d.name(), t);
        }
        return java.util.Optional.of(new FiniteModel(sizes, tables, logits, widths));
    }

    /** Keeps the cells whose indices agree (each taken modulo its variable's size); the others get 1e-12 of their mass. */
    private static void diagonal(double[] t, List<String> vars, Map<String, Integer> sizes) {
        int[] n = vars.stream().mapToInt(sizes::get).toArray();
        int[] idx = new int[n.length];
        for (int k = 0; k < t.length; k++) {
            int rest = k;
            for (int j = n.length - 1; j >= 0; j--) {
                idx[j] = rest % n[j];
                rest /= n[j];
            }
            boolean aligned = true;
            for (int j = 1; j < n.length && aligned; j++) {
                aligned = idx[j] == idx[0] % n[j];
            }
            if (!aligned) {
                t[k] *= 1e-12;
            }
        }
    }

    private static int largeSize(RandomGenerator rng) {
        return 8 + rng.nextInt(33);
    }

    /** Halves the largest supports until no density has more than MAX_CELLS cells. */
    private void shrinkToFit(Map<String, Integer> sizes, int maxCells) {
        for (int guard = 0; guard < 64; guard++) {
            int worst = 0;
            List<String> worstVars = List.of();
            for (Scope.Density d : densities) {
                int n = 1;
                for (String v : d.variables()) {
                    n *= sizes.get(v);
                }
                if (n > worst) {
                    worst = n;
                    worstVars = d.variables();
                }
            }
            if (worst <= maxCells || worstVars.isEmpty()) {
                return;
            }
            String big = worstVars.get(0);
            for (String v : worstVars) {
                if (sizes.get(v) > sizes.get(big)) {
                    big = v;
                }
            }
            sizes.put(big, Math.max(ranges.getOrDefault(big, new int[] {2, 4})[0], sizes.get(big) / 2));
        }
    }

    /** Sets the free finite variables of a point to random values of their supports. */
    void observe(PointSampler sampler, PointSampler.Point p, FiniteModel m, RandomGenerator rng) {
        for (var s : sampler.finiteScalars()) {
            p.values()[sampler.indexOf(s.name())] = rng.nextInt(m.size(s.name()));
        }
        List<org.derivcheck.derivation.SymbolDecl> data = sampler.dataSymbols();
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).domain() == org.derivcheck.derivation.Domain.FINITE) {
                for (int k = 0; k < p.data()[i].length; k++) {
                    p.data()[i][k] = rng.nextInt(m.size(data.get(i).name()));
                }
            }
        }
    }

    String describeObserved(PointSampler sampler, PointSampler.Point p, java.util.Set<String> free) {
        StringBuilder sb = new StringBuilder();
        for (var s : sampler.finiteScalars()) {
            if (!free.contains(s.name())) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(s.name()).append(" = ")
                    .append((int) p.values()[sampler.indexOf(s.name())]);
        }
        return sb.toString();
    }

    /** The cells of a density: the product of its variables' support sizes. */
    private static int cells(Scope.Density d, Map<String, Integer> sizes) {
        int n = 1;
        for (String v : d.variables()) {
            n *= sizes.get(v);
        }
        return n;
    }

    /** Standard normal logits of a parametrized density: one row per parameter and a constant row. */
    private static double[][] gaussianLogits(Scope.Density d, int n, NormalizedGaussianSampler g) {
        double[][] c = new double[d.params().size() + 1][n];
        for (double[] row : c) {
            for (int k = 0; k < n; k++) {
                row[k] = g.sample();
            }
        }
        return c;
    }

    /**
     * Standard normal draws from the instance's generator by Commons RNG's ziggurat sampler (McFarland's, exact):
     * the tables of 10^3 to 10^4 cells take millions of draws a step, and the generator's own Box-Muller draws
     * (a logarithm, a sine and a cosine each) were two thirds of the time spent making instances.
     */
    private static NormalizedGaussianSampler gaussian(RandomGenerator rng) {
        return ZigguratSampler.NormalizedGaussian.of(rng::nextLong);
    }

    /** Scales a table to total mass 1. */
    private static void normalize(double[] t) {
        double sum = 0;
        for (double x : t) {
            sum += x;
        }
        for (int k = 0; k < t.length; k++) {
            t[k] /= sum;
        }
    }
}
