package org.derivcheck.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;
import org.derivcheck.derivation.Derivation;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.Step;
import org.derivcheck.document.EquationResult.Kind;

/**
 * Equations being solved. A relation that does not hold as an identity is a condition when something follows
 * from it ({@code \rightarrow}, {@code \implies}) or when it sets a derivative to zero; a relation after a
 * condition that does not hold as an identity is checked to follow from it: both say that the same expression
 * (up to its sign) is zero, so the second holds whenever the first does. A starred optimum ({@code q_1^*}) in
 * such a relation stands for the solution of the condition before it.
 */
final class Conditions {
    private Conditions() {
    }

    record Item(EquationResult result, Reading reading, Names names) {
    }

    static void apply(List<Item> items, Function<Derivation, List<StepResult>> run, Map<String, List<StepResult>> cache,
            java.util.function.Predicate<Equation> notesRead, Consumer<List<EquationResult>> done) {
        List<EquationResult> out = new ArrayList<>();
        Item premise = null;
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            EquationResult r = it.result();
            Reading rd = it.reading();
            boolean single = rd != null && rd.kind() == Reading.Kind.CLAIM && rd.links().size() == 2
                    && rd.links().get(1).relation().equals("=") && rd.upTo().stream().allMatch(Reading.UpTo::plain);
            Optional<Verdict> v = r.verdict();
            boolean fails = v.isPresent() && v.get() == Verdict.REFUTED;
            if (!single || !fails) {
                out.add(r);
                premise = null;
                continue;
            }
            boolean follows = link(r) == Equation.Link.FOLLOWS;
            if (premise != null) {
                Optional<StepResult> f = follows(premise, it, run, cache);
                if (f.isPresent()) {
                    out.add(r.with(Kind.CLAIM, "follows from " + premise.result().name() + " (the same equation rearranged)",
                            List.of(f.get())));
                    premise = it;
                    continue;
                }
            }
            Optional<String> unknown = premise == null ? Optional.empty() : Solved.unknown(rd, it.names());
            if (unknown.isPresent() && !nextFollowsOf(items, i, r)) {
                // the condition solved for one symbol: decided when the condition is linear in it (Solved)
                Optional<StepResult> solved = Solved.decide(premise, it, unknown.get(), run, cache);
                if (solved.isPresent()) {
                    out.add(r.with(Kind.CLAIM, "the solution of " + premise.result().name(), List.of(solved.get())));
                    premise = null;
                    continue;
                }
            }
            if (premise != null && (follows || unknown.isPresent()) && !nextFollowsOf(items, i, r)) {
                // the statement is what the condition before it is solved to, not an identity: refuting it as one would
                // refute 2x - 4 = 0 => x = 2; only the same expression up to sign is decided (above)
                StepResult s = r.steps().get(0);
                out.add(r.with(Kind.CLAIM, "", List.of(new StepResult(s.index(), s.claim(), s.tex(), s.line(),
                        Verdict.INCONCLUSIVE, "none", s.evidence(), Optional.empty(), List.of(), "stated as following from "
                        + premise.result().name() + ", which is a condition: derivcheck decides that when both say that the same "
                        + "expression (up to its sign) is zero, or when the condition is linear in the symbol solved for "
                        + "(after multiplying by it or its square), and here neither holds; as an identity it does not "
                        + "hold (" + s.message() + "), but it is not claimed as one", s.millis()))));
                premise = null;
                continue;
            }
            boolean nextFollows = i + 1 < items.size() && items.get(i + 1).result().equation() == r.equation()
                    && link(items.get(i + 1).result()) == Equation.Link.FOLLOWS;
            String lhs = rd.links().get(0).text();
            boolean derivativeZero = rd.links().get(1).text().equals("0") && (lhs.startsWith("D(") || lhs.startsWith("Gradient("));
            if (nextFollows || derivativeZero && !follows) {
                out.add(r.with(Kind.CONDITION, (derivativeZero ? "a derivative set to zero" : "an equation that the next "
                        + "statement solves") + ": a condition, not an identity (as an identity it does not hold: "
                        + r.steps().get(0).message() + ")", List.of()));
                premise = it;
                continue;
            }
            if (!rd.starred().isEmpty()) {
                StepResult s = r.steps().get(0);
                out.add(r.with(Kind.CLAIM, "", List.of(new StepResult(s.index(), s.claim(), s.tex(), s.line(),
                        Verdict.INCONCLUSIVE, "none", s.evidence(), Optional.empty(), List.of(), "a claim about an optimum "
                        + "(^*): it does not hold for every density, and derivcheck reads an optimum only as "
                        + "'\\log q_k^*(z) = ...' with 'maximizes:' in the context, or solved from a condition before it", 0))));
                premise = null;
                continue;
            }
            out.add(r);
            premise = null;
        }
        done.accept(underSideConditions(out, notesRead));
    }

    /**
     * A display with a side condition in words (\text{for } x > 0) may restrict where its claims are meant: a claim
     * refuted as written is then not refuted (the counterexample may lie where the words exclude it; derivcheck does
     * not read them), but INCONCLUSIVE with the reason. Claims that hold as written hold under any condition.
     */
    private static List<EquationResult> underSideConditions(List<EquationResult> results,
            java.util.function.Predicate<Equation> notesRead) {
        List<EquationResult> out = new ArrayList<>();
        for (EquationResult r : results) {
            if (notesRead.test(r.equation())) {
                out.add(r); // checked under them (SideConditions)
                continue;
            }
            Optional<Equation.Statement> note = r.equation().statements().stream()
                    .filter(st -> st.link() == Equation.Link.NOTE && Equations.mayRestrict(st.latex())).findFirst();
            if (note.isEmpty() || r.kind() != Kind.CLAIM || r.steps().stream().noneMatch(st -> st.verdict() == Verdict.REFUTED)) {
                out.add(r);
                continue;
            }
            List<StepResult> steps = new ArrayList<>();
            for (StepResult st : r.steps()) {
                steps.add(st.verdict() != Verdict.REFUTED ? st : new StepResult(st.index(), st.claim(), st.tex(), st.line(),
                        Verdict.INCONCLUSIVE, st.method(), st.evidence(), st.counterexample(), st.diagnoses(),
                        "the display states a side condition in words (" + note.get().latex().strip() + ") that derivcheck "
                        + "does not read, and the counterexample may lie outside it; as written, for every value of the "
                        + "declared domains: " + st.message(), st.millis(), st.name(), st.readAs()));
            }
            out.add(r.with(r.kind(), r.note(), steps));
        }
        return out;
    }

    private static boolean nextFollowsOf(List<Item> items, int i, EquationResult r) {
        return i + 1 < items.size() && items.get(i + 1).result().equation() == r.equation()
                && link(items.get(i + 1).result()) == Equation.Link.FOLLOWS;
    }

    private static Equation.Link link(EquationResult r) {
        return r.equation().statements().get(r.statement() - 1).link();
    }

    /** The claim that the second relation's difference is plus or minus the first's. */
    private static Optional<StepResult> follows(Item premise, Item it, Function<Derivation, List<StepResult>> run,
            Map<String, List<StepResult>> cache) {
        Reading p = premise.reading();
        Reading c = it.reading();
        if (p.links().size() != 2 || c.links().size() != 2) {
            return Optional.empty();
        }
        String d1 = "(" + p.links().get(0).text() + ") - (" + p.links().get(1).text() + ")";
        String d2 = "(" + c.links().get(0).text() + ") - (" + c.links().get(1).text() + ")";
        for (String claim : List.of(d2 + " = " + d1, d2 + " = -(" + d1 + ")")) {
            Names n = it.names();
            Derivation d = new Derivation("follows", "", "", n.context.file(), n.context.symbols(), n.context.densities(),
                    n.definitions, n.context.assumptions(), List.of(new Step(1, Optional.empty(),
                            List.of(new Line(claim, it.result().line())), Optional.empty(), Optional.empty(), it.result().line())),
                    n.context.families());
            String key = Claims.key(d);
            List<StepResult> steps = cache.computeIfAbsent(key, k -> run.apply(d));
            if (steps.size() == 1 && steps.get(0).verdict().holds()) {
                StepResult s = steps.get(0);
                String shown = c.links().get(0).text() + " = " + c.links().get(1).text();
                return Optional.of(new StepResult(s.index(), shown, s.tex(), it.result().line(), s.verdict(), s.method(),
                        s.evidence(), Optional.empty(), List.of(), "follows from " + premise.result().name() + ": "
                        + s.message(), s.millis()));
            }
        }
        return Optional.empty();
    }
}
