package org.derivcheck.prove;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.derivcheck.math.Tree;

/** Reads a {@link Tree} into a normal form, giving every bound variable a fresh name. */
final class FromTree {
    /** Built-in functions kept as opaque atoms: equal arguments give equal values. */
    private static final Set<String> OPAQUE = Set.of("Sin", "Cos", "Tan", "Sinh", "Cosh", "Tanh", "ArcTan", "Erf",
            "Gamma", "LogGamma", "PolyGamma", "Beta", "Binomial", "Factorial", "Pochhammer", "Abs", "Max", "Min");
    private final Norm n;
    private final Deriv d;

    FromTree(Norm n) {
        this.n = n;
        this.d = new Deriv(n);
    }

    Poly read(Tree t) {
        return read(t, Map.of());
    }

    private Poly read(Tree t, Map<String, Poly> env) {
        if (t instanceof Tree.Num num) {
            return Poly.constant(new Rat(num.num(), num.den()));
        }
        if (t instanceof Tree.Sym s) {
            Poly b = env.get(s.name());
            if (b != null) {
                return b;
            }
            return switch (s.kind()) {
                case CONSTANT -> s.name().equals("E") ? n.exp(Poly.ONE) : Poly.of(new Atom.App(s.name(), List.of()));
                case REAL, POSITIVE, FINITE, INDEX -> Poly.of(new Atom.Var(s.name(), s.name(), s.kind()));
                default -> throw new NotProvable("'" + s.name() + "' used as a value");
            };
        }
        Tree.Call c = (Tree.Call) t;
        List<Tree> a = c.args();
        switch (c.head()) {
            case "Plus": {
                Poly out = Poly.ZERO;
                for (Tree x : a) {
                    out = out.add(read(x, env));
                }
                return out;
            }
            case "Times": {
                Poly out = Poly.ONE;
                for (Tree x : a) {
                    out = out.mul(read(x, env), n);
                }
                return out;
            }
            case "Power": {
                Poly base = read(a.get(0), env);
                if (a.get(0) instanceof Tree.Sym s && s.kind() == Tree.Kind.CONSTANT && s.name().equals("E")) {
                    return n.exp(read(a.get(1), env));
                }
                if (!(a.get(1) instanceof Tree.Num e)) {
                    Poly ex = read(a.get(1), env);
                    if (ex.constantValue().isEmpty()) {
                        throw new NotProvable("a power with a symbolic exponent");
                    }
                    return n.power(base, ex.constantValue().get());
                }
                return n.power(base, new Rat(e.num(), e.den()));
            }
            case "Log":
                if (a.size() != 1) {
                    throw new NotProvable("Log with a base");
                }
                return n.log(read(a.get(0), env));
            case "Exp":
                return n.exp(read(a.get(0), env));
            case "Sqrt":
                return n.power(read(a.get(0), env), new Rat(java.math.BigInteger.ONE, java.math.BigInteger.TWO));
            case "@Density":
                return density(a, env);
            case "@Indexed":
                return indexed(a, env);
            case "@FiniteSum":
                return finiteSum(a, env);
            case "@Expectation":
                return expectation(a, env);
            case "@Iid":
                return iid(a, env);
            case "@EntryDerivative":
                return entryDerivative(a, env);
            case "D":
                return derivative(a, env);
            case "Sum":
                return integerSum(a, env);
            default:
                break;
        }
        if (OPAQUE.contains(c.head())) {
            List<Poly> args = new ArrayList<>();
            for (Tree x : a) {
                args.add(read(x, env));
            }
            return Poly.of(new Atom.App(c.head(), args));
        }
        throw new NotProvable("no rules for " + c.head());
    }

    private Poly density(List<Tree> a, Map<String, Poly> env) {
        String name = ((Tree.Sym) a.get(0)).name();
        List<Poly> args = new ArrayList<>();
        for (Tree x : a.subList(1, a.size())) {
            args.add(read(x, env));
        }
        if (args.size() != n.decl(name).variables().size()) {
            throw new NotProvable(name + " with " + args.size() + " arguments");
        }
        return n.density(name, args, List.of());
    }

    private Poly indexed(List<Tree> a, Map<String, Poly> env) {
        Tree.Sym z = (Tree.Sym) a.get(0);
        if (z.kind() != Tree.Kind.FINITE_INDEXED || a.size() != 2) {
            throw new NotProvable("indexed data " + z.name());
        }
        return Poly.of(new Atom.Ind(z.name(), read(a.get(1), env)));
    }

    private Atom.Var bind(Tree v, Map<String, Poly> env) {
        if (!(v instanceof Tree.Sym s) || s.kind() != Tree.Kind.FINITE && s.kind() != Tree.Kind.FINITE_INDEXED) {
            throw new NotProvable("a sum over " + v + ", which is not a finite variable");
        }
        Atom.Var f = n.fresh(s.name(), Tree.Kind.FINITE);
        env.put(s.name(), Poly.of(f));
        return f;
    }

    private Poly finiteSum(List<Tree> a, Map<String, Poly> env) {
        Map<String, Poly> inner = new LinkedHashMap<>(env);
        Atom.Var v = bind(a.get(1), inner);
        return n.fsum(List.of(v), read(a.get(0), inner));
    }

    /** E(body, Distributed(List(vars), Abstract(weight))) = Sum over vars of weight * body. */
    private Poly expectation(List<Tree> a, Map<String, Poly> env) {
        if (!(a.get(1) instanceof Tree.Call dist) || !dist.head().equals("@Distributed")
                || !(dist.args().get(0) instanceof Tree.Call vars) || !(dist.args().get(1) instanceof Tree.Call w)
                || !w.head().equals("@Abstract")) {
            throw new NotProvable("an expectation over a named family");
        }
        Map<String, Poly> inner = new LinkedHashMap<>(env);
        List<Atom.Var> bound = new ArrayList<>();
        for (Tree v : vars.args()) {
            bound.add(bind(v, inner));
        }
        n.used(Rule.EXPECTATION_AS_SUM);
        Poly weight = read(w.args().get(0), inner);
        return n.fsum(bound, weight.mul(read(a.get(0), inner), n));
    }

    private Poly iid(List<Tree> a, Map<String, Poly> env) {
        String z = ((Tree.Sym) a.get(1)).name();
        String q = ((Tree.Sym) a.get(3)).name();
        n.used(Rule.EXPECTATION_AS_SUM);
        return n.iid(read(a.get(0), env), z, read(a.get(2), env), q);
    }

    /** D(F, q(a)): F read with q's normalization suspended, differentiated, then reduced with q normalized again. */
    private Poly entryDerivative(List<Tree> a, Map<String, Poly> env) {
        String q = ((Tree.Sym) a.get(1)).name();
        List<Poly> at = new ArrayList<>();
        for (Tree x : a.subList(2, a.size())) {
            at.add(read(x, env));
        }
        Poly dp;
        n.perturb(q, true);
        try {
            dp = d.entry(read(a.get(0), env), q, at);
        } finally {
            n.perturb(q, false);
        }
        return dp.subst(n, Map.of());
    }

    private Poly derivative(List<Tree> a, Map<String, Poly> env) {
        Poly p = read(a.get(0), env);
        for (Tree v : a.subList(1, a.size())) {
            int times = 1;
            Tree var = v;
            if (v instanceof Tree.Call l && l.head().equals("List") && l.args().size() == 2
                    && l.args().get(1) instanceof Tree.Num k && k.den().equals(java.math.BigInteger.ONE)
                    && k.num().intValue() >= 0 && k.num().intValue() <= 4) {
                var = l.args().get(0);
                times = k.num().intValue();
            }
            if (!(var instanceof Tree.Sym s) || (s.kind() != Tree.Kind.REAL && s.kind() != Tree.Kind.POSITIVE)
                    || env.containsKey(s.name())) {
                throw new NotProvable("a derivative in " + var);
            }
            for (int i = 0; i < times; i++) {
                p = d.param(p, s.name());
            }
        }
        return p;
    }

    private Poly integerSum(List<Tree> a, Map<String, Poly> env) {
        if (a.size() != 2 || !(a.get(1) instanceof Tree.Call it) || !it.head().equals("List") || it.args().size() != 3
                || !(it.args().get(0) instanceof Tree.Sym k)) {
            throw new NotProvable("a sum without an iterator {k, lo, hi}");
        }
        Poly lo = read(it.args().get(1), env);
        Poly hi = read(it.args().get(2), env);
        Map<String, Poly> inner = new LinkedHashMap<>(env);
        Atom.Var kv = n.fresh(k.name(), Tree.Kind.INDEX);
        inner.put(k.name(), Poly.of(kv));
        return n.isum(kv, lo, hi, read(a.get(0), inner));
    }
}
