package org.derivcheck.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.Derivation;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.Step;

/**
 * A condition solved for one symbol: {@code P = Q} (a derivative set to zero, or an equation before {@code \implies})
 * followed by {@code x = E}. It follows when every x with P = Q is E. Decided only when the condition is linear in x
 * after multiplying by x^k (k = 0, 1, 2: a x + b, a/x + b, a/x^2 + b/x, ... as claims that a second derivative is 0),
 * for then it has at most the one solution -b/a: x = E follows iff E solves it (P = Q with x replaced by E holds
 * for all values of the other symbols), and a point where E does not solve it refutes (the true solution differs
 * there). A condition not linear so (x^2 = 4) is not decided: E may be one solution of several.
 */
final class Solved {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private Solved() {
    }

    /** The symbol a statement {@code x = E} (or {@code E = x}) is solved for: a declared plain symbol on one side only. */
    static Optional<String> unknown(Reading rd, Names names) {
        if (rd == null || names == null || rd.links().size() != 2 || !rd.links().get(1).relation().equals("=")) {
            return Optional.empty();
        }
        String l = rd.links().get(0).text().strip();
        String r = rd.links().get(1).text().strip();
        for (String[] side : new String[][] {{l, r}, {r, l}}) {
            if (NAME.matcher(side[0]).matches() && plain(side[0], names) && !mentions(side[1], side[0])) {
                return Optional.of(side[0]);
            }
        }
        return Optional.empty();
    }

    private static boolean plain(String name, Names names) {
        return names.context.symbols().stream().anyMatch(d -> d.name().equals(name) && !d.indexed()
                && d.domain() != Domain.FINITE && d.domain() != Domain.INTEGER);
    }

    /** True when text uses the name as a symbol (not as part of a longer name). */
    static boolean mentions(String text, String name) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(text).find();
    }

    static Optional<StepResult> decide(Conditions.Item premise, Conditions.Item it, String x,
            Function<Derivation, List<StepResult>> run, Map<String, List<StepResult>> cache) {
        Reading p = premise.reading();
        Reading c = it.reading();
        // the condition read under other names (another section's context) is not this statement's
        if (p == null || p.links().size() != 2 || premise.names() == null
                || !premise.names().context.fingerprint().equals(it.names().context.fingerprint())) {
            return Optional.empty();
        }
        String diff = "(" + p.links().get(0).text() + ") - (" + p.links().get(1).text() + ")";
        // x bound inside the condition (a sum or an integral over it) is not the unknown
        if (!mentions(diff, x) || diff.matches("(?s).*\\{\\s*" + Pattern.quote(x) + "\\s*,.*") || diff.contains(x + " ~")) {
            return Optional.empty();
        }
        // a definition that uses x would keep it when x is replaced in the condition's own text: not decided here
        if (it.names().definitions.stream().anyMatch(d -> !d.params().contains(x) && mentions(d.text(), x))) {
            return Optional.empty();
        }
        String l = c.links().get(0).text().strip();
        String value = l.equals(x) ? c.links().get(1).text() : l;
        int k = -1;
        Verdict linear = Verdict.PROVED;
        for (int power = 0; power <= 2 && k < 0; power++) {
            String scaled = power == 0 ? diff : "(" + diff + ")*" + x + (power == 2 ? "^2" : "");
            List<StepResult> lin = claim("D(D(" + scaled + ", " + x + "), " + x + ") = 0", it, run, cache);
            List<StepResult> nonzero = lin.size() == 1 && lin.get(0).verdict().holds()
                    ? claim("D(" + scaled + ", " + x + ") = 0", it, run, cache) : List.of();
            if (nonzero.size() == 1 && nonzero.get(0).verdict() == Verdict.REFUTED) {
                k = power; // linear in x, with a slope that is not identically 0
                linear = lin.get(0).verdict();
            }
        }
        if (k < 0) {
            return Optional.empty();
        }
        // x replaced through a definition of the condition as a function of it: the CAS evaluates a definition's
        // derivatives before its argument goes in (the written D(g(x), x) with x replaced by E would not be one)
        String param = "s__solved";
        Definition cond = new Definition("solved__condition", List.of(param),
                Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(x) + "(?![A-Za-z0-9_(])").matcher(diff)
                        .replaceAll(Matcher.quoteReplacement(param)), it.result().line());
        List<StepResult> steps = claim("solved__condition(" + value + ") = 0", it, run, cache, cond);
        if (steps.size() != 1) {
            return Optional.empty();
        }
        StepResult s = steps.get(0);
        String shown = c.links().get(0).text() + " = " + c.links().get(1).text();
        String how = "the condition is linear in " + x + (k == 0 ? "" : " after multiplying by " + x + (k == 2 ? "^2" : ""))
                + " (" + (linear == Verdict.PROVED ? "proved" : "confirmed numerically") + "), so it has at most one solution";
        if (s.verdict().holds()) {
            // as strong as the weaker of the two: linearity and the substitution
            Verdict v = linear == Verdict.PROVED ? s.verdict() : Verdict.CONFIRMED;
            return Optional.of(new StepResult(s.index(), shown, s.tex(), it.result().line(), v, s.method(),
                    s.evidence(), Optional.empty(), List.of(), "follows from " + premise.result().name() + ": " + how + ", and "
                    + x + " = " + value + " solves it (" + s.message() + ")", s.millis()));
        }
        if (s.verdict() == Verdict.REFUTED) {
            return Optional.of(new StepResult(s.index(), shown, s.tex(), it.result().line(), Verdict.REFUTED, s.method(),
                    s.evidence(), s.counterexample(), List.of(), "does not follow from " + premise.result().name() + ": " + how
                    + ", and " + x + " = " + value + " does not solve it: with " + x + " replaced, the condition's sides "
                    + "differ at the point shown (" + s.message() + ")", s.millis()));
        }
        return Optional.empty();
    }

    private static List<StepResult> claim(String text, Conditions.Item it, Function<Derivation, List<StepResult>> run,
            Map<String, List<StepResult>> cache, Definition... more) {
        Names n = it.names();
        List<Definition> defs = new java.util.ArrayList<>(n.definitions);
        defs.addAll(List.of(more));
        Derivation d = new Derivation("solved", "", "", n.context.file(), n.context.symbols(), n.context.densities(),
                defs, n.context.assumptions(), List.of(new Step(1, Optional.empty(),
                        List.of(new Line(text, it.result().line())), Optional.empty(), Optional.empty(), it.result().line())),
                n.context.families());
        return cache.computeIfAbsent(Claims.key(d), key -> run.apply(d));
    }

}
