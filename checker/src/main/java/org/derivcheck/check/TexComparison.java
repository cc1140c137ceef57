package org.derivcheck.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Expr;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.SymbolDecl;
import org.derivcheck.notation.ChainReader;
import org.derivcheck.notation.Link;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.Relation;
import org.derivcheck.notation.TexInput;

/**
 * When a step gives both a claim and its LaTeX, the LaTeX is read too and must say the same: each side is
 * checked against the claim's. LaTeX the reader cannot take is noted, not held against the step.
 */
final class TexComparison {
    private final ChainScope scope;
    private final RelationChecker relations;

    TexComparison(ChainScope scope, RelationChecker relations) {
        this.scope = scope;
        this.relations = relations;
    }

    RelationChecker.Decision compare(String tex, Expr lhs, Expr rhs, Relation rel, StepContext ctx,
            RelationChecker.Decision dec) {
        List<Evidence> evidence = new ArrayList<>(dec.evidence());
        List<Link> links;
        try {
            links = ChainReader.texLine(tex, vocabulary(), scope.file().toString(), 0);
        } catch (ChainReader.InLink e) {
            evidence.add(new Evidence("tex", "the tex: form was not compared (" + e.getMessage() + ")"));
            return withEvidence(dec, evidence);
        } catch (ParseException e) {
            evidence.add(new Evidence("tex", "the tex: form was not compared (the LaTeX reader stopped at column "
                    + e.column() + ": " + e.getMessage() + ")"));
            return withEvidence(dec, evidence);
        }
        if (links.size() != 2 || links.get(1).relation().orElse(null) != rel) {
            evidence.add(new Evidence("tex", "the tex: form was not compared (it is not one relation '" + rel.symbol()
                    + "')"));
            return withEvidence(dec, evidence);
        }
        try {
            Expr tl = Cas.resolve(links.get(0), scope.table());
            Expr tr = Cas.resolve(links.get(1), scope.table());
            for (Expr[] pair : new Expr[][] {{tl, lhs, null}, {tr, rhs, null}}) {
                RelationChecker.Decision same = relations.decide(pair[1], pair[0], Relation.EQUAL, ctx);
                if (!same.verdict().holds() && same.verdict() != Verdict.REFUTED) {
                    evidence.add(new Evidence("tex", "the tex: form was not compared (its " + (pair[0] == tl ? "left"
                            : "right") + " side could not be shown to equal the claim's: " + same.message() + ")"));
                    return withEvidence(dec, evidence);
                }
                if (same.verdict() == Verdict.REFUTED) {
                    String side = pair[0] == tl ? "left" : "right";
                    return new RelationChecker.Decision(Verdict.INVALID, "tex", List.of(new Evidence("tex",
                            "the tex: form's " + side + " side differs from the claim's")), same.counterexample(),
                            List.of(), "the tex: form does not say the same as the claim: its " + side + " side differs");
                }
            }
            evidence.add(new Evidence("tex", ChainChecker.TEX_SAME + " (both sides checked)"));
        } catch (ParseException | CasException e) {
            evidence.add(new Evidence("tex", "the tex: form was not compared (" + e.getMessage() + ")"));
        }
        return withEvidence(dec, evidence);
    }

    static RelationChecker.Decision withEvidence(RelationChecker.Decision d, List<Evidence> evidence) {
        return new RelationChecker.Decision(d.verdict(), d.method(), evidence, d.counterexample(), d.diagnoses(),
                d.message());
    }

    /** The names a tex: form may use: the derivation's symbols and definitions. */
    private TexInput.Vocabulary vocabulary() {
        Set<String> symbols = new LinkedHashSet<>();
        Set<String> indexed = new LinkedHashSet<>();
        for (SymbolDecl s : scope.symbols) {
            (s.indexed() ? indexed : symbols).add(s.name());
        }
        Map<String, Integer> functions = new LinkedHashMap<>();
        Set<String> constants = new LinkedHashSet<>();
        for (Definition def : scope.definitions) {
            if (def.params().isEmpty()) {
                constants.add(def.name());
            } else {
                functions.put(def.name(), def.params().size());
            }
        }
        return new TexInput.Vocabulary(symbols, indexed, functions, constants, Set.of(), Map.of(), Map.of(), Map.of());
    }
}
