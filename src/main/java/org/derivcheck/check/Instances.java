package org.derivcheck.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.derivcheck.cas.FiniteModel;
import org.derivcheck.cas.SymbolTable;

/**
 * Makes finite instances of a derivation's abstract densities: supports of size 2 to 4, positive
 * tables normalized over all of a density's variables, real tables for functions, softmax tables for
 * parameterized densities. The first instances are edge cases: all supports of size 2 with uniform
 * tables, a near-zero entry, and a nearly degenerate density.
 */
final class Instances {
    /** Edge cases come first. */
    static final int EDGE_CASES = 3;
    private final List<SymbolTable.Density> densities;
    private final List<String> finiteVariables;
    private final Map<String, int[]> ranges = new LinkedHashMap<>();

    /** Support sizes: 2 to 4, or the declared {min, max} of a finite symbol. */
    Instances(SymbolTable table, List<org.derivcheck.derivation.SymbolDecl> decls) {
        this.densities = table.densities();
        this.finiteVariables = table.declared().stream().filter(SymbolTable.Declared::finite)
                .map(SymbolTable.Declared::name).toList();
        for (var d : decls) {
            if (d.domain() == org.derivcheck.derivation.Domain.FINITE) {
                int lo = Double.isNaN(d.min()) ? 2 : Math.max(1, (int) d.min());
                int hi = Double.isNaN(d.max()) ? Math.max(lo, 4) : Math.max(lo, (int) d.max());
                ranges.put(d.name(), new int[] {lo, hi});
            }
        }
    }

    List<SymbolTable.Density> densities() {
        return densities;
    }

    FiniteModel make(int i, RandomGenerator rng) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String v : finiteVariables) {
            int[] r = ranges.getOrDefault(v, new int[] {2, 4});
            sizes.put(v, i < EDGE_CASES ? r[0] : r[0] + rng.nextInt(r[1] - r[0] + 1));
        }
        Map<String, double[]> tables = new LinkedHashMap<>();
        Map<String, double[][]> logits = new LinkedHashMap<>();
        for (SymbolTable.Density d : densities) {
            int n = 1;
            for (String v : d.variables()) {
                n *= sizes.get(v);
            }
            if (!d.params().isEmpty()) {
                double[][] c = new double[d.params().size() + 1][n];
                for (double[] row : c) {
                    for (int k = 0; k < n; k++) {
                        row[k] = rng.nextGaussian();
                    }
                }
                logits.put(d.name(), c);
                continue;
            }
            double[] t = new double[n];
            for (int k = 0; k < n; k++) {
                t[k] = d.normalized() ? (i == 0 ? 1 : Math.exp(1.5 * rng.nextGaussian())) : 2 * rng.nextGaussian();
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
            widths.put(v, i < EDGE_CASES || i % 4 == 0 ? 1.0 : Math.exp(Math.log(0.05) + rng.nextDouble() * Math.log(100)));
        }
        return new FiniteModel(sizes, tables, logits, widths);
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
}
