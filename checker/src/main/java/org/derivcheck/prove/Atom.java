package org.derivcheck.prove;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.derivcheck.math.Tree;

/**
 * An irreducible factor of the normal form. Atoms are compared by their keys, which are canonical:
 * bound variables inside sums get canonical names, arguments are normal forms.
 */
abstract class Atom {
    final String key;
    private final Set<String> free;

    Atom(String key, Set<String> free) {
        this.key = key;
        this.free = Collections.unmodifiableSet(free);
    }

    /** The names this atom depends on: variables, "@q" for a density or function q, "z()" for draws z(k). */
    final Set<String> free() {
        return free;
    }

    /** This atom with free names replaced and every rule applied again. */
    abstract Poly rebuild(Norm n, Map<String, Poly> s);

    abstract boolean positive(Norm n);

    @Override
    public final String toString() {
        return key;
    }

    static Set<String> union(List<Poly> ps) {
        Set<String> s = new LinkedHashSet<>();
        for (Poly p : ps) {
            if (p != null) {
                s.addAll(p.free());
            }
        }
        return s;
    }

    static String keys(List<Poly> ps) {
        List<String> out = new ArrayList<>();
        for (Poly p : ps) {
            out.add(p == null ? "*" : p.key);
        }
        return String.join(", ", out);
    }

    /** A variable: a declared real symbol, a free or bound finite variable, a summation index. */
    static final class Var extends Atom {
        final String name;
        /** the declared finite variable whose support it ranges over; the name itself for real symbols */
        final String domain;
        final Tree.Kind kind;

        Var(String name, String domain, Tree.Kind kind) {
            super("v:" + name, Set.of(name));
            this.name = name;
            this.domain = domain;
            this.kind = kind;
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            Poly r = s.get(name);
            return r != null ? r : Poly.of(this);
        }

        @Override
        boolean positive(Norm n) {
            return kind == Tree.Kind.POSITIVE;
        }
    }

    /** q(a, b, ...) of a normalized density; null arguments are summed out (a marginal); derivs: D in parameters. */
    static final class Dens extends Atom {
        final String name;
        final List<Poly> args;
        final List<String> derivs;

        Dens(String name, List<Poly> args, List<String> derivs, List<String> params) {
            super("d:" + name + "(" + keys(args) + ")" + (derivs.isEmpty() ? "" : "'" + derivs), free(name, args, params));
            this.name = name;
            this.args = Collections.unmodifiableList(new ArrayList<>(args));
            this.derivs = List.copyOf(derivs);
        }

        private static Set<String> free(String name, List<Poly> args, List<String> params) {
            Set<String> s = union(args);
            s.add("@" + name);
            s.addAll(params);
            return s;
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            List<Poly> a = new ArrayList<>();
            for (Poly p : args) {
                a.add(p == null ? null : p.subst(n, s));
            }
            return n.density(name, a, derivs);
        }

        @Override
        boolean positive(Norm n) {
            return derivs.isEmpty();
        }
    }

    /** f(a, ...) of an abstract function (any real values). */
    static final class Fun extends Atom {
        final String name;
        final List<Poly> args;

        Fun(String name, List<Poly> args) {
            super("f:" + name + "(" + keys(args) + ")", withName(union(args), "@" + name));
            this.name = name;
            this.args = List.copyOf(args);
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            List<Poly> a = new ArrayList<>();
            for (Poly p : args) {
                a.add(p.subst(n, s));
            }
            return Poly.of(new Fun(name, a));
        }

        @Override
        boolean positive(Norm n) {
            return false;
        }
    }

    static Set<String> withName(Set<String> s, String name) {
        s.add(name);
        return s;
    }

    /** z(k): one of K independent draws of the finite variable z. */
    static final class Ind extends Atom {
        final String z;
        final Poly idx;

        Ind(String z, Poly idx) {
            super("z:" + z + "(" + idx.key + ")", withName(new LinkedHashSet<>(idx.free()), z + "()"));
            this.z = z;
            this.idx = idx;
        }

        static String slot(String z, Poly idx) {
            return z + "(" + idx.key + ")";
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            Poly i = idx.subst(n, s);
            Poly r = s.get(slot(z, i));
            return r != null ? r : Poly.of(new Ind(z, i));
        }

        @Override
        boolean positive(Norm n) {
            return false;
        }
    }

    /** log of something that does not split further. */
    static final class Log extends Atom {
        final Poly arg;

        Log(Poly arg) {
            super("log(" + arg.key + ")", new LinkedHashSet<>(arg.free()));
            this.arg = arg;
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            return n.log(arg.subst(n, s));
        }

        @Override
        boolean positive(Norm n) {
            return false;
        }
    }

    static final class Exp extends Atom {
        final Poly arg;

        Exp(Poly arg) {
            super("exp(" + arg.key + ")", new LinkedHashSet<>(arg.free()));
            this.arg = arg;
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            return n.exp(arg.subst(n, s));
        }

        @Override
        boolean positive(Norm n) {
            return true;
        }
    }

    /** A sum of several terms used as a factor (with an integer exponent in its monomial). */
    static final class Paren extends Atom {
        final Poly p;

        Paren(Poly p) {
            super("(" + p.key + ")", new LinkedHashSet<>(p.free()));
            this.p = p;
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            return p.subst(n, s);
        }

        @Override
        boolean positive(Norm n) {
            return p.positive(n);
        }
    }

    /** base^r for a non-integer rational r. */
    static final class Pow extends Atom {
        final Poly base;
        final Rat exp;

        Pow(Poly base, Rat exp) {
            super("pow(" + base.key + ", " + exp + ")", new LinkedHashSet<>(base.free()));
            this.base = base;
            this.exp = exp;
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            return n.power(base.subst(n, s), exp);
        }

        @Override
        boolean positive(Norm n) {
            return base.positive(n);
        }
    }

    /** A built-in function the prover has no rules for (Sin, LogGamma, Pi, ...): equal arguments, equal values. */
    static final class App extends Atom {
        final String head;
        final List<Poly> args;

        App(String head, List<Poly> args) {
            super("a:" + head + "(" + keys(args) + ")", union(args));
            this.head = head;
            this.args = List.copyOf(args);
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            List<Poly> a = new ArrayList<>();
            for (Poly p : args) {
                a.add(p.subst(n, s));
            }
            return Poly.of(new App(head, a));
        }

        @Override
        boolean positive(Norm n) {
            return args.isEmpty() && (head.equals("Pi") || head.equals("E"));
        }
    }

    /** Sum (integral) over finite variables of a product of factors that all depend on them: canonical names. */
    static final class MSum extends Atom {
        final List<Var> bound;
        final Mono body;

        MSum(List<Var> bound, Mono body) {
            super("S[" + names(bound) + "](" + body.key + ")", minus(body.free(), bound));
            this.bound = List.copyOf(bound);
            this.body = body;
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            Map<String, Poly> m = new LinkedHashMap<>(s);
            List<Var> fresh = new ArrayList<>();
            for (Var v : bound) {
                Var f = n.fresh(v.domain, v.kind);
                fresh.add(f);
                m.put(v.name, Poly.of(f));
            }
            return n.fsum(fresh, body.subst(n, m));
        }

        @Override
        boolean positive(Norm n) {
            return body.positive(n);
        }
    }

    static String names(List<Var> vs) {
        List<String> out = new ArrayList<>();
        for (Var v : vs) {
            out.add(v.name + ":" + v.domain);
        }
        return String.join(", ", out);
    }

    static Set<String> minus(Set<String> s, List<Var> vs) {
        Set<String> out = new LinkedHashSet<>(s);
        for (Var v : vs) {
            out.remove(v.name);
        }
        return out;
    }

    /** Sum(body, {k, lo, hi}) over an integer index that does not reduce further. */
    static final class ISum extends Atom {
        final Var k;
        final Poly lo;
        final Poly hi;
        final Mono body;

        ISum(Var k, Poly lo, Poly hi, Mono body) {
            super("I[" + k.name + ", " + lo.key + ", " + hi.key + "](" + body.key + ")", isumFree(k, lo, hi, body));
            this.k = k;
            this.lo = lo;
            this.hi = hi;
            this.body = body;
        }

        private static Set<String> isumFree(Var k, Poly lo, Poly hi, Mono body) {
            Set<String> s = minus(body.free(), List.of(k));
            s.addAll(lo.free());
            s.addAll(hi.free());
            return s;
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            Var f = n.fresh(k.domain, k.kind);
            Map<String, Poly> m = new LinkedHashMap<>(s);
            m.put(k.name, Poly.of(f));
            return n.isum(f, lo.subst(n, s), hi.subst(n, s), body.subst(n, m));
        }

        @Override
        boolean positive(Norm n) {
            return body.positive(n) && Norm.countAtLeastOne(lo, hi, n);
        }
    }

    /** E over count independent draws z(1..count) from q, of a body that does not reduce further. */
    static final class Iid extends Atom {
        final Poly body;
        final String z;
        final Poly count;
        final String q;

        Iid(Poly body, String z, Poly count, String q, List<String> params) {
            super("E[" + z + " ~ " + q + ", " + count.key + "](" + body.key + ")", iidFree(body, z, count, q, params));
            this.body = body;
            this.z = z;
            this.count = count;
            this.q = q;
        }

        private static Set<String> iidFree(Poly body, String z, Poly count, String q, List<String> params) {
            Set<String> s = new LinkedHashSet<>(body.free());
            s.remove(z + "()");
            s.addAll(count.free());
            s.add("@" + q);
            s.addAll(params);
            return s;
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            return n.iid(body.subst(n, s), z, count.subst(n, s), q);
        }

        @Override
        boolean positive(Norm n) {
            return body.positive(n);
        }
    }

    /** [a = b] / width: what the derivative with respect to a table entry leaves inside a sum. */
    static final class Delta extends Atom {
        final Poly a;
        final Poly b;

        Delta(Poly a, Poly b) {
            super("delta(" + a.key + ", " + b.key + ")", union(List.of(a, b)));
            this.a = a;
            this.b = b;
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            return n.delta(a.subst(n, s), b.subst(n, s));
        }

        @Override
        boolean positive(Norm n) {
            return false;
        }
    }

    /** Sum(1, z): the total width of z's support (not 1: cells have widths). */
    static final class Vol extends Atom {
        final String domain;

        Vol(String domain) {
            super("vol(" + domain + ")", new LinkedHashSet<>());
            this.domain = domain;
        }

        @Override
        Poly rebuild(Norm n, Map<String, Poly> s) {
            return Poly.of(this);
        }

        @Override
        boolean positive(Norm n) {
            return true;
        }
    }
}
