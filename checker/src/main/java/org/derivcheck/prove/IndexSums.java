package org.derivcheck.prove;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.derivcheck.math.Tree;

/**
 * Sums over an integer index ({@code Sum(f, {k, 1, K})}) and expectations over K independent draws
 * z(1..K) ~ q: literal bounds are written out, a constant summed K times is K times it, and the
 * expectation of a function of one draw z(k) (1 <= k <= K) is the expectation under q.
 */
final class IndexSums {
    private final Norm n;

    IndexSums(Norm n) {
        this.n = n;
    }

    /**
     * The least value of hi - lo + 1 that can be shown (lo = 1 or a literal, hi = c + sum of positive integer multiples
     * of integer symbols >= 1); empty when it cannot be bounded.
     */
    Optional<Long> leastCount(Poly lo, Poly hi) {
        Optional<Rat> l = lo.constantValue();
        if (l.isEmpty() || !l.get().isInteger()) {
            return Optional.empty();
        }
        long least = 1 - l.get().num().longValueExact();
        for (Poly.Term t : hi.terms()) {
            if (!t.coef().isInteger()) {
                return Optional.empty();
            }
            if (t.mono().isOne()) {
                least += t.coef().num().longValueExact();
                continue;
            }
            List<Mono.Factor> fs = t.mono().factors();
            if (fs.size() != 1 || fs.get(0).exp() != 1 || !(fs.get(0).atom() instanceof Atom.Var v)
                    || !n.integers().contains(v.name) || t.coef().signum() <= 0) {
                return Optional.empty();
            }
            least += t.coef().num().longValueExact();
        }
        return Optional.of(least);
    }

    Poly isum(Atom.Var k, Poly lo, Poly hi, Poly body) {
        Optional<Rat> l = lo.constantValue();
        Optional<Rat> h = hi.constantValue();
        if (l.isPresent() && h.isPresent() && l.get().isInteger() && h.get().isInteger()) {
            long a = l.get().num().longValueExact();
            long b = h.get().num().longValueExact();
            if (b - a + 1 > 8) {
                throw new NotProvable("a sum with more than 8 terms");
            }
            n.used(Rule.SUM_EXPAND);
            Poly out = Poly.ZERO;
            for (long i = a; i <= b; i++) {
                out = out.add(body.subst(n, Map.of(k.name, Poly.constant(Rat.of(i)))));
            }
            return out;
        }
        if (body.terms().size() > 1) {
            n.used(Rule.LINEARITY);
        }
        Poly out = Poly.ZERO;
        for (Poly.Term t : body.terms()) {
            Mono[] split = t.mono().split(Set.of(k.name));
            Poly outside = Poly.of(split[1], t.coef());
            if (split[0].isOne()) {
                if (leastCount(lo, hi).map(c -> c < 0).orElse(true)) {
                    throw new NotProvable("the number of terms of a sum is not known to be hi - lo + 1");
                }
                n.used(Rule.SUM_CONSTANT);
                out = out.add(outside.mul(hi.add(lo.negate()).add(Poly.ONE), n));
                continue;
            }
            if (!split[1].isOne()) {
                n.used(Rule.CONSTANTS_OUT);
            }
            Atom.Var c = new Atom.Var(canonicalIndex(split[0]), k.domain, k.kind);
            Poly renamed = split[0].subst(n, Map.of(k.name, Poly.of(c)));
            Optional<Poly.Term> r = renamed.single();
            Atom s = r.isPresent() && r.get().coef().isOne() ? new Atom.ISum(c, lo, hi, r.get().mono())
                    : new Atom.ISum(k, lo, hi, split[0]);
            out = out.add(outside.mul(Poly.of(s), n));
        }
        return out;
    }

    private static String canonicalIndex(Mono body) {
        int i = 1;
        while (body.free().contains("#i." + i)) {
            i++;
        }
        return "#i." + i;
    }

    Poly iid(Poly body, String z, Poly count, String q) {
        Norm.Decl d = n.decl(q);
        if (d.variables().size() != 1) {
            throw new NotProvable("draws from a density of several variables");
        }
        String domain = d.variables().get(0);
        Optional<Rat> lit = count.constantValue();
        if (lit.isPresent()) {
            if (!lit.get().isInteger() || lit.get().signum() <= 0 || lit.get().num().intValueExact() > 4) {
                throw new NotProvable("draws of count " + lit.get());
            }
            n.used(Rule.IID_EXPAND);
            int k = lit.get().num().intValueExact();
            Map<String, Poly> s = new LinkedHashMap<>();
            List<Atom.Var> vars = new ArrayList<>();
            Poly weight = Poly.ONE;
            for (int i = 1; i <= k; i++) {
                Atom.Var u = n.fresh(domain, Tree.Kind.FINITE);
                vars.add(u);
                s.put(Atom.Ind.slot(z, Poly.constant(Rat.of(i))), Poly.of(u));
                weight = weight.mul(n.density(q, List.of(Poly.of(u)), List.of()), n);
            }
            Poly b = body.subst(n, s);
            if (b.free().contains(z + "()")) {
                throw new NotProvable("a draw " + z + "(i) outside 1.." + k);
            }
            return n.fsum(vars, weight.mul(b, n));
        }
        if (n.perturbed(q)) {
            throw new NotProvable("draws from a perturbed density");
        }
        if (!leastCount(Poly.ONE, count).map(c -> c >= 1).orElse(false)) {
            throw new NotProvable("the number of draws " + count + " is not known to be a whole number >= 1");
        }
        if (body.terms().size() > 1) {
            n.used(Rule.LINEARITY);
        }
        Poly out = Poly.ZERO;
        for (Poly.Term t : body.terms()) {
            Mono[] split = t.mono().split(Set.of(z + "()"));
            Poly outside = Poly.of(split[1], t.coef());
            if (split[0].isOne()) {
                n.used(Rule.IID_CONSTANT);
                out = out.add(outside);
                continue;
            }
            List<Mono.Factor> dep = split[0].factors();
            if (dep.size() == 1 && dep.get(0).exp() == 1 && dep.get(0).atom() instanceof Atom.ISum s
                    && s.lo.constantValue().map(Rat::isOne).orElse(false) && s.hi.equals(count)) {
                Atom.Var u = n.fresh(domain, Tree.Kind.FINITE);
                Poly inner = s.body.subst(n, Map.of(Atom.Ind.slot(z, Poly.of(s.k)), Poly.of(u)));
                if (!inner.free().contains(z + "()")) {
                    n.used(Rule.IID_MARGINAL);
                    Poly marg = n.fsum(List.of(u), n.density(q, List.of(Poly.of(u)), List.of()).mul(inner, n));
                    Atom.Var k = n.fresh(s.k.domain, s.k.kind);
                    Poly m = marg.subst(n, Map.of(s.k.name, Poly.of(k)));
                    out = out.add(outside.mul(n.isum(k, s.lo, s.hi, m), n));
                    continue;
                }
            }
            if (!split[1].isOne()) {
                n.used(Rule.CONSTANTS_OUT);
            }
            out = out.add(outside.mul(Poly.of(new Atom.Iid(Poly.of(split[0], Rat.ONE), z, count, q, d.params())), n));
        }
        return out;
    }
}
