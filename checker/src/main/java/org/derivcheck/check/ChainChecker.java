package org.derivcheck.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Expr;
import org.derivcheck.cas.Scope;
import org.derivcheck.notation.Chain;
import org.derivcheck.notation.Link;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.Relation;
import org.derivcheck.notation.SourceTex;

/**
 * Checks parsed chains in a {@link ChainScope}: every relation between two consecutive links is decided by
 * {@link RelationChecker}, under the step's time limit, with a seed of its own. Derivation files
 * ({@link DerivationChecker}), rubrics and graded submissions all check their chains here.
 */
public final class ChainChecker {
    static final String TEX_SAME = "the tex: form says the same as the claim";
    private final Cas cas;
    private final CheckOptions options;

    public ChainChecker(Cas cas, CheckOptions options) {
        this.cas = cas;
        this.options = options;
    }

    /**
     * What a chain is within its derivation: the step's number (a part of its seeds), its index in the results
     * ("3", and "3.1", "3.2", ... for the relations of a longer chain), its line, the rule it cites ({@code by:}),
     * its LaTeX ({@code tex:}, compared with a single relation) and its name.
     */
    public record Step(int number, String index, int line, Optional<String> by, Optional<String> tex,
            Optional<String> name) {
        /** A step indexed by its number that cites nothing and has no LaTeX of its own. */
        public static Step plain(int number, int line, Optional<String> name) {
            return new Step(number, String.valueOf(number), line, Optional.empty(), Optional.empty(), name);
        }

        /** The same step with another index in the results. */
        public Step indexed(String label) {
            return new Step(number, label, line, by, tex, name);
        }
    }

    /**
     * Resolves every link in the scope's names (the only place the sandbox is applied) and checks the chain. A
     * link that does not resolve makes the chain one INVALID result naming its line and column.
     */
    public List<StepResult> check(ChainScope scope, Chain chain, Step step) {
        long t0 = System.nanoTime();
        List<Expr> exprs = new ArrayList<>();
        for (Link l : chain.links()) {
            try {
                exprs.add(Cas.resolve(l, scope.table()));
            } catch (ParseException e) {
                return List.of(invalid(step.index(), l.text(), l.span().line(), e.column(), e.getMessage(),
                        t0));
            }
        }
        return check(scope, chain, exprs, step);
    }

    /** Checks a chain whose links were resolved in the scope already ({@code exprs}, one per link). */
    List<StepResult> check(ChainScope scope, Chain chain, List<Expr> exprs, Step step) {
        long t0 = System.nanoTime();
        String index = step.index();
        if (chain.size() < 2) {
            return List.of(invalid(index, chain.size() == 0 ? "" : chain.get(0).text(), step.line(), 0,
                    "a step claims a relation: write 'lhs = rhs' (or <=, >=)", t0));
        }
        Optional<String> rule = Optional.empty();
        if (step.by().isPresent()) {
            rule = org.derivcheck.prove.Prover.rule(step.by().get());
            if (rule.isEmpty()) {
                return List.of(invalid(index, step.by().get(), step.line(), 0, "by: '" + step.by().get()
                        + "' is not a rule derivcheck knows (" + String.join(", ", org.derivcheck.prove.Prover.RULES) + ")",
                        t0));
            }
        }
        RelationChecker relations = new RelationChecker(scope.table(), options);
        boolean single = chain.size() == 2;
        List<StepResult> out = new ArrayList<>();
        for (int i = 1; i < chain.size(); i++) {
            long ti = System.nanoTime();
            Link a = chain.get(i - 1);
            Link b = chain.get(i);
            Expr ea = exprs.get(i - 1);
            Expr eb = exprs.get(i);
            String idx = single ? index : index + "." + i;
            Relation rel = b.relation().orElseThrow();
            String claim = a.text() + " " + rel.symbol() + " " + b.text();
            String readAs = ea + " " + rel.symbol() + " " + eb;
            String tex = userTex(a, ea, b, eb, rel, scope.table());
            StepContext ctx = new StepContext(cas, scope.sampler, scope.instances(), options, scope.seed(options,
                    step.number(), i));
            ctx.rule = rule;
            RelationChecker.Decision dec;
            try (Cas.ThreadLimit bound = ctx.bind()) {
                dec = relations.decide(ea, eb, rel, ctx);
                if (single && step.tex().isPresent() && dec.verdict() != Verdict.INVALID) {
                    dec = new TexComparison(scope, relations).compare(step.tex().get(), ea, eb, rel, ctx, dec);
                }
            } catch (CasException e) {
                dec = new RelationChecker.Decision(Verdict.INCONCLUSIVE, "none", List.of(new Evidence("CAS",
                        e.getMessage())), Optional.empty(), List.of(), e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                dec = new RelationChecker.Decision(Verdict.INCONCLUSIVE, "none", List.of(), Optional.empty(), List.of(),
                        "internal error while checking: " + e + (System.getenv("DERIVCHECK_DEBUG") != null
                                ? java.util.Arrays.toString(e.getStackTrace()) : ""));
            }
            if (single && step.tex().isPresent()) {
                // the author's LaTeX is shown only once it was read and found to say the same as the claim: a form
                // that was not read is never displayed (or exported by 'latex') as verified
                if (dec.evidence().stream().anyMatch(e -> e.method().equals("tex") && e.detail().startsWith(TEX_SAME))) {
                    tex = step.tex().get();
                } else if (dec.verdict() != Verdict.INVALID) {
                    List<Evidence> ev = new ArrayList<>(dec.evidence());
                    ev.add(new Evidence("tex", "shown as the claim was read, not as the tex: form (which was not "
                            + "checked)"));
                    dec = TexComparison.withEvidence(dec, ev);
                }
            }
            out.add(new StepResult(idx, claim, tex, b.span().line(), dec.verdict(), dec.method(), dec.evidence(),
                    dec.counterexample(), dec.diagnoses(), dec.message(), millis(ti), step.name().orElse(""), readAs));
        }
        return out;
    }

    /** LaTeX of the relation as the user wrote it (definitions by name); derivcheck's reading if that fails. */
    private static String userTex(Link a, Expr ea, Link b, Expr eb, Relation rel, Scope table) {
        String l = SourceTex.of(a.text(), table.sourceNames()).orElse(ea.tex());
        String r = SourceTex.of(b.text(), table.sourceNames()).orElse(eb.tex());
        return l + " " + texRelation(rel) + " " + r;
    }

    private static String texRelation(Relation r) {
        return switch (r) {
            case EQUAL -> "=";
            case LESS_EQUAL -> "\\le";
            case LESS -> "<";
            case GREATER_EQUAL -> "\\ge";
            case GREATER -> ">";
        };
    }

    static StepResult invalid(String index, String text, int line, int column, String message, long t0) {
        String where = column > 0 ? "column " + column + ": " : "";
        return new StepResult(index, text, "", line, Verdict.INVALID, "parse", List.of(), Optional.empty(), List.of(),
                where + message, millis(t0), "", "");
    }

    static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000L;
    }
}
