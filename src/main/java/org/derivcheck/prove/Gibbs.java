package org.derivcheck.prove;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.derivcheck.cas.Tree;

/**
 * Gibbs' inequality as a cited rule: larger - smaller, in normal form, is written as E_q[g] for a density q
 * (each term either a sum weighted by q or free of q's variables), and r = q exp(-g) must be proved to sum
 * (integrate) to 1. Then larger - smaller = KL(q || r) >= 0, since q and r are both positive and normalized
 * over the same cells.
 */
final class Gibbs {
    private final Norm n;

    Gibbs(Norm n) {
        this.n = n;
    }

    Prover.Result prove(Tree small, Tree large) {
        FromTree r = new FromTree(n);
        Poly d = r.read(large).add(r.read(small).negate());
        String last = "larger - smaller is not a sum weighted by one density";
        for (String q : candidates(d)) {
            Optional<Poly> g = asExpectation(d, q);
            if (g.isEmpty()) {
                continue;
            }
            List<Atom.Var> u = vars.get(q);
            Poly weight = n.density(q, args(u), List.of());
            Poly rsum = n.fsum(u, weight.mul(n.exp(g.get().negate()), n));
            if (rsum.equals(Poly.ONE)) {
                List<String> rules = new ArrayList<>();
                rules.add("gibbs (larger - smaller = KL(" + q + " || r) >= 0, r = " + q + " exp(-g) sums to 1)");
                rules.addAll(Prover.names(n.used()));
                return new Prover.Result(true, rules, "by gibbs");
            }
            last = "larger - smaller = E_" + q + "[g], but " + q + " exp(-g) does not reduce to a normalized density ("
                    + Prover.abbreviate(rsum.toString()) + ")";
        }
        return Prover.Result.no(last);
    }

    private final Map<String, List<Atom.Var>> vars = new LinkedHashMap<>();

    private static List<Poly> args(List<Atom.Var> u) {
        List<Poly> out = new ArrayList<>();
        for (Atom.Var v : u) {
            out.add(Poly.of(v));
        }
        return out;
    }

    /** Densities that weight a sum over exactly their own variables somewhere in d. */
    private Set<String> candidates(Poly d) {
        Set<String> out = new LinkedHashSet<>();
        for (Poly.Term t : d.terms()) {
            for (Mono.Factor f : t.mono().factors()) {
                if (f.atom() instanceof Atom.MSum s && f.exp() == 1) {
                    for (Mono.Factor b : s.body.factors()) {
                        if (weighting(b, s) != null) {
                            out.add(((Atom.Dens) b.atom()).name);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** For q(v_1, ..., v_k) whose arguments are exactly the sum's bound variables: the variables in argument order. */
    private static List<Atom.Var> weighting(Mono.Factor b, Atom.MSum s) {
        if (!(b.atom() instanceof Atom.Dens q) || b.exp() != 1 || !q.derivs.isEmpty() || q.args.size() != s.bound.size()) {
            return null;
        }
        List<Atom.Var> order = new ArrayList<>();
        for (Poly a : q.args) {
            Optional<Atom> v = a == null ? Optional.empty() : a.atom();
            if (v.isEmpty() || !(v.get() instanceof Atom.Var x) || !s.bound.contains(x) || order.contains(x)) {
                return null;
            }
            order.add(x);
        }
        return order;
    }

    /** g with d = E_q[g], or empty. */
    private Optional<Poly> asExpectation(Poly d, String q) {
        Norm.Decl decl = n.decl(q);
        List<Atom.Var> u = new ArrayList<>();
        for (String v : decl.variables()) {
            u.add(n.fresh(v, Tree.Kind.FINITE));
        }
        vars.put(q, u);
        Poly g = Poly.ZERO;
        for (Poly.Term t : d.terms()) {
            List<Mono.Factor> fs = t.mono().factors();
            int found = -1;
            List<Atom.Var> order = null;
            Atom.MSum sum = null;
            int qIndex = -1;
            for (int i = 0; i < fs.size() && found < 0; i++) {
                if (fs.get(i).atom() instanceof Atom.MSum s && fs.get(i).exp() == 1) {
                    List<Mono.Factor> body = s.body.factors();
                    for (int j = 0; j < body.size(); j++) {
                        if (body.get(j).atom() instanceof Atom.Dens dq && dq.name.equals(q)) {
                            order = weighting(body.get(j), s);
                            if (order != null) {
                                found = i;
                                sum = s;
                                qIndex = j;
                                break;
                            }
                        }
                    }
                }
            }
            if (found < 0) {
                if (t.mono().free().contains("@" + q)) {
                    return Optional.empty();
                }
                g = g.add(Poly.of(t.mono(), t.coef()));
                continue;
            }
            List<Mono.Factor> rest = new ArrayList<>(fs);
            rest.remove(found);
            List<Mono.Factor> inner = new ArrayList<>(sum.body.factors());
            inner.remove(qIndex);
            Map<String, Poly> ren = new LinkedHashMap<>();
            for (int k = 0; k < order.size(); k++) {
                ren.put(order.get(k).name, Poly.of(u.get(k)));
            }
            Poly innerPoly = Mono.ofFactors(inner).subst(n, ren);
            g = g.add(innerPoly.mul(Poly.of(Mono.ofFactors(rest), t.coef()), n));
        }
        return Optional.of(g);
    }
}
