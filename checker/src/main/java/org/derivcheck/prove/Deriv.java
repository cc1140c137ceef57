package org.derivcheck.prove;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derivatives on normal forms: with respect to a real parameter (densities q(z; phi) depend on their
 * declared parameters, sums are differentiated under the sign), and with respect to one table entry
 * q(a) of a density (per unit cell, so that inside a sum it leaves a Kronecker delta [z = a] / width).
 */
final class Deriv {
    private final Norm n;

    Deriv(Norm n) {
        this.n = n;
    }

    /** d p / d phi. */
    Poly param(Poly p, String phi) {
        if (!p.free().contains(phi)) {
            return Poly.ZERO;
        }
        n.used(Rule.DERIVATIVE);
        Poly out = Poly.ZERO;
        for (Poly.Term t : p.terms()) {
            out = out.add(mono(t.mono(), a -> atomParam(a, phi)).scale(t.coef()));
        }
        return out;
    }

    /** d p / d q(a), per unit cell of q. */
    Poly entry(Poly p, String q, List<Poly> at) {
        if (!p.free().contains("@" + q)) {
            return Poly.ZERO;
        }
        n.used(Rule.ENTRY_DERIVATIVE);
        Poly out = Poly.ZERO;
        for (Poly.Term t : p.terms()) {
            out = out.add(mono(t.mono(), a -> atomEntry(a, q, at)).scale(t.coef()));
        }
        return out;
    }

    private Poly mono(Mono m, java.util.function.Function<Atom, Poly> d) {
        List<Mono.Factor> fs = m.factors();
        Poly out = Poly.ZERO;
        for (int i = 0; i < fs.size(); i++) {
            Mono.Factor f = fs.get(i);
            Poly da = d.apply(f.atom());
            if (da.isZero()) {
                continue;
            }
            List<Mono.Factor> rest = new ArrayList<>(fs);
            rest.remove(i);
            Poly term = Poly.of(Mono.ofFactors(rest), Rat.of(f.exp()));
            if (f.exp() != 1) {
                term = term.mul(n.power(Poly.of(f.atom()), f.exp() - 1), n);
            }
            out = out.add(term.mul(da, n));
        }
        return out;
    }

    private Poly atomParam(Atom a, String phi) {
        if (!a.free().contains(phi)) {
            return Poly.ZERO;
        }
        if (a instanceof Atom.Var v) {
            return v.name.equals(phi) ? Poly.ONE : Poly.ZERO;
        }
        if (a instanceof Atom.Dens d) {
            for (Poly arg : d.args) {
                if (arg != null && arg.free().contains(phi)) {
                    throw new NotProvable("a density evaluated at a point that depends on " + phi);
                }
            }
            if (!n.decl(d.name).params().contains(phi)) {
                return Poly.ZERO;
            }
            List<String> ds = new ArrayList<>(d.derivs);
            ds.add(phi);
            return n.density(d.name, d.args, ds);
        }
        if (a instanceof Atom.Log l) {
            return param(l.arg, phi).mul(n.power(l.arg, -1), n);
        }
        if (a instanceof Atom.Exp e) {
            return Poly.of(e).mul(param(e.arg, phi), n);
        }
        if (a instanceof Atom.Paren p) {
            return param(p.p, phi);
        }
        if (a instanceof Atom.Pow p) {
            return n.power(p.base, p.exp.add(Rat.MINUS_ONE)).scale(p.exp).mul(param(p.base, phi), n);
        }
        if (a instanceof Atom.MSum s) {
            n.used(Rule.DIFF_UNDER_SUM);
            Map<String, Poly> ren = new LinkedHashMap<>();
            List<Atom.Var> fresh = new ArrayList<>();
            for (Atom.Var v : s.bound) {
                Atom.Var f = n.fresh(v.domain, v.kind);
                fresh.add(f);
                ren.put(v.name, Poly.of(f));
            }
            return n.fsum(fresh, param(s.body.subst(n, ren), phi));
        }
        if (a instanceof Atom.ISum s && !s.lo.free().contains(phi) && !s.hi.free().contains(phi)) {
            Atom.Var k = n.fresh(s.k.domain, s.k.kind);
            return n.isum(k, s.lo, s.hi, param(s.body.subst(n, Map.of(s.k.name, Poly.of(k))), phi));
        }
        if (a instanceof Atom.Iid e && !n.decl(e.q).params().contains(phi) && !e.count.free().contains(phi)) {
            n.used(Rule.DIFF_UNDER_SUM);
            return n.iid(param(e.body, phi), e.z, e.count, e.q);
        }
        throw new NotProvable("no rule to differentiate " + a + " in " + phi);
    }

    private Poly atomEntry(Atom a, String q, List<Poly> at) {
        if (!a.free().contains("@" + q)) {
            return Poly.ZERO;
        }
        if (a instanceof Atom.Dens d) {
            if (!d.derivs.isEmpty() || d.args.size() != at.size()) {
                throw new NotProvable("an entry derivative of a differentiated density");
            }
            Poly out = Poly.ONE;
            for (int i = 0; i < d.args.size(); i++) {
                if (d.args.get(i) != null) {
                    out = out.mul(n.delta(d.args.get(i), at.get(i)), n);
                }
            }
            return out;
        }
        if (a instanceof Atom.Log l) {
            return entry(l.arg, q, at).mul(n.power(l.arg, -1), n);
        }
        if (a instanceof Atom.Exp e) {
            return Poly.of(e).mul(entry(e.arg, q, at), n);
        }
        if (a instanceof Atom.Paren p) {
            return entry(p.p, q, at);
        }
        if (a instanceof Atom.Pow p) {
            return n.power(p.base, p.exp.add(Rat.MINUS_ONE)).scale(p.exp).mul(entry(p.base, q, at), n);
        }
        if (a instanceof Atom.MSum s) {
            Map<String, Poly> ren = new LinkedHashMap<>();
            List<Atom.Var> fresh = new ArrayList<>();
            for (Atom.Var v : s.bound) {
                Atom.Var f = n.fresh(v.domain, v.kind);
                fresh.add(f);
                ren.put(v.name, Poly.of(f));
            }
            return n.fsum(fresh, entry(s.body.subst(n, ren), q, at));
        }
        if (a instanceof Atom.ISum s) {
            Atom.Var k = n.fresh(s.k.domain, s.k.kind);
            return n.isum(k, s.lo, s.hi, entry(s.body.subst(n, Map.of(s.k.name, Poly.of(k))), q, at));
        }
        throw new NotProvable("no rule to differentiate " + a + " with respect to an entry of " + q);
    }

    static Optional<String> none() {
        return Optional.empty();
    }
}
