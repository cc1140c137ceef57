package org.derivcheck.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.Expr;
import org.derivcheck.cas.NumericFunction.FiniteModel;
import org.derivcheck.cas.NumericFunction;
import org.derivcheck.cas.Scope;

/**
 * Decides "q_j* maximizes the objective over q_j, the other densities fixed", where log q_j* is given up
 * to a constant. On each finite instance the claimed q_j* (exp of the given log, normalized) must reach
 * an objective at least as high as the current table, 10 random tables, and the numerical optimum found
 * by gradient ascent on softmax logits; otherwise it is REFUTED with the instance and both values.
 */
final class MaximizeChecker {
    private static final int ALTERNATIVES = 10;
    private static final int ASCENT_STEPS = 50;
    /** Most cell evaluations one instance's gradient ascent may take (cells x (table size + 1) x steps). */
    private static final long MAX_ASCENT_CELLS = 2_000_000L;
    private final int instances;

    MaximizeChecker(int instances) {
        this.instances = instances;
    }

    RelationChecker.Decision decide(Expr objective, Scope.Density over, Expr logOptimum, StepContext ctx) {
        NumericFunction obj = Cas.compile(objective);
        NumericFunction by = Cas.compile(logOptimum);
        RandomGenerator rng = ctx.rng(31337L);
        int total = instances + Instances.EDGE_CASES;
        int checked = 0;
        int ascended = 0;
        double worstGap = 0;
        for (int i = 0; i < total && ctx.timeLeft(); i++) {
            FiniteModel m = ctx.instances.make(i, rng);
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                break;
            }
            ctx.instances.observe(ctx.sampler, p, m, rng);
            double[] claimed = claimedTable(over, by, m, p, rng);
            if (claimed == null) {
                continue;
            }
            double value = obj.eval(p.values(), p.data(), rng, m.withTable(over.name(), claimed));
            if (!Double.isFinite(value)) {
                continue;
            }
            checked++;
            double best = Double.NEGATIVE_INFINITY;
            double[] bestTable = null;
            int n = claimed.length;
            for (int a = 0; a <= ALTERNATIVES; a++) {
                double[] alt = a == 0 ? m.table(over.name()).clone() : randomTable(n, rng);
                double v = obj.eval(p.values(), p.data(), rng, m.withTable(over.name(), alt));
                if (v > best) {
                    best = v;
                    bestTable = alt;
                }
            }
            long cells = 1;
            for (String v : ctx.instances.finiteVariables()) {
                cells *= m.size(v);
            }
            // the ascent costs (n + 1) objective evaluations per step, each a sum over every cell: on the large
            // supports (10^3-10^4 cells) it was most of the check's time, and there the claimed table meets the
            // current and the random tables only
            if (cells * (n + 1) * (long) ASCENT_STEPS <= MAX_ASCENT_CELLS) {
                double[] ascent = ascend(obj, over, m, p, rng, n);
                double va = obj.eval(p.values(), p.data(), rng, m.withTable(over.name(), ascent));
                if (va > best) {
                    best = va;
                    bestTable = ascent;
                }
                ascended++;
            }
            double tol = 1e-7 * Math.max(1, Math.abs(value));
            worstGap = Math.max(worstGap, best - value);
            if (best > value + tol) {
                String tables = m.describe(ctx.instances.densities()) + "; claimed " + over.name() + "* = " + vector(claimed)
                        + "; better " + over.name() + " = " + vector(bestTable);
                Counterexample cx = new Counterexample(ctx.sampler.describe(p), java.util.Map.of(), "", value, best,
                        Optional.empty(), Optional.empty(), Optional.of(tables));
                String msg = String.format(Locale.ROOT, "the claimed %s* does not maximize the objective: it gives %.6g, "
                        + "another %s gives %.6g", over.name(), value, over.name(), best);
                return new RelationChecker.Decision(Verdict.REFUTED, "finite instances (maximization)", List.of(
                        new Evidence("finite instances (maximization)", msg)), Optional.of(cx), List.of(), msg);
            }
        }
        if (checked < Math.max(10, total / 10)) {
            return new RelationChecker.Decision(Verdict.INCONCLUSIVE, "finite instances (maximization)", List.of(),
                    Optional.empty(), List.of(), "only " + checked + " instances could be evaluated");
        }
        String detail = String.format(Locale.ROOT, "on %d finite instances the claimed %s* reached an objective at least "
                + "that of the current table, %d random tables and (on %d of them, the others' supports too large for it) "
                + "the optimum of gradient ascent on softmax logits (largest shortfall %.1e, tolerance 1e-7 relative)",
                checked, over.name(), ALTERNATIVES, ascended, Math.max(0, worstGap));
        return new RelationChecker.Decision(Verdict.CONFIRMED, "finite instances (maximization)", List.of(
                new Evidence("finite instances (maximization)", detail)), Optional.empty(), List.of(),
                "confirmed numerically");
    }

    /** exp(log optimum) at every value of the density's variables, normalized. */
    private static double[] claimedTable(Scope.Density over, NumericFunction by, FiniteModel m,
            PointSampler.Point p, RandomGenerator rng) {
        List<String> vars = over.variables();
        int n = 1;
        for (String v : vars) {
            n *= m.size(v);
        }
        double[] logits = new double[n];
        double[] saved = p.values().clone();
        for (int flat = 0; flat < n; flat++) {
            int rest = flat;
            for (int k = vars.size() - 1; k >= 0; k--) {
                int size = m.size(vars.get(k));
                int idx = indexOf(p, vars.get(k), by);
                if (idx >= 0) {
                    p.values()[idx] = rest % size;
                }
                rest /= size;
            }
            logits[flat] = by.eval(p.values(), p.data(), rng, m);
        }
        System.arraycopy(saved, 0, p.values(), 0, saved.length);
        return softmax(logits);
    }

    private static int indexOf(PointSampler.Point p, String var, NumericFunction f) {
        return f.scalars().indexOf(var);
    }

    private static double[] softmax(double[] l) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : l) {
            if (!Double.isFinite(x)) {
                return null;
            }
            max = Math.max(max, x);
        }
        double[] q = new double[l.length];
        double z = 0;
        for (int i = 0; i < l.length; i++) {
            q[i] = Math.exp(l[i] - max);
            z += q[i];
        }
        for (int i = 0; i < l.length; i++) {
            q[i] /= z;
        }
        return q;
    }

    private static double[] randomTable(int n, RandomGenerator rng) {
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = 2 * rng.nextGaussian();
        }
        return softmax(l);
    }

    /** Gradient ascent on softmax logits from the uniform table, numeric (forward-difference) gradients. */
    private static double[] ascend(NumericFunction obj, Scope.Density over, FiniteModel m, PointSampler.Point p,
            RandomGenerator rng, int n) {
        double[] theta = new double[n];
        double step = 0.5;
        double current = obj.eval(p.values(), p.data(), rng, m.withTable(over.name(), softmax(theta)));
        for (int it = 0; it < ASCENT_STEPS; it++) {
            double[] grad = new double[n];
            // forward differences (n evaluations, not 2n): the gradient only points the ascent; every table it
            // proposes is judged by its exact objective
            for (int i = 0; i < n; i++) {
                double h = 1e-5;
                double saved = theta[i];
                theta[i] += h;
                double up = obj.eval(p.values(), p.data(), rng, m.withTable(over.name(), softmax(theta)));
                theta[i] = saved;
                grad[i] = (up - current) / h;
            }
            double g2 = 0;
            for (double g : grad) {
                g2 += g * g;
            }
            // a proposal gains about step |grad|^2 (first order); once that is below 1e-14 of the value, even 1.2x
            // growth of the step at every one of the steps left (at most 50) could not reach the 1e-7 tolerance
            // that refutes: the ascent has converged, and the rest of it would only cost evaluations
            if (!(step * g2 >= 1e-14 * Math.max(1, Math.abs(current)))) {
                break;
            }
            double[] next = theta.clone();
            for (int i = 0; i < n; i++) {
                next[i] += step * grad[i];
            }
            double v = obj.eval(p.values(), p.data(), rng, m.withTable(over.name(), softmax(next)));
            if (v > current) {
                theta = next;
                current = v;
                step *= 1.2;
            } else {
                step *= 0.5;
            }
        }
        return softmax(theta);
    }

    private static String vector(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", v[i]));
        }
        return sb.append(']').toString();
    }
}
