package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.FastMath;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Compiles a reduced scalar expression into a tree of double operations (Commons Math special functions).
 * A construct it cannot evaluate (an unevaluated derivative, a non-scalar) is reported as a
 * {@link CasException} naming it.
 */
final class NumericCompiler {
    interface Node {
        double eval(Frame f);
    }

    static final class Frame {
        final double[] slots;
        final double[][] data;
        final RandomGenerator rng;
        final FiniteModel model;
        final QuadratureLog log = new QuadratureLog();

        Frame(int n, double[] values, double[][] data, RandomGenerator rng, FiniteModel model) {
            this.slots = new double[n];
            System.arraycopy(values, 0, slots, 0, values.length);
            this.data = data == null ? new double[0][] : data.clone();
            this.rng = rng;
            this.model = model;
        }

        FiniteModel model() {
            if (model == null) {
                throw new IllegalStateException("abstract densities need a finite instance");
            }
            return model;
        }
    }

    private static final double[] NO_PARAMS = new double[0];
    private final Map<ISymbol, Integer> slots = new IdentityHashMap<>();
    private final Map<ISymbol, Integer> dataSlots = new IdentityHashMap<>();
    private final List<String> scalarNames = new ArrayList<>();
    private final List<String> dataNames = new ArrayList<>();
    private final SymbolTable table;
    private int nslots;
    private boolean random;
    private boolean approximate;
    private boolean deterministic;
    private int nesting;

    private NumericCompiler(SymbolTable table) {
        this.table = table;
        for (SymbolTable.Declared d : table.declared()) {
            ISymbol s = table.symbol(d.name()).orElseThrow();
            if (d.indexed()) {
                dataSlots.put(s, dataNames.size());
                dataNames.add(d.name());
            } else {
                slots.put(s, scalarNames.size());
                scalarNames.add(d.name());
            }
        }
        nslots = scalarNames.size();
    }

    static NumericFunction compile(IExpr e, SymbolTable table) {
        return compile(e, table, false);
    }

    /** Compiles with expectations evaluated deterministically (quadrature, series); fails for those without a route. */
    static NumericFunction compile(IExpr e, SymbolTable table, boolean deterministic) {
        NumericCompiler c = new NumericCompiler(table);
        c.deterministic = deterministic;
        Node root = c.node(e);
        int n = c.nslots;
        List<String> scalars = List.copyOf(c.scalarNames);
        List<String> data = List.copyOf(c.dataNames);
        boolean random = c.random;
        boolean approximate = c.approximate;
        return new NumericFunction() {
            @Override
            public List<String> scalars() {
                return scalars;
            }

            @Override
            public List<String> data() {
                return data;
            }

            @Override
            public boolean random() {
                return random;
            }

            @Override
            public double eval(double[] values, double[][] dataValues, RandomGenerator rng, FiniteModel model) {
                return root.eval(new Frame(n, values, dataValues, rng, model));
            }

            @Override
            public boolean approximate() {
                return approximate;
            }

            @Override
            public Tracked evalTracked(double[] values, double[][] dataValues) {
                Frame f = new Frame(n, values, dataValues, null, null);
                return new Tracked(root.eval(f), f.log);
            }
        };
    }

    /** True when expectations occur only in sums, lists and products with expectation-free factors. */
    static boolean linearInExpectations(IExpr e) {
        if (e.isFree(x -> x == Ops.EXPECTATION, true)) {
            return true;
        }
        if (e.isAST() && e.head() == Ops.EXPECTATION) {
            return true;
        }
        if (e.isPlus() || e.isList()) {
            for (IExpr x : (IAST) e) {
                if (!linearInExpectations(x)) {
                    return false;
                }
            }
            return true;
        }
        if (e.isTimes()) {
            int random = 0;
            for (IExpr x : (IAST) e) {
                if (!x.isFree(y -> y == Ops.EXPECTATION, true)) {
                    random++;
                    if (!linearInExpectations(x)) {
                        return false;
                    }
                }
            }
            return random <= 1;
        }
        return false;
    }

    private static CasException unsupported(String what) {
        return new CasException(CasException.Kind.ERROR, "cannot evaluate numerically: " + what);
    }

    private Node node(IExpr e) {
        if (e.isNumber()) {
            if (!e.isReal()) {
                throw unsupported("complex number " + e);
            }
            double v = e.evalf();
            return f -> v;
        }
        if (e.isSymbol()) {
            ISymbol s = (ISymbol) e;
            Integer slot = slots.get(s);
            if (slot != null) {
                int i = slot;
                return f -> f.slots[i];
            }
            if (s == S.Pi) {
                return f -> Math.PI;
            }
            if (s == S.E) {
                return f -> Math.E;
            }
            if (s == S.EulerGamma) {
                return f -> 0.5772156649015329;
            }
            if (s == S.Infinity) {
                return f -> Double.POSITIVE_INFINITY;
            }
            throw unsupported("the symbol " + s + " has no value");
        }
        if (!e.isAST()) {
            throw unsupported(e.toString());
        }
        IAST a = (IAST) e;
        IExpr h = a.head();
        if (a.isList()) {
            throw unsupported("a vector or matrix where a number is expected");
        }
        if (h == Ops.EXPECTATION && a.arg2().isAST() && ((IAST) a.arg2()).arg2().isAST(Ops.ABSTRACT, 2)) {
            return abstractExpectation(a);
        }
        if (h == Ops.EXPECTATION) {
            return expectation(a);
        }
        if (h == Ops.FSUM) {
            return finiteSum(a);
        }
        if (h == Ops.IID) {
            return iid(a);
        }
        if (h == Ops.FD) {
            return entryDerivative(a);
        }
        if (table.isDensityHead(h)) {
            return density(a);
        }
        if (h == S.D && a.argSize() == 2 && a.arg2().isSymbol() && slots.containsKey((ISymbol) a.arg2())) {
            return derivative(node(a.arg1()), slots.get((ISymbol) a.arg2()));
        }
        if (h instanceof ISymbol hs && dataSlots.containsKey(hs) && a.argSize() == 1) {
            int d = dataSlots.get(hs);
            Node idx = node(a.arg1());
            return f -> {
                double i = idx.eval(f);
                int k = (int) Math.round(i) - 1;
                if (k < 0 || k >= f.data[d].length || i != Math.rint(i)) {
                    return Double.NaN;
                }
                return f.data[d][k];
            };
        }
        if (a.isPlus()) {
            Node[] ns = children(a);
            return f -> {
                double s = 0;
                for (Node n : ns) {
                    s += n.eval(f);
                }
                return s;
            };
        }
        if (a.isTimes()) {
            Node[] ns = children(a);
            return f -> {
                double s = 1;
                for (Node n : ns) {
                    s *= n.eval(f);
                }
                return s;
            };
        }
        if (a.isPower()) {
            Node b = node(a.base());
            IExpr ex = a.exponent();
            if (ex.isInteger()) {
                int k = ex.toIntDefault(Integer.MIN_VALUE);
                if (k == Integer.MIN_VALUE) {
                    // beyond int: toIntDefault's fallback would be used as the exponent (2^(10^30) as 2^MIN_VALUE = 0);
                    // as a double the exponent keeps its size, so the power overflows or vanishes honestly
                    double big = ex.evalf();
                    return f -> Math.pow(b.eval(f), big);
                }
                return f -> FastMath.pow(b.eval(f), k);
            }
            if (ex.isFraction() && ex.equals(org.matheclipse.core.expression.F.C1D2)) {
                return f -> Math.sqrt(b.eval(f));
            }
            Node x = node(ex);
            return f -> Math.pow(b.eval(f), x.eval(f));
        }
        if ((h == S.Sum || h == S.Product) && a.argSize() == 2 && a.arg2().isList() && a.arg2().argSize() == 3) {
            return sum(a, h == S.Sum);
        }
        if (a.argSize() == 1) {
            Node x = node(a.arg1());
            if (h == S.Log) {
                return f -> Math.log(x.eval(f));
            } else if (h == S.Exp) {
                return f -> Math.exp(x.eval(f));
            } else if (h == S.Sqrt) {
                return f -> Math.sqrt(x.eval(f));
            } else if (h == S.Abs) {
                return f -> Math.abs(x.eval(f));
            } else if (h == S.Sin) {
                return f -> Math.sin(x.eval(f));
            } else if (h == S.Cos) {
                return f -> Math.cos(x.eval(f));
            } else if (h == S.Tan) {
                return f -> Math.tan(x.eval(f));
            } else if (h == S.Sinh) {
                return f -> Math.sinh(x.eval(f));
            } else if (h == S.Cosh) {
                return f -> Math.cosh(x.eval(f));
            } else if (h == S.Tanh) {
                return f -> Math.tanh(x.eval(f));
            } else if (h == S.ArcTan) {
                return f -> Math.atan(x.eval(f));
            } else if (h == S.Erf) {
                return f -> Erf.erf(x.eval(f));
            } else if (h == S.Gamma) {
                return f -> gammaFn(x.eval(f));
            } else if (h == S.LogGamma) {
                return f -> {
                    double v = x.eval(f);
                    return v > 0 ? Gamma.logGamma(v) : Double.NaN;
                };
            } else if (h == S.Factorial) {
                return f -> gammaFn(x.eval(f) + 1);
            }
        }
        if (a.argSize() == 2) {
            Node x = node(a.arg1());
            Node y = node(a.arg2());
            if (h == S.PolyGamma && a.arg1().isInteger()) {
                int n = a.arg1().toIntDefault();
                if (n == 0) {
                    return f -> {
                        double v = y.eval(f);
                        return v > 0 ? org.derivcheck.special.Digamma.digamma(v) : Double.NaN;
                    };
                }
                if (n == 1) {
                    return f -> {
                        double v = y.eval(f);
                        return v > 0 ? Gamma.trigamma(v) : Double.NaN;
                    };
                }
                throw unsupported("PolyGamma of order " + n + " (only digamma and trigamma)");
            } else if (h == S.Beta) {
                return f -> Math.exp(Beta.logBeta(x.eval(f), y.eval(f)));
            } else if (h == S.Binomial) {
                return f -> {
                    double n = x.eval(f);
                    double k = y.eval(f);
                    return gammaFn(n + 1) / (gammaFn(k + 1) * gammaFn(n - k + 1));
                };
            } else if (h == S.Pochhammer) {
                return f -> gammaFn(x.eval(f) + y.eval(f)) / gammaFn(x.eval(f));
            } else if (h == S.Max) {
                return f -> Math.max(x.eval(f), y.eval(f));
            } else if (h == S.Min) {
                return f -> Math.min(x.eval(f), y.eval(f));
            } else if (h == S.Log) {
                return f -> Math.log(y.eval(f)) / Math.log(x.eval(f));
            }
        }
        if (h == S.D || h == S.Derivative || (h.isAST() && h.head() == S.Derivative)) {
            throw unsupported("a derivative the CAS could not evaluate: " + e);
        }
        throw unsupported("the function " + h);
    }

    private void restore(ISymbol s, Integer saved) {
        if (saved == null) {
            slots.remove(s);
        } else {
            slots.put(s, saved);
        }
    }

    private static double gammaFn(double v) {
        if (v <= 0 && v == Math.rint(v)) {
            return Double.NaN;
        }
        return Gamma.gamma(v);
    }

    private Node[] children(IAST a) {
        Node[] ns = new Node[a.argSize()];
        for (int i = 0; i < ns.length; i++) {
            ns[i] = node(a.getAt(i + 1));
        }
        return ns;
    }

    private Node sum(IAST a, boolean isSum) {
        IAST it = (IAST) a.arg2();
        ISymbol idx = (ISymbol) it.arg1();
        Node lo = node(it.arg2());
        Node hi = node(it.arg3());
        int slot = nslots++;
        Integer saved = slots.put(idx, slot);
        Node body = node(a.arg1());
        restore(idx, saved);
        return f -> {
            double l = lo.eval(f);
            double u = hi.eval(f);
            if (l != Math.rint(l) || u != Math.rint(u) || u - l > 1_000_000) {
                return Double.NaN;
            }
            double s = isSum ? 0 : 1;
            for (long i = (long) l; i <= (long) u; i++) {
                if ((i & 1023) == 0) {
                    Deadline.check();
                }
                f.slots[slot] = i;
                double v = body.eval(f);
                s = isSum ? s + v : s * v;
            }
            return s;
        };
    }

    private Node expectation(IAST a) {
        random |= !deterministic;
        IAST dist = (IAST) a.arg2();
        IAST vars = (IAST) dist.arg1();
        IAST fam = (IAST) dist.arg2();
        Node[] params = children(fam);
        int[] vs = new int[vars.argSize()];
        Integer[] saved = new Integer[vs.length];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = nslots++;
            saved[i] = slots.put((ISymbol) vars.getAt(i + 1), vs[i]);
        }
        nesting += vs.length;
        if (deterministic && nesting > Deterministic.MAX_DIMENSIONS) {
            throw unsupported("more than " + Deterministic.MAX_DIMENSIONS + " nested integrals (Monte Carlo decides)");
        }
        Node body;
        try {
            body = node(a.arg1());
        } finally {
            nesting -= vs.length;
        }
        for (int i = 0; i < vs.length; i++) {
            restore((ISymbol) vars.getAt(i + 1), saved[i]);
        }
        IExpr h = fam.head();
        if (deterministic) {
            return Deterministic.node(h, params, vs, body);
        }
        Sampler sampler;
        if (h == Ops.NORMAL) {
            sampler = (f, p) -> f.slots[vs[0]] = p[0] + Math.sqrt(p[1]) * f.rng.nextGaussian();
        } else if (h == Ops.GAMMA) {
            sampler = (f, p) -> f.slots[vs[0]] = Samplers.gamma(f.rng, p[0]) / p[1];
        } else if (h == Ops.EXPONENTIAL) {
            sampler = (f, p) -> f.slots[vs[0]] = -Math.log1p(-f.rng.nextDouble()) / p[0];
        } else if (h == Ops.BERNOULLI) {
            sampler = (f, p) -> f.slots[vs[0]] = f.rng.nextDouble() < p[0] ? 1 : 0;
        } else if (h == Ops.UNIFORM) {
            sampler = (f, p) -> f.slots[vs[0]] = p[0] + (p[1] - p[0]) * f.rng.nextDouble();
        } else if (h == Ops.NORMAL_GAMMA) {
            sampler = (f, p) -> {
                double tau = Samplers.gamma(f.rng, p[2]) / p[3];
                f.slots[vs[1]] = tau;
                f.slots[vs[0]] = p[0] + f.rng.nextGaussian() / Math.sqrt(p[1] * tau);
            };
        } else {
            return Deterministic.sampled(h, params, vs, body);
        }
        return f -> {
            double[] p = new double[params.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = params[i].eval(f);
                if (Double.isNaN(p[i])) {
                    return Double.NaN;
                }
            }
            if (!Samplers.valid(h, p)) {
                return Double.NaN;
            }
            Deadline.check();
            sampler.draw(f, p);
            return body.eval(f);
        };
    }

    /** Richardson-extrapolated central difference: error O(h^4), so about 1e-10 relative here. */
    private Node derivative(Node f, int slot) {
        approximate = true;
        return fr -> {
            double x = fr.slots[slot];
            double h = 1e-3 * Math.max(1, Math.abs(x));
            fr.slots[slot] = x + h;
            double p1 = f.eval(fr);
            fr.slots[slot] = x - h;
            double m1 = f.eval(fr);
            fr.slots[slot] = x + h / 2;
            double p2 = f.eval(fr);
            fr.slots[slot] = x - h / 2;
            double m2 = f.eval(fr);
            fr.slots[slot] = x;
            double d1 = (p1 - m1) / (2 * h);
            double d2 = (p2 - m2) / h;
            return (4 * d2 - d1) / 3;
        };
    }

    private int slotOf(IExpr v) {
        Integer slot = slots.get((ISymbol) v);
        if (slot == null) {
            throw unsupported("the finite variable " + v + " has no value here");
        }
        return slot;
    }

    private String finiteName(IExpr v) {
        String n = table.nameOf((ISymbol) v);
        if (n == null) {
            throw unsupported("unknown finite variable " + v);
        }
        return n;
    }

    /** FSUM(body, v): sum over v = 0 .. size(v) - 1. */
    private Node finiteSum(IAST a) {
        String name = finiteName(a.arg2());
        int slot = nslots++;
        Integer prev = slots.put((ISymbol) a.arg2(), slot);
        Node body = node(a.arg1());
        restore((ISymbol) a.arg2(), prev);
        return f -> {
            double saved = f.slots[slot];
            int n = f.model().size(name);
            double s = 0;
            Deadline.check();
            for (int i = 0; i < n; i++) {
                f.slots[slot] = i;
                s += body.eval(f);
            }
            f.slots[slot] = saved;
            return s * f.model().width(name);
        };
    }

    /** E over abstract densities: the exact weighted sum over every assignment of the variables. */
    private Node abstractExpectation(IAST a) {
        IAST dist = (IAST) a.arg2();
        IAST vars = (IAST) dist.arg1();
        int[] vs = new int[vars.argSize()];
        String[] names = new String[vs.length];
        Integer[] prev = new Integer[vs.length];
        for (int i = 0; i < vs.length; i++) {
            names[i] = finiteName(vars.getAt(i + 1));
            vs[i] = nslots++;
            prev[i] = slots.put((ISymbol) vars.getAt(i + 1), vs[i]);
        }
        Node weight = node(dist.arg2().first());
        Node body = node(a.arg1());
        for (int i = 0; i < vs.length; i++) {
            restore((ISymbol) vars.getAt(i + 1), prev[i]);
        }
        return f -> {
            double[] saved = new double[vs.length];
            int[] n = new int[vs.length];
            for (int i = 0; i < vs.length; i++) {
                saved[i] = f.slots[vs[i]];
                n[i] = f.model().size(names[i]);
                f.slots[vs[i]] = 0;
            }
            double cell = 1;
            for (String name : names) {
                cell *= f.model().width(name);
            }
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
    private Node iid(IAST a) {
        ISymbol z = (ISymbol) a.arg2();
        Integer dz = dataSlots.get(z);
        if (dz == null) {
            throw unsupported("draws of " + z + " need it declared as indexed");
        }
        Node count = node(a.arg3());
        SymbolTable.Density d = table.density(table.nameOf((ISymbol) a.getAt(4))).orElseThrow();
        String var = d.variables().get(0);
        Node body = node(a.arg1());
        int params = d.params().size();
        int[] pslots = paramSlots(d);
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

    private int[] paramSlots(SymbolTable.Density d) {
        int[] ps = new int[d.params().size()];
        for (int j = 0; j < ps.length; j++) {
            ps[j] = slots.get(table.symbol(d.params().get(j)).orElseThrow());
        }
        return ps;
    }

    /** A density or function value at integer arguments (0-based support indices). */
    private Node density(IAST a) {
        SymbolTable.Density d = table.density(table.nameOf((ISymbol) a.head())).orElseThrow();
        if (a.argSize() != d.variables().size()) {
            throw unsupported(d.name() + " takes " + d.variables().size() + " arguments");
        }
        Node[] args = children(a);
        String[] vars = d.variables().toArray(new String[0]);
        int[] pslots = paramSlots(d);
        return f -> {
            int flat = 0;
            for (int i = 0; i < args.length; i++) {
                double v = args[i].eval(f);
                int n = f.model().size(vars[i]);
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
            return f.model().value(d, flat, pv);
        };
    }

    /** FD(f, q, idx...): derivative of f with respect to the table entry q(idx), by central differences. */
    private Node entryDerivative(IAST a) {
        approximate = true;
        Node body = node(a.arg1());
        SymbolTable.Density d = table.density(table.nameOf((ISymbol) a.arg2())).orElseThrow();
        Node[] idx = new Node[a.argSize() - 2];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = node(a.getAt(i + 3));
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

    private interface Sampler {
        void draw(Frame f, double[] params);
    }
}
