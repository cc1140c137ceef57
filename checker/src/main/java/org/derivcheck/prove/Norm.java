package org.derivcheck.prove;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.math.Tree;

/**
 * The rewrite rules, as constructors of normal forms: every Poly built here is already reduced. Each rule
 * is an identity for positive densities normalized over their variables (sums are integrals: a cell's
 * value times its width), and records its use.
 */
final class Norm {
    /** A declared density or function: its variables, parameters, and whether it is normalized. */
    record Decl(String name, List<String> variables, List<String> params, boolean normalized) {
    }

    private final Map<String, Decl> decls;
    private final Set<Rule> used = new LinkedHashSet<>();
    /** densities whose table entry is being perturbed (a derivative with respect to one entry): not normalized */
    private final Set<String> perturbed = new HashSet<>();
    private int counter;
    private int work;
    /** Work limit (constructor calls): the prover gives up rather than run long. */
    static final int MAX_WORK = 400_000;

    Norm(Map<String, Decl> decls) {
        this.decls = decls;
    }

    void used(Rule r) {
        used.add(r);
    }

    Set<Rule> used() {
        return used;
    }

    Decl decl(String name) {
        Decl d = decls.get(name);
        if (d == null) {
            throw new NotProvable("unknown density " + name);
        }
        return d;
    }

    void perturb(String q, boolean on) {
        if (on) {
            perturbed.add(q);
        } else {
            perturbed.remove(q);
        }
    }

    private void tick() {
        if (++work > MAX_WORK) {
            throw new NotProvable("the proof search ran too long");
        }
    }

    Atom.Var fresh(String domain, Tree.Kind kind) {
        return new Atom.Var(domain + "'" + (++counter), domain, kind);
    }

    // ---- arithmetic ----

    Poly power(Poly a, int e) {
        tick();
        if (e == 1) {
            return a;
        }
        if (e == 0) {
            return Poly.ONE;
        }
        if (a.isZero()) {
            if (e < 0) {
                throw new NotProvable("division by 0");
            }
            return Poly.ZERO;
        }
        Optional<Poly.Term> t = a.single();
        if (t.isPresent()) {
            return Poly.of(t.get().mono().pow(e, this), t.get().coef().pow(e));
        }
        if (e > 0 && e <= 4) {
            Poly r = a;
            for (int i = 1; i < e; i++) {
                r = r.mul(a, this);
            }
            return r;
        }
        if (e < 0 && !a.positive(this)) {
            throw new NotProvable("cannot divide by " + a + ", which may be 0");
        }
        return Poly.of(Mono.of(new Atom.Paren(a), e), Rat.ONE);
    }

    Poly power(Poly a, Rat r) {
        if (r.isInteger()) {
            return power(a, r.num().intValueExact());
        }
        if (!a.positive(this)) {
            throw new NotProvable("a fractional power of " + a + ", which may be negative");
        }
        return Poly.of(new Atom.Pow(a, r));
    }

    // ---- log and exp ----

    Poly log(Poly a) {
        tick();
        Optional<Poly.Term> t = a.single();
        if (t.isPresent() && t.get().coef().signum() > 0 && t.get().mono().positive(this)) {
            List<Mono.Factor> fs = t.get().mono().factors();
            if (fs.size() > 1 || !t.get().coef().isOne() || (fs.size() == 1 && fs.get(0).exp() != 1)) {
                used(Rule.LOG_PRODUCT);
            }
            Poly out = logRational(t.get().coef());
            for (Mono.Factor f : fs) {
                out = out.add(logAtom(f.atom()).scale(Rat.of(f.exp())));
            }
            return out;
        }
        if (a.constantValue().isPresent()) {
            throw new NotProvable("log of " + a);
        }
        return Poly.of(new Atom.Log(a));
    }

    private Poly logAtom(Atom a) {
        if (a instanceof Atom.Exp e) {
            used(Rule.LOG_EXP);
            return e.arg;
        }
        if (a instanceof Atom.Paren p) {
            return Poly.of(new Atom.Log(p.p));
        }
        if (a instanceof Atom.Pow p) {
            used(Rule.LOG_PRODUCT);
            return log(p.base).scale(p.exp);
        }
        return Poly.of(new Atom.Log(Poly.of(a)));
    }

    private static final int PRIME_LIMIT = 10_000;

    /** log(n/d) as a sum of logs of primes (and of a large cofactor). */
    private Poly logRational(Rat c) {
        if (c.isOne()) {
            return Poly.ZERO;
        }
        used(Rule.LOG_PRODUCT);
        return logInteger(c.num()).add(logInteger(c.den()).negate());
    }

    private Poly logInteger(BigInteger n) {
        Poly out = Poly.ZERO;
        BigInteger m = n;
        for (int p = 2; p < PRIME_LIMIT && m.compareTo(BigInteger.ONE) > 0; p++) {
            BigInteger bp = BigInteger.valueOf(p);
            while (m.mod(bp).signum() == 0) {
                m = m.divide(bp);
                out = out.add(Poly.of(new Atom.Log(Poly.constant(Rat.of(p)))));
            }
        }
        if (m.compareTo(BigInteger.ONE) > 0) {
            out = out.add(Poly.of(new Atom.Log(Poly.constant(new Rat(m, BigInteger.ONE)))));
        }
        return out;
    }

    Poly exp(Poly a) {
        tick();
        Poly out = Poly.ONE;
        for (Poly.Term t : a.terms()) {
            List<Mono.Factor> fs = t.mono().factors();
            if (fs.size() == 1 && fs.get(0).exp() == 1 && fs.get(0).atom() instanceof Atom.Log l && t.coef().isInteger()
                    && l.arg.positive(this)) {
                used(Rule.EXP_LOG);
                out = out.mul(power(l.arg, t.coef().num().intValueExact()), this);
            } else {
                out = out.mul(Poly.of(new Atom.Exp(Poly.of(t.mono(), t.coef()))), this);
            }
        }
        return out;
    }

    // ---- densities, functions, deltas ----

    Poly density(String name, List<Poly> args, List<String> derivs) {
        tick();
        Decl d = decl(name);
        if (!d.normalized()) {
            return Poly.of(new Atom.Fun(name, args));
        }
        boolean allSummed = args.stream().allMatch(a -> a == null);
        if (allSummed && !perturbed.contains(name)) {
            if (derivs.isEmpty()) {
                used(Rule.NORMALIZATION);
                return Poly.ONE;
            }
            used(Rule.NORMALIZATION_DERIVATIVE);
            return Poly.ZERO;
        }
        List<String> ds = new ArrayList<>(derivs);
        java.util.Collections.sort(ds);
        return Poly.of(new Atom.Dens(name, args, ds, d.params()));
    }

    Poly delta(Poly a, Poly b) {
        return a.key.compareTo(b.key) <= 0 ? Poly.of(new Atom.Delta(a, b)) : Poly.of(new Atom.Delta(b, a));
    }

    // ---- sums over finite variables ----

    Poly fsum(List<Atom.Var> vars, Poly body) {
        tick();
        if (body.terms().size() > 1) {
            used(Rule.LINEARITY);
        }
        Poly out = Poly.ZERO;
        for (Poly.Term t : body.terms()) {
            out = out.add(fsumMono(vars, t.mono()).scale(t.coef()));
        }
        return out;
    }

    private static Set<String> names(List<Atom.Var> vs) {
        Set<String> s = new LinkedHashSet<>();
        for (Atom.Var v : vs) {
            s.add(v.name);
        }
        return s;
    }

    private Poly fsumMono(List<Atom.Var> vars0, Mono m) {
        tick();
        List<Atom.Var> vars = new ArrayList<>(vars0);
        List<Mono.Factor> fs = m.asList();
        // iterated sums: an inner sum that is a factor joins this one (Fubini for finite sums)
        for (int i = 0; i < fs.size(); i++) {
            if (fs.get(i).atom() instanceof Atom.MSum inner && fs.get(i).exp() == 1) {
                used(Rule.FUBINI);
                Map<String, Poly> ren = new LinkedHashMap<>();
                for (Atom.Var v : inner.bound) {
                    Atom.Var f = fresh(v.domain, v.kind);
                    vars.add(f);
                    ren.put(v.name, Poly.of(f));
                }
                List<Mono.Factor> rest = new ArrayList<>(fs);
                rest.remove(i);
                Poly body = inner.body.subst(this, ren).mul(Poly.of(Mono.ofFactors(rest), Rat.ONE), this);
                return fsum(vars, body);
            }
        }
        Set<String> vn = names(vars);
        // a Kronecker delta from a derivative with respect to a table entry picks one cell
        for (int i = 0; i < fs.size(); i++) {
            if (fs.get(i).atom() instanceof Atom.Delta d && fs.get(i).exp() == 1) {
                for (Poly[] ab : new Poly[][] {{d.a, d.b}, {d.b, d.a}}) {
                    Optional<Atom> va = ab[0].atom();
                    if (va.isPresent() && va.get() instanceof Atom.Var v && vn.contains(v.name)
                            && !ab[1].free().contains(v.name)) {
                        used(Rule.DELTA);
                        List<Mono.Factor> rest = new ArrayList<>(fs);
                        rest.remove(i);
                        Poly body = Mono.ofFactors(rest).subst(this, Map.of(v.name, ab[1]));
                        List<Atom.Var> left = new ArrayList<>(vars);
                        left.remove(v);
                        return left.isEmpty() ? body : fsum(left, body);
                    }
                }
            }
        }
        Mono[] split = m.split(vn);
        Poly outside = Poly.of(split[1], Rat.ONE);
        if (!split[1].isOne()) {
            used(Rule.CONSTANTS_OUT);
        }
        List<Mono.Factor> in = split[0].asList();
        // variables no factor depends on: the support's total width
        Poly result = outside;
        List<Atom.Var> live = new ArrayList<>();
        for (Atom.Var v : vars) {
            boolean occurs = in.stream().anyMatch(f -> f.atom().free().contains(v.name));
            if (occurs) {
                live.add(v);
            } else {
                result = result.mul(Poly.of(new Atom.Vol(v.domain)), this);
            }
        }
        if (live.isEmpty()) {
            return result.mul(Poly.of(Mono.ofFactors(in), Rat.ONE), this);
        }
        List<List<Atom.Var>> comps = components(live, in);
        if (comps.size() > 1) {
            used(Rule.INDEPENDENT_SPLIT);
        }
        for (List<Atom.Var> comp : comps) {
            Set<String> cn = names(comp);
            List<Mono.Factor> cf = new ArrayList<>();
            for (Mono.Factor f : in) {
                if (f.atom().free().stream().anyMatch(cn::contains)) {
                    cf.add(f);
                }
            }
            result = result.mul(component(comp, cf), this);
            if (result.isZero()) {
                return result;
            }
        }
        return result;
    }

    private static List<List<Atom.Var>> components(List<Atom.Var> vars, List<Mono.Factor> fs) {
        Map<String, Integer> comp = new LinkedHashMap<>();
        for (int i = 0; i < vars.size(); i++) {
            comp.put(vars.get(i).name, i);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Mono.Factor f : fs) {
                int min = Integer.MAX_VALUE;
                for (String x : f.atom().free()) {
                    if (comp.containsKey(x)) {
                        min = Math.min(min, comp.get(x));
                    }
                }
                for (String x : f.atom().free()) {
                    if (comp.containsKey(x) && comp.get(x) != min) {
                        comp.put(x, min);
                        changed = true;
                    }
                }
            }
        }
        TreeMap<Integer, List<Atom.Var>> groups = new TreeMap<>();
        for (Atom.Var v : vars) {
            groups.computeIfAbsent(comp.get(v.name), k -> new ArrayList<>()).add(v);
        }
        return new ArrayList<>(groups.values());
    }

    /** One connected sum: marginals summed out where a variable occurs in one density alone, then a canonical atom. */
    private Poly component(List<Atom.Var> vars, List<Mono.Factor> fs) {
        for (Atom.Var v : vars) {
            List<Integer> with = new ArrayList<>();
            for (int i = 0; i < fs.size(); i++) {
                if (fs.get(i).atom().free().contains(v.name)) {
                    with.add(i);
                }
            }
            if (with.size() != 1) {
                continue;
            }
            Mono.Factor f = fs.get(with.get(0));
            if (f.exp() != 1 || !(f.atom() instanceof Atom.Dens d)) {
                continue;
            }
            int pos = -1;
            boolean clean = true;
            for (int i = 0; i < d.args.size(); i++) {
                Poly a = d.args.get(i);
                if (a == null) {
                    continue;
                }
                Optional<Atom> av = a.atom();
                if (av.isPresent() && av.get() instanceof Atom.Var x && x.name.equals(v.name) && pos < 0) {
                    pos = i;
                } else if (a.free().contains(v.name)) {
                    clean = false;
                }
            }
            if (pos < 0 || !clean) {
                continue;
            }
            used(Rule.MARGINAL);
            List<Poly> args = new ArrayList<>(d.args);
            args.set(pos, null);
            Poly marg = density(d.name, args, d.derivs);
            List<Mono.Factor> rest = new ArrayList<>(fs);
            rest.remove((int) with.get(0));
            Poly body = marg.mul(Poly.of(Mono.ofFactors(rest), Rat.ONE), this);
            List<Atom.Var> left = new ArrayList<>(vars);
            left.remove(v);
            return left.isEmpty() ? body : fsum(left, body);
        }
        return Poly.of(canonical(vars, fs));
    }

    private static final Pattern TOKEN_END = Pattern.compile("(?![A-Za-z0-9_'.#])");

    /** The sum as an atom whose bound variables have canonical names, so equal sums have equal keys. */
    private Atom canonical(List<Atom.Var> vars, List<Mono.Factor> fs) {
        Mono body = Mono.ofFactors(fs);
        Set<String> free = Atom.minus(body.free(), vars);
        Map<String, Poly> shape = new LinkedHashMap<>();
        for (Atom.Var v : vars) {
            shape.put(v.name, Poly.of(new Atom.Var("#" + v.domain, v.domain, v.kind)));
        }
        List<String[]> keyed = new ArrayList<>();
        for (Mono.Factor f : fs) {
            String k = f.atom().rebuild(this, shape).key + "^" + f.exp();
            keyed.add(new String[] {k, f.atom().key});
        }
        keyed.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<Atom.Var> order = new ArrayList<>();
        for (String[] k : keyed) {
            List<int[]> hits = new ArrayList<>();
            for (int i = 0; i < vars.size(); i++) {
                Matcher mt = Pattern.compile(Pattern.quote("v:" + vars.get(i).name) + TOKEN_END.pattern()).matcher(k[1]);
                if (!order.contains(vars.get(i)) && mt.find()) {
                    hits.add(new int[] {mt.start(), i});
                }
            }
            hits.sort((a, b) -> Integer.compare(a[0], b[0]));
            for (int[] h : hits) {
                order.add(vars.get(h[1]));
            }
        }
        Map<String, Poly> ren = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        List<Atom.Var> canon = new ArrayList<>();
        for (Atom.Var v : order) {
            String name;
            do {
                int c = count.merge(v.domain, 1, Integer::sum);
                name = "#" + v.domain + "." + c;
            } while (free.contains(name));
            Atom.Var cv = new Atom.Var(name, v.domain, v.kind);
            canon.add(cv);
            ren.put(v.name, Poly.of(cv));
        }
        Poly renamed = body.subst(this, ren);
        Optional<Poly.Term> t = renamed.single();
        if (t.isEmpty() || !t.get().coef().isOne()) {
            return new Atom.MSum(vars, body);
        }
        return new Atom.MSum(canon, t.get().mono());
    }

    // ---- sums over an integer index, expectations over draws (in IndexSums) ----

    private Set<String> integers = Set.of();

    /** Symbols declared integer with min >= 1 (counts such as K). */
    void integers(Set<String> names) {
        integers = Set.copyOf(names);
    }

    Set<String> integers() {
        return integers;
    }

    boolean perturbed(String q) {
        return perturbed.contains(q);
    }

    Poly isum(Atom.Var k, Poly lo, Poly hi, Poly body) {
        tick();
        return new IndexSums(this).isum(k, lo, hi, body);
    }

    Poly iid(Poly body, String z, Poly count, String q) {
        tick();
        return new IndexSums(this).iid(body, z, count, q);
    }

    static boolean countAtLeastOne(Poly lo, Poly hi, Norm n) {
        return new IndexSums(n).leastCount(lo, hi).map(c -> c >= 1).orElse(false);
    }
}
