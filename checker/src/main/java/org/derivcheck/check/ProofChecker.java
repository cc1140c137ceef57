package org.derivcheck.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.derivcheck.cas.Scope;
import org.derivcheck.math.Tree;
import org.derivcheck.derivation.Domain;
import org.derivcheck.notation.Relation;
import org.derivcheck.derivation.SymbolDecl;
import org.derivcheck.prove.Prover;

/**
 * Proves claims over abstract densities with the prover of package {@code prove} (never the CAS, which would
 * treat q(z) as a constant). An equality reduced to 0 is PROVED with the rules listed; anything else is left
 * to finite instantiation, which runs first and whose counterexample always wins.
 */
final class ProofChecker implements Checker {
    @Override
    public Optional<Outcome> check(Claim c, StepContext ctx) {
        if (!c.lhs().isAbstract() && !c.rhs().isAbstract()) {
            return Optional.empty();
        }
        Optional<Tree> l = c.lhs().tree();
        Optional<Tree> r = c.rhs().tree();
        if (l.isEmpty() || r.isEmpty()) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "proof", "the prover cannot read this expression"));
        }
        Prover prover = prover(ctx);
        Prover.Result res = prover.equal(l.get(), r.get());
        if (!res.proved() && ctx.rule.isPresent() && c.relation() != Relation.EQUAL) {
            return Optional.of(cited(c, ctx.rule.get(), prover, l.get(), r.get()));
        }
        if (res.proved()) {
            String what = c.relation() == Relation.EQUAL ? "" : "both sides are equal, so the relation holds; ";
            return Optional.of(Outcome.of(Verdict.PROVED, "proof", what + "lhs - rhs rewritten to 0 by "
                    + (res.rules().isEmpty() ? "reading both sides (the same normal form)" : String.join(", ", res.rules()))
                    + " (densities positive, sums are integrals)"));
        }
        return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "proof", "not proved symbolically (" + res.detail() + ")"));
    }

    /** A cited inequality rule, checked as an instance: PROVED, or not proved with the reason (never refuted). */
    private static Outcome cited(Claim c, String rule, Prover prover, Tree l, Tree r) {
        Relation rel = c.relation();
        if (rel == Relation.LESS || rel == Relation.GREATER) {
            return Outcome.of(Verdict.INCONCLUSIVE, "proof", "the rule '" + rule + "' gives a non-strict inequality, "
                    + "not a strict one");
        }
        boolean le = rel == Relation.LESS_EQUAL;
        Prover.Result res = prover.atMost(rule, le ? l : r, le ? r : l);
        if (res.proved()) {
            return Outcome.of(Verdict.PROVED, "proof", "an instance of the cited rule, " + res.detail() + "; proof by "
                    + String.join(", ", res.rules()) + " (densities positive, sums are integrals)");
        }
        return Outcome.of(Verdict.INCONCLUSIVE, "proof", "the cited rule '" + rule + "' was not confirmed as an "
                + "instance: " + res.detail());
    }

    static Prover prover(StepContext ctx) {
        List<Prover.Density> ds = new ArrayList<>();
        for (Scope.Density d : ctx.instances.densities()) {
            ds.add(new Prover.Density(d.name(), d.variables(), d.params(), d.normalized()));
        }
        Set<String> integers = new LinkedHashSet<>();
        for (SymbolDecl s : ctx.sampler.scalars()) {
            if (s.domain() == Domain.INTEGER && !s.indexed() && (Double.isNaN(s.min()) || s.min() >= 1)) {
                integers.add(s.name());
            }
        }
        return new Prover(ds, integers);
    }
}
