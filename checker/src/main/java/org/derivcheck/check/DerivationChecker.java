package org.derivcheck.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Expr;
import org.derivcheck.notation.Chain;
import org.derivcheck.notation.ChainReader;
import org.derivcheck.notation.Link;
import org.derivcheck.notation.ParseException;
import org.derivcheck.cas.SymbolTable;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.DensityDecl;
import org.derivcheck.derivation.Derivation;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.Maximize;
import org.derivcheck.notation.Relation;
import org.derivcheck.derivation.Step;
import org.derivcheck.derivation.SymbolDecl;

/** Checks every step of one derivation; a bad step is reported and the next one is still checked. */
public final class DerivationChecker {
    private static final String TEX_SAME = "the tex: form says the same as the claim";
    private final Cas cas;
    private final CheckOptions options;

    public DerivationChecker(Cas cas, CheckOptions options) {
        this.cas = cas;
        this.options = options;
    }

    public DerivationResult check(Derivation d) {
        long t0 = System.nanoTime();
        SymbolTable table = new SymbolTable(cas);
        List<PointSampler.Assumption> assumptions = new ArrayList<>();
        try {
            for (SymbolDecl s : d.symbols()) {
                declare(table, s, d);
            }
            for (DensityDecl dd : d.densities()) {
                try {
                    table.declareDensity(new SymbolTable.Density(dd.name(), dd.variables(), dd.params(), dd.normalized()));
                } catch (ParseException e) {
                    throw new InvalidInput(dd.line(), e.getMessage());
                }
            }
            for (Definition def : d.definitions()) {
                try {
                    if (def.params().isEmpty()) {
                        table.define(def.name(), def.text());
                    } else {
                        table.defineFunction(def.name(), def.params(), def.text());
                    }
                } catch (ParseException e) {
                    throw new InvalidInput(def.line(), "definition of '" + def.name() + "': " + where(e) + e.getMessage());
                }
            }
            for (Line a : d.assumptions()) {
                try {
                    Chain links = ChainReader.chain(a.text(), d.file().toString(), a.line());
                    Expr left = Cas.resolve(links.get(0), table);
                    Expr right = links.size() > 1 ? Cas.resolve(links.get(1), table) : null;
                    for (int i = 2; i < links.size(); i++) {
                        Cas.resolve(links.get(i), table);
                    }
                    if (links.size() != 2) {
                        throw new InvalidInput(a.line(), "an assumption is one relation, e.g. 'a > 1'");
                    }
                    assumptions.add(new PointSampler.Assumption(Cas.compile(left), links.get(1).relationSymbol(),
                            Cas.compile(right), a.text()));
                } catch (ParseException e) {
                    throw new InvalidInput(a.line(), "assumption: " + where(e) + e.getMessage());
                } catch (CasException e) {
                    throw new InvalidInput(a.line(), "assumption: " + e.getMessage());
                }
            }
        } catch (InvalidInput e) {
            return new DerivationResult(d.id(), d.title(), d.source(), d.file(), Verdict.INVALID, List.of(),
                    Optional.of(d.file() + ":" + e.line + ": " + e.getMessage()), millis(t0));
        }
        PointSampler sampler = new PointSampler(d.symbols(), assumptions);
        RelationChecker relations = new RelationChecker(table, options);
        List<StepResult> results = new ArrayList<>();
        Verdict overall = Verdict.PROVED;
        for (Step step : d.steps()) {
            List<StepResult> rs = checkStep(step, table, sampler, relations, d);
            for (StepResult r : rs) {
                r = r.name().isEmpty() && step.name().isPresent() ? r.named(step.name().get(), r.readAs()) : r;
                overall = Verdict.combine(overall, r.verdict());
                results.add(r);
            }
        }
        return new DerivationResult(d.id(), d.title(), d.source(), d.file(), overall, results, Optional.empty(), millis(t0),
                shown(d, table));
    }

    /** The definitions in the user's notation, for the reports. */
    private static List<DefinitionShown> shown(Derivation d, SymbolTable table) {
        List<DefinitionShown> out = new ArrayList<>();
        for (Definition def : d.definitions()) {
            String head = def.params().isEmpty() ? def.name() : def.name() + "(" + String.join(", ", def.params()) + ")";
            String tex = org.derivcheck.notation.SourceTex.of(head, table.sourceNames()).orElse(org.derivcheck.notation.SourceTex.name(def.name()))
                    + " := " + org.derivcheck.notation.SourceTex.of(def.text(), table.sourceNames()).orElse("\\text{(as written)}");
            out.add(new DefinitionShown(head, def.text(), tex));
        }
        return out;
    }

    private static void declare(SymbolTable table, SymbolDecl s, Derivation d) {
        try {
            if (s.domain() == org.derivcheck.derivation.Domain.FINITE) {
                table.declareFinite(s.name(), s.indexed());
            } else {
                table.declare(s.name(), s.domain().positive(), s.indexed());
            }
        } catch (ParseException e) {
            throw new InvalidInput(s.line(), "symbol '" + s.name() + "': " + e.getMessage());
        }
    }

    private static final class InvalidInput extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        InvalidInput(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static String where(ParseException e) {
        return e.column() > 0 ? "column " + e.column() + ": " : "";
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000L;
    }

    /** A parsed line of a step: the link read (its relation to the previous line), the expression, the line. */
    private record Parsed(Link link, Expr expr, int line) {
        String text() {
            return link.text();
        }
    }

    private List<StepResult> checkStep(Step step, SymbolTable table, PointSampler sampler, RelationChecker relations,
            Derivation d) {
        long t0 = System.nanoTime();
        String index = String.valueOf(step.number());
        if (step.maximize().isPresent()) {
            return List.of(maximize(step, step.maximize().get(), table, sampler, d, t0));
        }
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < step.lines().size(); i++) {
            Line line = step.lines().get(i);
            try {
                for (Link l : ChainReader.line(line.text(), i == 0, d.file().toString(), line.line())) {
                    parsed.add(new Parsed(l, Cas.resolve(l, table), line.line()));
                }
            } catch (ParseException e) {
                return List.of(invalid(index, line.text(), line.line(), e.column(), e.getMessage(), t0));
            } catch (StackOverflowError e) {
                return List.of(invalid(index, abbreviated(line.text()), line.line(), 0, "the expression is nested too "
                        + "deeply to read (the reader ran out of stack): split it into shorter steps or definitions", t0));
            }
        }
        if (parsed.size() < 2) {
            return List.of(invalid(index, step.lines().get(0).text(), step.line(), 0,
                    "a step claims a relation: write 'lhs = rhs' (or <=, >=)", t0));
        }
        List<StepResult> out = new ArrayList<>();
        for (int i = 1; i < parsed.size(); i++) {
            long ti = System.nanoTime();
            Parsed a = parsed.get(i - 1);
            Parsed b = parsed.get(i);
            String idx = parsed.size() == 2 ? index : index + "." + i;
            Relation rel = b.link().relation().orElseThrow();
            String claim = a.text() + " " + rel.symbol() + " " + b.text();
            String readAs = a.expr() + " " + rel.symbol() + " " + b.expr();
            String tex = userTex(a, b, rel, table);
            StepContext ctx = new StepContext(cas, sampler, new Instances(table, d.symbols()), options, options.seed() ^ (d.id().hashCode() * 1_000_003L + i
                    + 1_000L * step.number()));
            RelationChecker.Decision dec;
            if (step.by().isPresent()) {
                Optional<String> rule = org.derivcheck.prove.Prover.rule(step.by().get());
                if (rule.isEmpty()) {
                    return List.of(invalid(index, step.by().get(), step.line(), 0, "by: '" + step.by().get()
                            + "' is not a rule derivcheck knows (" + String.join(", ", org.derivcheck.prove.Prover.RULES)
                            + ")", t0));
                }
                ctx.rule = rule;
            }
            try (org.derivcheck.cas.Deadline bound = ctx.bind()) {
                dec = relations.decide(a.expr(), b.expr(), rel, ctx);
                if (parsed.size() == 2 && step.tex().isPresent() && dec.verdict() != Verdict.INVALID) {
                    dec = compareTex(step.tex().get(), a.expr(), b.expr(), rel, table, d, relations, ctx, dec);
                }
            } catch (CasException e) {
                dec = new RelationChecker.Decision(Verdict.INCONCLUSIVE, "none", List.of(new Evidence("CAS",
                        e.getMessage())), Optional.empty(), List.of(), e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                dec = new RelationChecker.Decision(Verdict.INCONCLUSIVE, "none", List.of(), Optional.empty(), List.of(),
                        "internal error while checking: " + e + (System.getenv("DERIVCHECK_DEBUG") != null ? java.util.Arrays.toString(e.getStackTrace()) : ""));
            }
            if (parsed.size() == 2 && step.tex().isPresent()) {
                // the author's LaTeX is shown only once it was read and found to say the same as the claim: a form
                // that was not read is never displayed (or exported by 'latex') as verified
                if (dec.evidence().stream().anyMatch(e -> e.method().equals("tex") && e.detail().startsWith(TEX_SAME))) {
                    tex = step.tex().get();
                } else if (dec.verdict() != Verdict.INVALID) {
                    List<Evidence> ev = new ArrayList<>(dec.evidence());
                    ev.add(new Evidence("tex", "shown as the claim was read, not as the tex: form (which was not "
                            + "checked)"));
                    dec = withEvidence(dec, ev);
                }
            }
            out.add(new StepResult(idx, claim, tex, b.line(), dec.verdict(), dec.method(), dec.evidence(),
                    dec.counterexample(), dec.diagnoses(), dec.message(), millis(ti), step.name().orElse(""), readAs));
        }
        return out;
    }

    private StepResult maximize(Step step, Maximize m, SymbolTable table, PointSampler sampler, Derivation d, long t0) {
        String index = String.valueOf(step.number());
        String claim = m.over() + "* with log " + m.over() + "* = " + m.by().text() + " + const maximizes "
                + m.objective().text() + " over " + m.over();
        Expr objective;
        Expr by;
        try {
            objective = Cas.parse(m.objective().text(), table);
        } catch (ParseException e) {
            return invalid(index, m.objective().text(), m.objective().line(), e.column(), "objective: " + e.getMessage(), t0);
        }
        try {
            by = Cas.parse(m.by().text(), table);
        } catch (ParseException e) {
            return invalid(index, m.by().text(), m.by().line(), e.column(), "by: " + e.getMessage(), t0);
        }
        var over = table.densities().stream().filter(x -> x.name().equals(m.over())).findFirst();
        if (over.isEmpty() || !over.get().normalized() || !over.get().params().isEmpty()) {
            return invalid(index, claim, step.line(), 0, "'over: " + m.over() + "' must name a declared density without "
                    + "parameters", t0);
        }
        StepContext ctx = new StepContext(cas, sampler, new Instances(table, d.symbols()), options, options.seed()
                ^ (d.id().hashCode() * 1_000_003L + 1_000L * step.number()));
        RelationChecker.Decision dec;
        try (org.derivcheck.cas.Deadline bound = ctx.bind()) {
            dec = new MaximizeChecker(Math.max(20, options.points() / 6)).decide(objective, over.get(), by, ctx);
        } catch (CasException | IllegalStateException e) {
            dec = new RelationChecker.Decision(Verdict.INCONCLUSIVE, "none", List.of(), Optional.empty(), List.of(),
                    e.getMessage());
        }
        String tex = org.derivcheck.notation.SourceTex.name(m.over()) + "^{*} = \\arg\\max_{"
                + org.derivcheck.notation.SourceTex.name(m.over()) + "} " + org.derivcheck.notation.SourceTex.of(m.objective().text(),
                        table.sourceNames()).orElse(objective.tex());
        return new StepResult(index, claim, tex, m.objective().line(), dec.verdict(), dec.method(), dec.evidence(),
                dec.counterexample(), dec.diagnoses(), dec.message(), millis(t0), step.name().orElse(""),
                m.over() + "* maximizes " + objective + " over " + m.over());
    }

    /**
     * When a step gives both a claim and its LaTeX, the LaTeX is read too and must say the same: each side
     * is checked against the claim's. LaTeX the reader cannot take is noted, not held against the step.
     */
    private RelationChecker.Decision compareTex(String tex, Expr lhs, Expr rhs, Relation rel, SymbolTable table,
            Derivation d, RelationChecker relations, StepContext ctx, RelationChecker.Decision dec) {
        List<Evidence> evidence = new ArrayList<>(dec.evidence());
        List<Link> links;
        try {
            links = ChainReader.texLine(tex, vocabulary(d), d.file().toString(), 0);
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
            Expr tl = Cas.resolve(links.get(0), table);
            Expr tr = Cas.resolve(links.get(1), table);
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
            evidence.add(new Evidence("tex", TEX_SAME + " (both sides checked)"));
        } catch (ParseException | CasException e) {
            evidence.add(new Evidence("tex", "the tex: form was not compared (" + e.getMessage() + ")"));
        }
        return withEvidence(dec, evidence);
    }

    private static RelationChecker.Decision withEvidence(RelationChecker.Decision d, List<Evidence> evidence) {
        return new RelationChecker.Decision(d.verdict(), d.method(), evidence, d.counterexample(), d.diagnoses(),
                d.message());
    }

    /** The names a tex: form may use: the derivation's symbols and definitions. */
    private static org.derivcheck.notation.TexInput.Vocabulary vocabulary(Derivation d) {
        java.util.Set<String> symbols = new java.util.LinkedHashSet<>();
        java.util.Set<String> indexed = new java.util.LinkedHashSet<>();
        for (SymbolDecl s : d.symbols()) {
            (s.indexed() ? indexed : symbols).add(s.name());
        }
        java.util.Map<String, Integer> functions = new java.util.LinkedHashMap<>();
        java.util.Set<String> constants = new java.util.LinkedHashSet<>();
        for (Definition def : d.definitions()) {
            if (def.params().isEmpty()) {
                constants.add(def.name());
            } else {
                functions.put(def.name(), def.params().size());
            }
        }
        return new org.derivcheck.notation.TexInput.Vocabulary(symbols, indexed, functions, constants, java.util.Set.of(),
                java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
    }

    /** LaTeX of the relation as the user wrote it (definitions by name); derivcheck's reading if that fails. */
    private static String userTex(Parsed a, Parsed b, Relation rel, SymbolTable table) {
        String l = org.derivcheck.notation.SourceTex.of(a.text(), table.sourceNames()).orElse(a.expr().tex());
        String r = org.derivcheck.notation.SourceTex.of(b.text(), table.sourceNames()).orElse(b.expr().tex());
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

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
    }

    private StepResult invalid(String index, String text, int line, int column, String message, long t0) {
        String where = column > 0 ? "column " + column + ": " : "";
        return new StepResult(index, text, "", line, Verdict.INVALID, "parse", List.of(), Optional.empty(), List.of(),
                where + message, millis(t0), "", "");
    }
}
