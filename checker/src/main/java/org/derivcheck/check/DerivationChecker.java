package org.derivcheck.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Expr;
import org.derivcheck.cas.Scope;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.Derivation;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.Maximize;
import org.derivcheck.derivation.Step;
import org.derivcheck.notation.Chain;
import org.derivcheck.notation.ChainReader;
import org.derivcheck.notation.Link;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.SourceTex;

/**
 * Checks every step of one derivation: its records become a {@link ChainScope} once, each step's lines are read
 * into a chain and checked by {@link ChainChecker}; a bad step is reported and the next one is still checked.
 */
public final class DerivationChecker {
    private final Cas cas;
    private final CheckOptions options;
    private final ChainChecker chains;

    public DerivationChecker(Cas cas, CheckOptions options) {
        this.cas = cas;
        this.options = options;
        this.chains = new ChainChecker(cas, options);
    }

    public DerivationResult check(Derivation d) {
        long t0 = System.nanoTime();
        ChainScope scope;
        try {
            scope = ChainScope.of(d.id(), d.file(), d.symbols(), d.densities(), d.families(), d.definitions(),
                    d.assumptions());
        } catch (ChainScope.Invalid e) {
            return new DerivationResult(d.id(), d.title(), d.source(), d.file(), Verdict.INVALID, List.of(),
                    Optional.of(d.file() + ":" + e.line() + ": " + e.getMessage()), millis(t0));
        }
        List<StepResult> results = new ArrayList<>();
        Verdict overall = Verdict.PROVED;
        for (Step step : d.steps()) {
            List<StepResult> rs = checkStep(step, scope);
            for (StepResult r : rs) {
                r = r.name().isEmpty() && step.name().isPresent() ? r.named(step.name().get(), r.readAs()) : r;
                overall = Verdict.combine(overall, r.verdict());
                results.add(r);
            }
        }
        return new DerivationResult(d.id(), d.title(), d.source(), d.file(), overall, results, Optional.empty(), millis(t0),
                shown(d, scope.table()));
    }

    /** The definitions in the user's notation, for the reports. */
    private static List<DefinitionShown> shown(Derivation d, Scope table) {
        List<DefinitionShown> out = new ArrayList<>();
        for (Definition def : d.definitions()) {
            String head = def.params().isEmpty() ? def.name() : def.name() + "(" + String.join(", ", def.params()) + ")";
            String tex = SourceTex.of(head, table.sourceNames()).orElse(SourceTex.name(def.name()))
                    + " := " + SourceTex.of(def.text(), table.sourceNames()).orElse("\\text{(as written)}");
            out.add(new DefinitionShown(head, def.text(), tex));
        }
        return out;
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000L;
    }

    /** Reads the step's lines into one chain (each link resolved as it is read) and checks it. */
    private List<StepResult> checkStep(Step step, ChainScope scope) {
        long t0 = System.nanoTime();
        String index = String.valueOf(step.number());
        if (step.maximize().isPresent()) {
            return List.of(maximize(step, step.maximize().get(), scope, t0));
        }
        List<Link> links = new ArrayList<>();
        List<Expr> exprs = new ArrayList<>();
        for (int i = 0; i < step.lines().size(); i++) {
            Line line = step.lines().get(i);
            try {
                for (Link l : ChainReader.line(line.text(), i == 0, scope.file().toString(), line.line())) {
                    exprs.add(Cas.resolve(l, scope.table()));
                    links.add(l);
                }
            } catch (ParseException e) {
                return List.of(ChainChecker.invalid(index, line.text(), line.line(), e.column(), e.getMessage(), t0));
            } catch (StackOverflowError e) {
                return List.of(ChainChecker.invalid(index, abbreviated(line.text()), line.line(), 0, "the expression is "
                        + "nested too deeply to read (the reader ran out of stack): split it into shorter steps or "
                        + "definitions", t0));
            }
        }
        if (links.size() < 2) {
            return List.of(ChainChecker.invalid(index, step.lines().get(0).text(), step.line(), 0,
                    "a step claims a relation: write 'lhs = rhs' (or <=, >=)", t0));
        }
        return chains.check(scope, new Chain(links), exprs, new ChainChecker.Step(step.number(), index, step.line(),
                step.by(), step.tex(), step.name()));
    }

    private StepResult maximize(Step step, Maximize m, ChainScope scope, long t0) {
        String index = String.valueOf(step.number());
        Scope table = scope.table();
        String claim = m.over() + "* with log " + m.over() + "* = " + m.by().text() + " + const maximizes "
                + m.objective().text() + " over " + m.over();
        Expr objective;
        Expr by;
        try {
            objective = Cas.parse(m.objective().text(), table);
        } catch (ParseException e) {
            return ChainChecker.invalid(index, m.objective().text(), m.objective().line(), e.column(), "objective: "
                    + e.getMessage(), t0);
        }
        try {
            by = Cas.parse(m.by().text(), table);
        } catch (ParseException e) {
            return ChainChecker.invalid(index, m.by().text(), m.by().line(), e.column(), "by: " + e.getMessage(), t0);
        }
        var over = table.densities().stream().filter(x -> x.name().equals(m.over())).findFirst();
        if (over.isEmpty() || !over.get().normalized() || !over.get().params().isEmpty()) {
            return ChainChecker.invalid(index, claim, step.line(), 0, "'over: " + m.over() + "' must name a declared "
                    + "density without parameters", t0);
        }
        StepContext ctx = new StepContext(cas, scope.sampler, scope.instances(), options, scope.seed(options,
                step.number(), 0));
        RelationChecker.Decision dec;
        try (Cas.ThreadLimit bound = ctx.bind()) {
            dec = new MaximizeChecker(Math.max(20, options.points() / 6)).decide(objective, over.get(), by, ctx);
        } catch (CasException | IllegalStateException e) {
            dec = new RelationChecker.Decision(Verdict.INCONCLUSIVE, "none", List.of(), Optional.empty(), List.of(),
                    e.getMessage());
        }
        String tex = SourceTex.name(m.over()) + "^{*} = \\arg\\max_{" + SourceTex.name(m.over()) + "} "
                + SourceTex.of(m.objective().text(), table.sourceNames()).orElse(objective.tex());
        return new StepResult(index, claim, tex, m.objective().line(), dec.verdict(), dec.method(), dec.evidence(),
                dec.counterexample(), dec.diagnoses(), dec.message(), millis(t0), step.name().orElse(""),
                m.over() + "* maximizes " + objective + " over " + m.over());
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
    }
}
