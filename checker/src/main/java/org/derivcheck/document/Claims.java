package org.derivcheck.document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.check.Evidence;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.DensityDecl;
import org.derivcheck.derivation.Derivation;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.Maximize;
import org.derivcheck.derivation.Step;
import org.derivcheck.derivation.SymbolDecl;

/**
 * Turns a statement's reading into a derivation: one step per relation. "Equal up to a term constant in v"
 * ({@code + C}, {@code \propto}) becomes the claim that the difference (or the ratio) is the same when v is
 * replaced by an independent copy v' — a second density with its own random tables, or a second symbol with its
 * own random values — with every definition that mentions v copied too.
 */
final class Claims {
    static final String COPY = "_other";

    private Claims() {
    }

    static Derivation derivation(Document doc, Equation eq, Reading r, Names names, int line) {
        Context c = names.context;
        List<SymbolDecl> symbols = new ArrayList<>(c.symbols());
        List<DensityDecl> densities = new ArrayList<>(c.densities());
        List<Definition> defs = new ArrayList<>(names.definitions);
        List<Step> steps = new ArrayList<>();
        Set<String> copied = new LinkedHashSet<>();
        if (r.kind() == Reading.Kind.MAXIMIZE) {
            Reading.Maximize m = r.maximize().get();
            String objective = c.maximizes().orElse("");
            steps.add(new Step(1, Optional.of("maximize"), List.of(), Optional.empty(), Optional.empty(), line,
                    Optional.of(new Maximize(new Line(objective, line), m.density(), new Line(m.by(), line)))));
        } else {
            int from = 1;
            for (int i = from; i < r.links().size(); i++) {
                Reading.Link a = r.links().get(i - 1);
                Reading.Link b = r.links().get(i);
                Reading.UpTo u = i - 1 < r.upTo().size() ? r.upTo().get(i - 1) : Reading.UpTo.NONE;
                String text;
                if (u.plain()) {
                    text = a.text() + " " + b.relation() + " " + b.text();
                } else if (u.variable().isEmpty()) {
                    text = "";
                } else {
                    String v = u.variable();
                    copy(v, symbols, densities, defs, copied);
                    String diff = u.proportional() ? "(" + a.text() + ")/(" + b.text() + ")" : "(" + a.text() + ") - (" + b.text() + ")";
                    text = diff + " = " + rename(diff, copied);
                }
                steps.add(new Step(steps.size() + 1, Optional.of(u.plain() ? "" : u.variable()), List.of(new Line(text, line)),
                        Optional.empty(), Optional.empty(), line));
            }
        }
        String id = "eq" + eq.display() + "-" + line;
        return new Derivation(id, "", "", doc.file(), symbols, densities, defs, c.assumptions(), steps, c.families());
    }

    /** Adds copies of v and of every definition that mentions v (or a copy), in order. */
    private static void copy(String v, List<SymbolDecl> symbols, List<DensityDecl> densities, List<Definition> defs,
            Set<String> copied) {
        if (copied.contains(v)) {
            return;
        }
        copied.add(v);
        for (SymbolDecl s : List.copyOf(symbols)) {
            if (s.name().equals(v)) {
                symbols.add(new SymbolDecl(v + COPY, s.domain(), s.indexed(), s.min(), s.max(), s.line()));
            }
        }
        for (DensityDecl d : List.copyOf(densities)) {
            if (d.name().equals(v)) {
                densities.add(new DensityDecl(v + COPY, d.variables(), d.params(), d.normalized(), d.line()));
            }
        }
        for (Definition d : List.copyOf(defs)) {
            String renamed = rename(d.text(), copied);
            if (!renamed.equals(d.text())) {
                copied.add(d.name());
                defs.add(new Definition(d.name() + COPY, d.params(), renamed, d.line()));
            }
        }
    }

    /** The text with every copied name replaced by its copy (whole names only). */
    static String rename(String text, Set<String> names) {
        String out = text;
        for (String n : names) {
            Matcher m = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(n) + "(?![A-Za-z0-9_])").matcher(out);
            out = m.replaceAll(Matcher.quoteReplacement(n + COPY));
        }
        return out;
    }

    /** A text that is the same exactly when the derivation would check the same. */
    static String key(Derivation d) {
        StringBuilder sb = new StringBuilder();
        d.symbols().forEach(s -> sb.append(s.name()).append(s.domain()).append(s.indexed()).append(s.min()).append(s.max()).append(';'));
        d.densities().forEach(s -> sb.append(s.name()).append(s.variables()).append(s.params()).append(s.normalized()).append(';'));
        d.definitions().forEach(s -> sb.append(s.name()).append(s.params()).append('=').append(s.text()).append(';'));
        d.assumptions().forEach(s -> sb.append(s.text()).append(';'));
        d.families().forEach(f -> sb.append(f).append(';'));
        for (Step s : d.steps()) {
            s.lines().forEach(l -> sb.append(l.text()).append('|'));
            s.maximize().ifPresent(m -> sb.append(m.objective().text()).append(m.over()).append(m.by().text()));
            sb.append('#');
        }
        return sb.toString();
    }

    /** The checked steps, with claims as the student wrote them and the up-to-a-constant readings said. */
    static List<StepResult> relabel(List<StepResult> steps, Reading r, int line) {
        List<StepResult> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepResult s = steps.get(i);
            Reading.UpTo u = r != null && i < r.upTo().size() ? r.upTo().get(i) : Reading.UpTo.NONE;
            String claim = s.claim();
            String message = s.message();
            Verdict v = s.verdict();
            List<Evidence> ev = new ArrayList<>(s.evidence());
            if (r != null && r.kind() != Reading.Kind.MAXIMIZE && i + 1 < r.links().size()) {
                Reading.Link a = r.links().get(i);
                Reading.Link b = r.links().get(i + 1);
                claim = a.text() + " " + (u.proportional() ? "∝" : b.relation()) + " " + b.text()
                        + (u.constant().isEmpty() ? "" : " + " + u.constant());
            }
            if (!u.plain()) {
                String how = u.proportional() ? "proportional" : "equal up to an additive constant";
                if (u.variable().isEmpty()) {
                    v = Verdict.INCONCLUSIVE;
                    message = how + ", but in which variable? Name it in the context: constants: {"
                            + (u.constant().isEmpty() ? "'\\propto'" : u.constant()) + ": q_1} (the variable the "
                            + (u.proportional() ? "factor" : "constant") + " does not depend on)";
                } else {
                    ev.add(new Evidence("up to a constant", how + " in " + u.variable() + ": the "
                            + (u.proportional() ? "ratio" : "difference") + " of the sides is the same for an independent "
                            + "copy of " + u.variable()));
                    message = (v.holds() ? how + " in " + u.variable() + " (the " + (u.proportional() ? "factor" : "constant")
                            + " does not depend on " + u.variable() + ")" : "not " + how + " in " + u.variable()
                            + ": the " + (u.proportional() ? "ratio" : "difference") + " changes with " + u.variable()
                            + (message.isEmpty() ? "" : "; " + message));
                }
            }
            out.add(new StepResult(s.index(), claim, s.tex(), s.line() > 0 ? s.line() : line, v, s.method(), ev,
                    s.counterexample(), u.plain() ? s.diagnoses() : List.of(), message, s.millis()));
        }
        return out;
    }

    static StepResult inconclusive(int line, String message) {
        return new StepResult("1", "", "", line, Verdict.INCONCLUSIVE, "none", List.of(), Optional.empty(), List.of(),
                message, 0);
    }
}
