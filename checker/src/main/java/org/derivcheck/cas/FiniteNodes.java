package org.derivcheck.cas;

import org.derivcheck.cas.NumericFunction.FiniteModel;
import org.derivcheck.cas.NumericCompiler.Node;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The numeric compiler's rules over finite instances ({@link FiniteModel}): sums over a finite variable's
 * support, expectations over abstract densities as exact weighted sums, K i.i.d. draws, density values and
 * derivatives with respect to one table entry.
 */
final class FiniteNodes {
    private static final double[] NO_PARAMS = new double[0];

    private FiniteNodes() {
    }

    private static int[] paramSlots(NumericCompiler c, Scope.Density d) {
        int[] ps = new int[d.params().size()];
        for (int j = 0; j < ps.length; j++) {
            ps[j] = c.slot(c.table.symbol(d.params().get(j)).orElseThrow());
        }
        return ps;
    }

    private static String finiteName(NumericCompiler c, IExpr v) {
        String n = c.table.nameOf((ISymbol) v);
        if (n == null) {
            throw NumericCompiler.unsupported("unknown finite variable " + v);
        }
        return n;
    }

    /** FSUM(body, v): sum over v = 0 .. size(v) - 1. */
    static Node finiteSum(NumericCompiler c, IAST a) {
        String name = finiteName(c, a.arg2());
        int slot = c.newSlot();
        Integer prev = c.bind((ISymbol) a.arg2(), slot);
        Node body = c.node(a.arg1());
        c.restore((ISymbol) a.arg2(), prev);
        String[] one = {name};
        Resolved[] cache = new Resolved[1];
        return f -> {
            Resolved r = Resolved.of(cache, f.model(), null, one);
            double saved = f.slots[slot];
            int n = r.sizes[0];
            double s = 0;
            Deadline.check();
            for (int i = 0; i < n; i++) {
                f.slots[slot] = i;
                s += body.eval(f);
            }
            f.slots[slot] = saved;
            return s * r.cell;
        };
    }

    /** E over abstract densities: the exact weighted sum over every assignment of the variables. */
    static Node abstractExpectation(NumericCompiler c, IAST a) {
        IAST dist = (IAST) a.arg2();
        IAST vars = (IAST) dist.arg1();
        int[] vs = new int[vars.argSize()];
        String[] names = new String[vs.length];
        Integer[] prev = new Integer[vs.length];
        for (int i = 0; i < vs.length; i++) {
            names[i] = finiteName(c, vars.getAt(i + 1));
            vs[i] = c.newSlot();
            prev[i] = c.bind((ISymbol) vars.getAt(i + 1), vs[i]);
        }
        Node weight = c.node(dist.arg2().first());
        Node body = c.node(a.arg1());
        for (int i = 0; i < vs.length; i++) {
            c.restore((ISymbol) vars.getAt(i + 1), prev[i]);
        }
        Resolved[] cache = new Resolved[1];
        return f -> {
            Resolved r = Resolved.of(cache, f.model(), null, names);
            double[] saved = new double[vs.length];
            int[] n = r.sizes;
            for (int i = 0; i < vs.length; i++) {
                saved[i] = f.slots[vs[i]];
                f.slots[vs[i]] = 0;
            }
            double cell = r.cell;
            double s = 0;
            long steps = 0;
            while (true) {
                if ((++steps & 1023) == 0) {
                    Deadline.check();
                }
                double w = weight.eval(f) * cell;
                if (w != 0) {
                    s += w * body.eval(f);
                }
                int k = vs.length - 1;
                while (k >= 0) {
                    f.slots[vs[k]] += 1;
                    if (f.slots[vs[k]] < n[k]) {
                        break;
                    }
                    f.slots[vs[k]] = 0;
                    k--;
                }
                if (k < 0) {
                    break;
                }
            }
            for (int i = 0; i < vs.length; i++) {
                f.slots[vs[i]] = saved[i];
            }
            return s;
        };
    }

    /** IID(body, z, K, q): exact expectation over z(1..K) drawn independently from q (size^K terms). */
    static Node iid(NumericCompiler c, IAST a) {
        ISymbol z = (ISymbol) a.arg2();
        Integer dz = c.dataSlot(z);
        if (dz == null) {
            throw NumericCompiler.unsupported("draws of " + z + " need it declared as indexed");
        }
        Node count = c.node(a.arg3());
        Scope.Density d = c.table.density(c.table.nameOf((ISymbol) a.getAt(4))).orElseThrow();
        String var = d.variables().get(0);
        Node body = c.node(a.arg1());
        int params = d.params().size();
        int[] pslots = paramSlots(c, d);
        return f -> {
            double kd = count.eval(f);
            int k = (int) Math.round(kd);
            if (kd != k || k < 1 || k > 8) {
                return Double.NaN;
            }
            int n = f.model().size(var);
            if (Math.pow(n, k) > 2_000_000) {
                return Double.NaN;
            }
            double[] pv = new double[params];
            for (int j = 0; j < params; j++) {
                pv[j] = f.slots[pslots[j]];
            }
            double[] q = new double[n];
            for (int i = 0; i < n; i++) {
                q[i] = f.model().value(d, i, pv) * f.model().width(var);
            }
            double[] saved = dz < f.data.length ? f.data[dz] : null;
            double[] tuple = new double[k];
            f.data[dz] = tuple;
            double s = 0;
            long steps = 0;
            while (true) {
                if ((++steps & 1023) == 0) {
                    Deadline.check();
                }
                double w = 1;
                for (int i = 0; i < k; i++) {
                    w *= q[(int) tuple[i]];
                }
                s += w * body.eval(f);
                int i = k - 1;
                while (i >= 0) {
                    tuple[i] += 1;
                    if (tuple[i] < n) {
                        break;
                    }
                    tuple[i] = 0;
                    i--;
                }
                if (i < 0) {
                    break;
                }
            }
            f.data[dz] = saved;
            return s;
        };
    }

    /** A density or function value at integer arguments (0-based support indices). */
    static Node density(NumericCompiler c, IAST a) {
        Scope.Density d = c.table.density(c.table.nameOf((ISymbol) a.head())).orElseThrow();
        if (a.argSize() != d.variables().size()) {
            throw NumericCompiler.unsupported(d.name() + " takes " + d.variables().size() + " arguments");
        }
        Node[] args = c.children(a);
        String[] vars = d.variables().toArray(new String[0]);
        int[] pslots = paramSlots(c, d);
        Resolved[] cache = new Resolved[1];
        return f -> {
            Resolved r = Resolved.of(cache, f.model(), d, vars);
            int flat = 0;
            for (int i = 0; i < args.length; i++) {
                double v = args[i].eval(f);
                int n = r.sizes[i];
                int iv = (int) v;
                if (v != iv || iv < 0 || iv >= n) {
                    return Double.NaN;
                }
                flat = flat * n + iv;
            }
            double[] pv = pslots.length == 0 ? NO_PARAMS : new double[pslots.length];
            for (int j = 0; j < pv.length; j++) {
                pv[j] = f.slots[pslots[j]];
            }
            return r.model.value(r.lookup, flat, pv);
        };
    }

    /**
     * What a node looks up in the model it evaluates over (support sizes, cell widths, a density's table),
     * resolved once per model: the node keeps the last one in a one-element array (an immutable object, so a
     * race between threads only repeats the lookup).
     */
    private static final class Resolved {
        final FiniteModel model;
        final int[] sizes;
        final double cell;
        final FiniteModel.Lookup lookup;

        private Resolved(FiniteModel model, Scope.Density d, String[] vars) {
            this.model = model;
            this.sizes = new int[vars.length];
            double w = 1;
            for (int i = 0; i < vars.length; i++) {
                sizes[i] = model.size(vars[i]);
                w *= model.width(vars[i]);
            }
            this.cell = w;
            this.lookup = d == null ? null : model.lookup(d);
        }

        static Resolved of(Resolved[] cache, FiniteModel model, Scope.Density d, String[] vars) {
            Resolved r = cache[0];
            if (r == null || r.model != model) {
                r = new Resolved(model, d, vars);
                cache[0] = r;
            }
            return r;
        }
    }

    /** FD(f, q, idx...): derivative of f with respect to the table entry q(idx), by central differences. */
    static Node entryDerivative(NumericCompiler c, IAST a) {
        c.markApproximate();
        Node body = c.node(a.arg1());
        Scope.Density d = c.table.density(c.table.nameOf((ISymbol) a.arg2())).orElseThrow();
        Node[] idx = new Node[a.argSize() - 2];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = c.node(a.getAt(i + 3));
        }
        String[] vars = d.variables().toArray(new String[0]);
        return f -> {
            int flat = 0;
            for (int i = 0; i < idx.length; i++) {
                double v = idx[i].eval(f);
                int n = f.model().size(vars[i]);
                int iv = (int) v;
                if (v != iv || iv < 0 || iv >= n) {
                    return Double.NaN;
                }
                flat = flat * n + iv;
            }
            double h = 1e-4 * Math.max(1e-3, f.model().value(d, flat, new double[0]));
            double[] vals = new double[4];
            double[] steps = {h, -h, h / 2, -h / 2};
            for (int s = 0; s < 4; s++) {
                f.model().perturb(d.name(), flat, steps[s]);
                vals[s] = body.eval(f);
            }
            f.model().clearPerturbation();
            double d1 = (vals[0] - vals[1]) / (2 * h);
            double d2 = (vals[2] - vals[3]) / h;
            // a functional derivative: the partial derivative per unit of the cell's volume
            double cell = 1;
            for (String v : vars) {
                cell *= f.model().width(v);
            }
            return (4 * d2 - d1) / 3 / cell;
        };
    }
}
