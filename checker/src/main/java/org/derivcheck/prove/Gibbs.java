package org.derivcheck.prove;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.derivcheck.math.Tree;

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

    /** A weight d(..., b_1, ..., b_k, ...) / d(..., *, ..., *, ...): the density's conditional on its free arguments. */
    private record Weight(String name, List<Poly> args) {
        String key() {
            return name + Atom.keys(args);
        }
    }

    Prover.Result prove(Tree small, Tree large) {
        FromTree r = new FromTree(n);
        Poly d = r.read(large).add(r.read(small).negate());
        String last = "larger - smaller is not a sum weighted by one density";
        Map<String, Weight> cands = new LinkedHashMap<>();
        for (Poly.Term t : d.terms()) {
            for (Mono.Factor f : t.mono().factors()) {
                if (f.atom() instanceof Atom.MSum s && f.exp() == 1) {
                    for (Mono.Factor b : s.body.factors()) {
                        Weight w = weighting(b, s);
                        if (w != null) {
                            cands.putIfAbsent(w.key(), w);
                        }
                    }
                }
            }
        }
        for (Weight w : cands.values()) {
            List<Atom.Var> u = new ArrayList<>();
            List<Poly> filled = new ArrayList<>();
            for (int i = 0; i < w.args().size(); i++) {
                if (w.args().get(i) == null) {
                    Atom.Var v = n.fresh(n.decl(w.name()).variables().get(i), Tree.Kind.FINITE);
                    u.add(v);
                    filled.add(Poly.of(v));
                } else {
                    filled.add(w.args().get(i));
                }
            }
            Poly norm = n.density(w.name(), w.args(), List.of());
            Optional<Poly> g = asExpectation(d, w, u, norm);
            if (g.isEmpty()) {
                continue;
            }
            Poly weight = n.density(w.name(), filled, List.of()).mul(n.power(norm, -1), n);
            Poly rsum = n.fsum(u, weight.mul(n.exp(g.get().negate()), n));
            String q = w.name() + (norm.equals(Poly.ONE) ? "" : " (conditional)");
            if (rsum.equals(Poly.ONE)) {
                List<String> rules = new ArrayList<>();
                rules.add("gibbs (larger - smaller = KL(" + q + " || r) >= 0, r = " + w.name() + " exp(-g) sums to 1)");
                rules.addAll(Prover.names(n.used()));
                return new Prover.Result(true, rules, "by gibbs");
            }
            last = "larger - smaller = E_" + q + "[g], but " + w.name() + " exp(-g) does not reduce to a normalized "
                    + "density (" + Prover.abbreviate(rsum.toString()) + ")";
        }
        return Prover.Result.no(last);
    }

    /**
     * For a density factor in which every bound variable of the sum is one bare argument and the other arguments
     * are free of them: the weight, with the bound positions summed out (null).
     */
    private static Weight weighting(Mono.Factor b, Atom.MSum s) {
        if (!(b.atom() instanceof Atom.Dens q) || b.exp() != 1 || !q.derivs.isEmpty()) {
            return null;
        }
        List<Poly> args = new ArrayList<>();
        List<Atom.Var> seen = new ArrayList<>();
        for (Poly a : q.args) {
            if (a == null) {
                return null;
            }
            Optional<Atom> v = a.atom();
            if (v.isPresent() && v.get() instanceof Atom.Var x && s.bound.contains(x)) {
                if (seen.contains(x)) {
                    return null;
                }
                seen.add(x);
                args.add(null);
            } else {
                for (Atom.Var x : s.bound) {
                    if (a.free().contains(x.name)) {
                        return null;
                    }
                }
                args.add(a);
            }
        }
        return seen.size() == s.bound.size() ? new Weight(q.name, args) : null;
    }

    /** The bound variables of s in the weight's summed positions, when s's body holds the weight's density. */
    private static Optional<Map.Entry<Integer, List<Atom.Var>>> match(Atom.MSum s, Weight w) {
        List<Mono.Factor> body = s.body.factors();
        for (int j = 0; j < body.size(); j++) {
            Weight c = weighting(body.get(j), s);
            if (c != null && c.key().equals(w.key())) {
                Atom.Dens dq = (Atom.Dens) body.get(j).atom();
                List<Atom.Var> order = new ArrayList<>();
                for (int i = 0; i < dq.args.size(); i++) {
                    if (w.args().get(i) == null) {
                        order.add((Atom.Var) dq.args.get(i).atom().orElseThrow());
                    }
                }
                return Optional.of(Map.entry(j, order));
            }
        }
        return Optional.empty();
    }

    /** g with d = E_w[g], or empty. */
    private Optional<Poly> asExpectation(Poly d, Weight w, List<Atom.Var> u, Poly norm) {
        Poly g = Poly.ZERO;
        for (Poly.Term t : d.terms()) {
            List<Mono.Factor> fs = t.mono().factors();
            int found = -1;
            Map.Entry<Integer, List<Atom.Var>> m = null;
            for (int i = 0; i < fs.size() && found < 0; i++) {
                if (fs.get(i).atom() instanceof Atom.MSum s && fs.get(i).exp() == 1) {
                    Optional<Map.Entry<Integer, List<Atom.Var>>> mm = match(s, w);
                    if (mm.isPresent()) {
                        found = i;
                        m = mm.get();
                    }
                }
            }
            if (found < 0) {
                // a term free of the weighted variables: E_w[c] = c
                g = g.add(Poly.of(t.mono(), t.coef()));
                continue;
            }
            Atom.MSum sum = (Atom.MSum) fs.get(found).atom();
            List<Mono.Factor> rest = new ArrayList<>(fs);
            rest.remove(found);
            List<Mono.Factor> inner = new ArrayList<>(sum.body.factors());
            inner.remove((int) m.getKey());
            Map<String, Poly> ren = new LinkedHashMap<>();
            for (int k = 0; k < m.getValue().size(); k++) {
                ren.put(m.getValue().get(k).name, Poly.of(u.get(k)));
            }
            Poly innerPoly = Mono.ofFactors(inner).subst(n, ren);
            g = g.add(innerPoly.mul(Poly.of(Mono.ofFactors(rest), t.coef()), n).mul(norm, n));
        }
        return Optional.of(g);
    }
}
