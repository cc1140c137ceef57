package org.derivcheck.cas;

import org.derivcheck.cas.NumericFunction.FiniteModel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.derivcheck.cas.NumericFunction.QuadratureLog;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.util.FastMath;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Compiles a reduced scalar expression into a tree of double operations (Commons Math special functions).
 * Numbers, symbols and data are compiled here; every head by its rule in the table {@link NumericRules}
 * (the rules over finite instances are in {@link FiniteNodes}). A construct it cannot evaluate (an
 * unevaluated derivative, a non-scalar) is reported as a {@link CasException} naming it.
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

    private final Map<ISymbol, Integer> slots = new IdentityHashMap<>();
    private final Map<ISymbol, Integer> dataSlots = new IdentityHashMap<>();
    private final List<String> scalarNames = new ArrayList<>();
    private final List<String> dataNames = new ArrayList<>();
    final Scope table;
    private int nslots;
    private boolean random;
    private boolean approximate;
    private boolean deterministic;
    private int nesting;

    private NumericCompiler(Scope table) {
        this.table = table;
        for (Scope.Declared d : table.declared()) {
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

    static NumericFunction compile(IExpr e, Scope table) {
        return compile(e, table, false);
    }

    /** Compiles with expectations evaluated deterministically (quadrature, series); fails for those without a route. */
    static NumericFunction compile(IExpr e, Scope table, boolean deterministic) {
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

    static CasException unsupported(String what) {
        return new CasException(CasException.Kind.ERROR, "cannot evaluate numerically: " + what);
    }

    /** Compiles one sub-expression: numbers, symbols and data here, every head by its rule ({@link NumericRules}). */
    Node node(IExpr e) {
        if (e.isNumber()) {
            if (!e.isReal()) {
                throw unsupported("complex number " + e);
            }
            double v = e.evalf();
            return f -> v;
        }
        if (e.isSymbol()) {
            return symbol((ISymbol) e);
        }
        if (!e.isAST()) {
            throw unsupported(e.toString());
        }
        IAST a = (IAST) e;
        IExpr h = a.head();
        if (a.isList()) {
            throw unsupported("a vector or matrix where a number is expected");
        }
        if (table.isDensityHead(h)) {
            return FiniteNodes.density(this, a);
        }
        if (h instanceof ISymbol hs && dataSlots.containsKey(hs) && a.argSize() == 1) {
            return datum(dataSlots.get(hs), node(a.arg1()));
        }
        NumericRules.Rule rule = NumericRules.of(h);
        Node n = rule == null ? null : rule.compile(this, a);
        if (n != null) {
            return n;
        }
        // no rule fits: the arguments are compiled first, so that an argument without a value is what is named
        if (a.argSize() == 1) {
            node(a.arg1());
        } else if (a.argSize() == 2) {
            node(a.arg1());
            node(a.arg2());
        }
        if (h == S.D || h == S.Derivative || (h.isAST() && h.head() == S.Derivative)) {
            throw unsupported("a derivative the CAS could not evaluate: " + e);
        }
        throw unsupported("the function " + h);
    }

    private Node symbol(ISymbol s) {
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

    /** x(i): one value of indexed data, NaN for an index that is not one of the data's. */
    private static Node datum(int d, Node idx) {
        return f -> {
            double i = idx.eval(f);
            int k = (int) Math.round(i) - 1;
            if (k < 0 || k >= f.data[d].length || i != Math.rint(i)) {
                return Double.NaN;
            }
            return f.data[d][k];
        };
    }

    Node plus(IAST a) {
        Node[] ns = children(a);
        return f -> {
            double s = 0;
            for (Node n : ns) {
                s += n.eval(f);
            }
            return s;
        };
    }

    Node times(IAST a) {
        Node[] ns = children(a);
        return f -> {
            double s = 1;
            for (Node n : ns) {
                s *= n.eval(f);
            }
            return s;
        };
    }

    Node power(IAST a) {
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

    /** The compiler's state, for the rules of {@link NumericRules} and {@link FiniteNodes}. */
    boolean hasSlot(ISymbol s) {
        return slots.containsKey(s);
    }

    int slot(ISymbol s) {
        return slots.get(s);
    }

    Integer dataSlot(ISymbol s) {
        return dataSlots.get(s);
    }

    /** A fresh slot in the frame, for a bound variable. */
    int newSlot() {
        return nslots++;
    }

    /** Binds a variable to a slot; returns the slot it had (restored by {@link #restore}). */
    Integer bind(ISymbol s, int slot) {
        return slots.put(s, slot);
    }

    void markApproximate() {
        approximate = true;
    }

    void restore(ISymbol s, Integer saved) {
        if (saved == null) {
            slots.remove(s);
        } else {
            slots.put(s, saved);
        }
    }

    /**
     * An expectation over a declared family: quadrature or a series (CustomLaws), also inside a Monte Carlo
     * replicate (there is no sampler: the inner expectation is exact, which keeps the replicate unbiased).
     */
    private Node customExpectation(IAST a, IAST vars, IAST fam, CustomFamily cf) {
        random |= !deterministic;
        Node lo = cf.lo().isPresent() ? node(cf.at(cf.lo().get(), fam)) : null;
        Node hi = cf.hi().isPresent() ? node(cf.at(cf.hi().get(), fam)) : null;
        ISymbol v = (ISymbol) vars.arg1();
        int slot = nslots++;
        Integer saved = slots.put(v, slot);
        nesting += 1;
        Node ld;
        Node body;
        try {
            if (deterministic && nesting > Deterministic.MAX_DIMENSIONS) {
                throw unsupported("more than " + Deterministic.MAX_DIMENSIONS + " nested integrals over a declared family");
            }
            ld = node(Resolver.substitute(cf.at(cf.logDensity(), fam), Map.of(cf.variable(), v)));
            body = node(a.arg1());
        } finally {
            nesting -= 1;
            restore(v, saved);
        }
        return CustomLaws.node(cf.name(), ld, lo, hi, cf.discrete(), slot, body);
    }

    /** The parameters of a vector family, lists and matrices flattened row by row (VectorLaws). */
    private Node[] flatChildren(IAST a) {
        List<Node> out = new ArrayList<>();
        for (IExpr x : a) {
            if (x.isList()) {
                for (IExpr y : (IAST) x) {
                    if (y.isList()) {
                        for (IExpr z : (IAST) y) {
                            out.add(node(z));
                        }
                    } else {
                        out.add(node(y));
                    }
                }
            } else {
                out.add(node(x));
            }
        }
        return out.toArray(new Node[0]);
    }

    Node[] children(IAST a) {
        Node[] ns = new Node[a.argSize()];
        for (int i = 0; i < ns.length; i++) {
            ns[i] = node(a.getAt(i + 1));
        }
        return ns;
    }

    Node sum(IAST a, boolean isSum) {
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

    /** A sampled expectation (one draw per evaluation), or a deterministic one when compiled so. */
    Node expectation(IAST a) {
        random |= !deterministic;
        IAST dist = (IAST) a.arg2();
        IAST vars = (IAST) dist.arg1();
        IAST fam = (IAST) dist.arg2();
        var custom = table.familyByHead(fam.head());
        if (custom.isPresent()) {
            return customExpectation(a, vars, fam, custom.get());
        }
        boolean vector = VectorFamilies.isVector(fam.head());
        Node[] params = vector ? flatChildren(fam) : children(fam);
        int[] vs = new int[vars.argSize()];
        Integer[] saved = new Integer[vs.length];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = nslots++;
            saved[i] = slots.put((ISymbol) vars.getAt(i + 1), vs[i]);
        }
        int dims = vector ? VectorLaws.dimensions(fam.head(), vs.length) : vs.length;
        nesting += dims;
        if (deterministic && nesting > Deterministic.MAX_DIMENSIONS) {
            throw unsupported("more than " + Deterministic.MAX_DIMENSIONS + " nested integrals (Monte Carlo decides)");
        }
        Node body;
        try {
            body = node(a.arg1());
        } finally {
            nesting -= dims;
        }
        for (int i = 0; i < vs.length; i++) {
            restore((ISymbol) vars.getAt(i + 1), saved[i]);
        }
        IExpr h = fam.head();
        if (vector) {
            return deterministic ? VectorLaws.node(h, params, vs, body) : VectorLaws.sampled(h, params, vs, body);
        }
        if (deterministic) {
            return Deterministic.node(h, params, vs, body, Deterministic.kinks(this, a.arg1(), vars));
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
    Node derivative(Node f, ISymbol variable) {
        int slot = slots.get(variable);
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

    private interface Sampler {
        void draw(Frame f, double[] params);
    }
}
