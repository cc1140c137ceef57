package org.derivcheck.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Expr;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.SymbolDecl;
import org.derivcheck.notation.Relation;

/**
 * Decides a relation over a vector family of symbolic size K (t ~ Dirichlet(alpha, K), z ~ OneHotCategorical(p, K),
 * x ~ Multinomial(n, p, K)): by exact instances at concrete K from K's declared range (the smallest values, 1 and 2
 * among them where allowed, a middle one and the largest up to 12), each index symbol of a component t(k) taking
 * its smallest, a middle and its largest value in 1..K; each instance is an ordinary claim decided by the
 * {@link RelationChecker}. A failing instance refutes (or invalidates) the claim at that K. All instances holding
 * give CONFIRMED with the K values in the evidence, and PROVED only when the closed forms with the sums over 1..K
 * kept symbolic are also shown equal and the parameters lie in their domain at every K by their form.
 */
final class SizedChecker {
    /** Instances tried at most per relation. */
    private static final int MAX_INSTANCES = 36;
    /** The fewest K values whose instances must all hold (where the range has that many) for a confirmation. */
    private static final int MIN_SIZES = 3;

    private final RelationChecker relations;

    SizedChecker(RelationChecker relations) {
        this.relations = relations;
    }

    RelationChecker.Decision decide(Expr lhs, Expr rhs, Relation rel, StepContext ctx) {
        Set<String> sizes = new LinkedHashSet<>(Cas.sizeSymbols(lhs));
        sizes.addAll(Cas.sizeSymbols(rhs));
        Set<String> indices = new LinkedHashSet<>(Cas.componentIndexSymbols(lhs));
        indices.addAll(Cas.componentIndexSymbols(rhs));
        indices.removeAll(sizes);
        Map<String, int[]> sizeRanges = new LinkedHashMap<>();
        for (String k : sizes) {
            Optional<SymbolDecl> d = ctx.sampler.declaration(k);
            if (d.isEmpty() || d.get().domain() != Domain.INTEGER) {
                return invalid("the size " + k + " of a vector family must be declared a whole number, e.g. " + k
                        + ": {domain: integer, min: 1, max: 8}");
            }
            int lo = (int) Math.max(1, Math.ceil(d.get().min()));
            int hi = (int) Math.min(12, Math.floor(d.get().max()));
            if (lo > hi) {
                return invalid("the size " + k + " has no value from 1 to 12 in its declared range");
            }
            sizeRanges.put(k, new int[] {lo, hi, (int) Math.min(Integer.MAX_VALUE, d.get().max())});
        }
        for (String i : indices) {
            Optional<SymbolDecl> d = ctx.sampler.declaration(i);
            if (d.isEmpty() || d.get().domain() != Domain.INTEGER) {
                return invalid("the index " + i + " of a component must be declared a whole number (from 1 to the size)");
            }
        }
        List<Map<String, Integer>> plan = plan(sizeRanges, indices, ctx);
        List<String> tried = new ArrayList<>();
        Set<Integer> heldSizes = new TreeSet<>();
        boolean inconclusive = false;
        String undecided = "";
        int n = 0;
        Set<Integer> skipped = new TreeSet<>();
        String sizeName = sizes.iterator().next();
        for (int q = 0; q < plan.size(); q++) {
            Map<String, Integer> at = plan.get(q);
            if (!ctx.timeLeft(500)) {
                skipped.add(at.get(sizeName));
                continue;
            }
            String where = describe(at);
            RelationChecker.Decision d;
            try {
                long ms = Math.min(5_000, ctx.remainingMillis());
                Expr l = ctx.cas.atSizes(lhs, at, ms);
                Expr r = ctx.cas.atSizes(rhs, at, ms);
                // a share of the time left, so that one slow instance (a large K) does not starve the others
                long share = Math.max(1_500, (ctx.remainingMillis() - 1_000) * 2 / (plan.size() - q + 1));
                StepContext child = ctx.fresh(++n, share);
                d = relations.decide(l, r, rel, child);
                if (d.verdict() == Verdict.INCONCLUSIVE && !child.timeLeft()) {
                    skipped.add(at.get(sizeName));
                    continue;
                }
            } catch (IllegalArgumentException e) {
                return invalid("at " + where + ": " + e.getMessage());
            } catch (CasException e) {
                if (e.kind() == CasException.Kind.TIMEOUT) {
                    skipped.add(at.get(sizeName));
                } else {
                    inconclusive = true;
                    undecided = "at " + where + ": " + e.getMessage();
                }
                continue;
            }
            if (d.verdict() == Verdict.REFUTED || d.verdict() == Verdict.INVALID) {
                List<Evidence> ev = new ArrayList<>();
                ev.add(new Evidence("instances", "the claim fails at " + where + " (the family written out at that size)"));
                for (Evidence e : d.evidence()) {
                    ev.add(new Evidence(e.method(), "at " + where + ": " + e.detail()));
                }
                return new RelationChecker.Decision(d.verdict(), "instances at K", ev, d.counterexample().map(c -> withSizes(c,
                        at)), d.diagnoses(), "at " + where + ": " + d.message());
            }
            if (d.verdict() == Verdict.INCONCLUSIVE) {
                inconclusive = true;
                undecided = "at " + where + ": " + d.message() + (d.evidence().isEmpty() ? ""
                        : " (" + d.evidence().get(d.evidence().size() - 1).detail() + ")");
                continue;
            }
            tried.add(where);
            heldSizes.add(at.get(sizeName));
        }
        int[] first = sizeRanges.values().iterator().next();
        int want = Math.min(MIN_SIZES, first[1] - first[0] + 1);
        String ks = "K = " + heldSizes.toString().replaceAll("[\\[\\]]", "");
        if (inconclusive || heldSizes.size() < want) {
            return new RelationChecker.Decision(Verdict.INCONCLUSIVE, "instances at K", List.of(new Evidence("instances",
                    "held at " + tried.size() + " instances (" + ks + ")" + (undecided.isEmpty() ? "; the time ran out"
                            : "; undecided " + undecided))), Optional.empty(), List.of(),
                    "undecided: " + (undecided.isEmpty() ? "the time ran out before enough sizes K were tried" : undecided));
        }
        skipped.removeAll(heldSizes);
        String beyond = (first[2] > first[1] ? "; sizes above " + first[1] + " are not tried" : "")
                + (skipped.isEmpty() ? "" : "; the step's time ran out before K = "
                        + skipped.toString().replaceAll("[\\[\\]]", ""));
        Evidence inst = new Evidence("instances", "exact instances at " + tried.size() + " sizes and indices ("
                + String.join("; ", tried) + "): the family written out at each, every instance PROVED or CONFIRMED"
                + beyond);
        if (rel == Relation.EQUAL && lhs.isScalar() && rhs.isScalar() && Cas.sizedParametersPlain(lhs)
                && Cas.sizedParametersPlain(rhs) && ctx.timeLeft(500)) {
            try {
                Optional<String> proof = ctx.cas.provesSizedEqual(lhs, rhs, Math.min(5_000, ctx.remainingMillis()));
                if (proof.isPresent()) {
                    return new RelationChecker.Decision(Verdict.PROVED, "symbolic", List.of(new Evidence("symbolic",
                            proof.get()), inst), Optional.empty(), List.of(), "proved symbolically for every K");
                }
            } catch (CasException e) {
                // no proof in time: the instances stand
            }
        }
        return new RelationChecker.Decision(Verdict.CONFIRMED, "instances at K", List.of(inst), Optional.empty(), List.of(),
                "confirmed at " + ks);
    }

    /** The instances: sizes ascending, each with its index symbols' smallest, middle and largest values. */
    private static List<Map<String, Integer>> plan(Map<String, int[]> sizeRanges, Set<String> indices, StepContext ctx) {
        List<Map<String, Integer>> sizeValues = new ArrayList<>();
        sizeValues.add(new LinkedHashMap<>());
        for (Map.Entry<String, int[]> e : sizeRanges.entrySet()) {
            List<Map<String, Integer>> next = new ArrayList<>();
            for (Map<String, Integer> m : sizeValues) {
                for (int k : spread(e.getValue()[0], e.getValue()[1], true)) {
                    Map<String, Integer> c = new LinkedHashMap<>(m);
                    c.put(e.getKey(), k);
                    next.add(c);
                }
            }
            sizeValues = next;
        }
        List<Map<String, Integer>> out = new ArrayList<>();
        for (Map<String, Integer> m : sizeValues) {
            int k = m.values().stream().min(Integer::compare).orElse(1);
            List<Map<String, Integer>> with = new ArrayList<>();
            with.add(m);
            for (String i : indices) {
                SymbolDecl d = ctx.sampler.declaration(i).orElseThrow();
                int lo = (int) Math.max(1, Math.ceil(d.min()));
                int hi = (int) Math.min(k, Math.floor(d.max()));
                List<Map<String, Integer>> next = new ArrayList<>();
                for (Map<String, Integer> w : with) {
                    for (int v : spread(lo, hi, false)) {
                        Map<String, Integer> c = new LinkedHashMap<>(w);
                        c.put(i, v);
                        next.add(c);
                    }
                }
                with = next;
            }
            out.addAll(with);
        }
        return out.size() > MAX_INSTANCES ? thin(out) : out;
    }

    /**
     * Sizes: the smallest (2 before 1, so that a parameter outside its domain is found where it is checked), the
     * largest, the next smallest, 1 (the point mass), a middle one, then the rest of the three smallest and the
     * two largest: the extremes come first in case the step's time runs out. Indices: smallest, middle, largest.
     */
    private static List<Integer> spread(int lo, int hi, boolean sizes) {
        java.util.LinkedHashSet<Integer> v = new java.util.LinkedHashSet<>();
        if (lo > hi) {
            return List.of();
        }
        if (!sizes) {
            v.add(lo);
            v.add((lo + hi) / 2);
            v.add(hi);
            return new ArrayList<>(v);
        }
        int first = lo == 1 && hi > 1 ? 2 : lo;
        for (int k : new int[] {first, hi, first + 1, lo, (lo + hi) / 2, first + 2, hi - 1}) {
            if (k >= lo && k <= hi) {
                v.add(k);
            }
        }
        return new ArrayList<>(v);
    }

    private static List<Map<String, Integer>> thin(List<Map<String, Integer>> all) {
        List<Map<String, Integer>> out = new ArrayList<>();
        double step = all.size() / (double) MAX_INSTANCES;
        for (int i = 0; i < MAX_INSTANCES; i++) {
            out.add(all.get((int) Math.floor(i * step)));
        }
        return out;
    }

    private static String describe(Map<String, Integer> at) {
        List<String> parts = new ArrayList<>();
        at.forEach((k, v) -> parts.add(k + " = " + v));
        return String.join(", ", parts);
    }

    private static Counterexample withSizes(Counterexample c, Map<String, Integer> at) {
        Map<String, Double> p = new LinkedHashMap<>();
        at.forEach((k, v) -> p.put(k, (double) v));
        p.putAll(c.point());
        return new Counterexample(p, c.data(), c.entry(), c.lhs(), c.rhs(), c.lhsHighPrecision(), c.rhsHighPrecision(),
                c.instance(), c.precise());
    }

    private static RelationChecker.Decision invalid(String message) {
        return new RelationChecker.Decision(Verdict.INVALID, "none", List.of(), Optional.empty(), List.of(), message);
    }
}
