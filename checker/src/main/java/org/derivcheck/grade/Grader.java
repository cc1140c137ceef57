package org.derivcheck.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.ChainChecker;
import org.derivcheck.check.ChainScope;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.SymbolDecl;
import org.derivcheck.notation.ChainReader;
import org.derivcheck.notation.Link;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.Relation;
import org.derivcheck.notation.TexInput;

/**
 * Grades one submission against a rubric: reads every chain (LaTeX is translated, then parsed with the
 * rubric's names), checks it with {@link ChainChecker} under a time limit of its own, compares the
 * final line of every chain about a result with the result's target, and scores (docs/grading.md):
 * full points when a chain reaches the target and every intermediate result is established; partial
 * points when a chain about the target holds up to a wrong final line, or reaches it without an
 * intermediate result; none otherwise. A chain that takes too long becomes INCONCLUSIVE and the next one
 * is checked.
 */
public final class Grader implements AutoCloseable {
    private final Rubric rubric;
    private final Cas cas;
    private final CheckOptions options;
    private final ExecutorService chains;
    private final Map<String, String> targetTex = new java.util.concurrent.ConcurrentHashMap<>();

    public Grader(Rubric rubric, Cas cas, CheckOptions options) {
        this.rubric = rubric;
        this.cas = cas;
        this.options = options;
        this.chains = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(null, r, "derivcheck-chain", 64L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    /** Every goal of the rubric: results and their intermediate results. */
    private List<Goal> goals() {
        List<Goal> out = new ArrayList<>();
        for (RubricResult r : rubric.results()) {
            out.add(r.target());
            out.addAll(r.via());
        }
        return out;
    }

    /**
     * Checks the rubric itself: its names parse and every target and intermediate result holds. Returns
     * the problems found (empty when the rubric can be used).
     */
    public List<String> verifyRubric() {
        List<String> problems = new ArrayList<>();
        NameSpace ns;
        try {
            ns = NameSpace.of(cas, rubric.symbols(), rubric.definitions(), rubric.notation(), rubric.expectations());
        } catch (IllegalArgumentException e) {
            return List.of(rubric.file() + ": " + e.getMessage());
        }
        for (var n : rubric.notation().entrySet()) {
            try {
                Cas.parse(n.getValue(), ns.table);
                TexInput.normalized(n.getKey());
            } catch (ParseException e) {
                // a notation may use a variable bound where it is used (n of a sum, y of an expectation)
                if (!e.getMessage().startsWith("unknown symbol")) {
                    problems.add(rubric.file() + ": notation '" + n.getKey() + "': " + e.getMessage());
                }
            }
        }
        for (var n : rubric.expectations().entrySet()) {
            try {
                Cas.parse("Expectation(1, " + n.getValue() + ")", ns.table);
            } catch (ParseException e) {
                problems.add(rubric.file() + ": expectations '" + n.getKey() + "': " + e.getMessage());
            }
        }
        ChainScope scope;
        try {
            scope = ChainScope.of(rubric.id(), rubric.file(), rubric.symbols(), List.of(), rubric.definitions(),
                    rubric.assumptions());
        } catch (ChainScope.Invalid e) {
            problems.add(rubric.file() + ":" + e.line() + ": " + e.getMessage());
            return problems;
        }
        ChainChecker checker = new ChainChecker(cas, options);
        List<Goal> goals = goals();
        for (int i = 0; i < goals.size(); i++) {
            Goal g = goals.get(i);
            List<StepResult> rs;
            try {
                rs = checker.check(scope, target(g, g.line()), ChainChecker.Step.plain(i + 1, g.line(), Optional.of(g.id())));
            } catch (ParseException e) {
                problems.add(rubric.file() + ":" + g.line() + ": the target '" + g.relation() + "' does not hold ("
                        + Verdict.INVALID + ": " + (e.column() > 0 ? "column " + e.column() + ": " : "") + e.getMessage()
                        + "); fix the rubric");
                continue;
            }
            if (!rs.isEmpty()) {
                targetTex.put(g.id(), rs.get(0).tex());
            }
            for (StepResult s : rs) {
                if (!s.verdict().holds()) {
                    problems.add(rubric.file() + ":" + s.line() + ": the target '" + s.claim() + "' does not hold ("
                            + s.verdict() + ": " + s.message() + "); fix the rubric");
                }
            }
        }
        return problems;
    }

    /** A goal's relation lhs = rhs as a parsed chain of two links, read at {@code line} of the rubric. */
    private org.derivcheck.notation.Chain target(Goal g, int line) {
        Link lhs = ChainReader.line(g.lhs(), true, rubric.file().toString(), line).get(0);
        Link rhs = ChainReader.line(g.rhs(), true, rubric.file().toString(), line).get(0).withRelation(Relation.EQUAL);
        return new org.derivcheck.notation.Chain(List.of(lhs.first(), rhs));
    }

    public SubmissionGrade grade(Submission s) {
        long t0 = System.nanoTime();
        if (s.error().isPresent()) {
            return new SubmissionGrade(s.id(), s.files(), List.of(), zero("the submission could not be read: "
                    + s.error().get()), s.error(), millis(t0));
        }
        List<SymbolDecl> symbols = new ArrayList<>(rubric.symbols());
        for (SymbolDecl d : s.symbols()) {
            // a YAML submission may repeat the rubric's declarations; the rubric's domains win
            if (rubric.symbols().stream().noneMatch(r -> r.name().equals(d.name()))) {
                symbols.add(d);
            }
        }
        List<Definition> defs = new ArrayList<>(rubric.definitions());
        defs.addAll(s.definitions());
        List<Line> assumptions = new ArrayList<>(rubric.assumptions());
        assumptions.addAll(s.assumptions());
        NameSpace ns;
        try {
            ns = NameSpace.of(cas, symbols, defs, rubric.notation(), rubric.expectations());
        } catch (IllegalArgumentException e) {
            String msg = s.files().get(0) + ": header " + e.getMessage();
            return new SubmissionGrade(s.id(), s.files(), List.of(), zero(msg), Optional.of(msg), millis(t0));
        }
        List<Goal> goals = goals();
        List<ChainResult> results = new ArrayList<>();
        grade(s, cas, ns, goals, symbols, defs, assumptions, results);
        return new SubmissionGrade(s.id(), s.files(), results, Scoring.score(rubric, results), Optional.empty(), millis(t0));
    }

    private void grade(Submission s, Cas own, NameSpace ns, List<Goal> goals, List<SymbolDecl> symbols, List<Definition> defs,
            List<Line> assumptions, List<ChainResult> results) {
        for (Chain c : s.chains()) {
            results.add(checkChain(c, own, ns, goals, symbols, defs, assumptions, s.id()));
        }
        // a chain that holds but is not about any goal may still reach one not reached yet
        for (int i = 0; i < results.size(); i++) {
            ChainResult r = results.get(i);
            if (!r.about().isEmpty() || !r.holds()) {
                continue;
            }
            List<Goal> open = new ArrayList<>();
            for (Goal g : goals) {
                if (results.stream().noneMatch(x -> x.reaches(g.id()))) {
                    open.add(g);
                }
            }
            if (!open.isEmpty()) {
                results.set(i, compareOnly(r, own, ns, open, symbols, defs, assumptions, s.id()));
            }
        }
    }

    private List<ResultScore> zero(String why) {
        List<ResultScore> out = new ArrayList<>();
        for (RubricResult r : rubric.results()) {
            out.add(new ResultScore(r.id(), r.title(), 0, r.points(), ResultScore.Status.NONE, why, false));
        }
        return out;
    }

    private ChainResult checkChain(Chain c, Cas own, NameSpace ns, List<Goal> goals, List<SymbolDecl> symbols,
            List<Definition> defs, List<Line> assumptions, String id) {
        List<Link> parsed;
        try {
            parsed = read(c, ns);
        } catch (InvalidLine e) {
            return invalid(c, e.line, e.getMessage());
        }
        if (parsed.get(0).relation().isPresent()) {
            return invalid(c, c.firstLine(), "the chain starts with '" + parsed.get(0).relationSymbol() + "': there is no "
                    + "line before it to compare with");
        }
        if (parsed.size() < 2) {
            return invalid(c, c.firstLine(), "a line without a relation (=, \\le, \\ge) states nothing to check");
        }
        List<String> about = new ArrayList<>();
        List<Goal> byText = new ArrayList<>();
        List<Goal> compare = new ArrayList<>();
        String first = Goal.squeeze(parsed.get(0).text());
        for (Goal g : goals) {
            boolean byLabel = c.label().map(l -> l.equals(g.id()) || Goal.squeeze(l).equals(Goal.squeeze(g.lhs()))).orElse(false);
            if (first.equals(Goal.squeeze(g.lhs()))) {
                about.add(g.id());
                byText.add(g);
            } else if (byLabel) {
                about.add(g.id());
                compare.add(g);
            }
        }
        ChainResult r = run(own, c, parsed, compare, about, symbols, defs, assumptions, id);
        if (byText.isEmpty()) {
            return r;
        }
        // The first line is the goal's left side and the rubric's target holds, so the final line equals the target
        // exactly when the chain holds: no comparison needs checking. A chain that holds up to a refuted last
        // relation ends away from the target.
        Map<String, StepResult> comparisons = new LinkedHashMap<>(r.comparisons());
        for (Goal g : byText) {
            implied(r, g).ifPresent(x -> comparisons.put(g.id(), x));
        }
        return new ChainResult(c, r.steps(), comparisons, about);
    }

    private static Optional<StepResult> implied(ChainResult r, Goal g) {
        List<StepResult> steps = r.steps();
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        StepResult last = steps.get(steps.size() - 1);
        String idx = r.chain().number() + ":" + g.id();
        if (r.holds()) {
            Verdict v = steps.stream().map(StepResult::verdict).reduce(Verdict.PROVED, Verdict::combine);
            return Optional.of(new StepResult(idx, "final line = " + g.rhs(), "", last.line(), v, "transitivity",
                    List.of(new org.derivcheck.check.Evidence("transitivity", "the chain starts at " + g.lhs()
                            + ", every relation holds, and the rubric's target " + g.relation() + " was checked")),
                    Optional.empty(), List.of(), "the final line equals the target", 0));
        }
        if (r.holdsBeforeLast() && last.verdict() == Verdict.REFUTED) {
            return Optional.of(new StepResult(idx, "final line = " + g.rhs(), "", last.line(), Verdict.REFUTED, "transitivity",
                    List.of(new org.derivcheck.check.Evidence("transitivity", "the line before the last equals the target, "
                            + "and the last relation is refuted")), last.counterexample(), last.diagnoses(),
                    "the final line differs from the target", 0));
        }
        return Optional.empty();
    }

    private ChainResult compareOnly(ChainResult r, Cas own, NameSpace ns, List<Goal> goals, List<SymbolDecl> symbols,
            List<Definition> defs, List<Line> assumptions, String id) {
        Chain c = r.chain();
        List<Link> parsed;
        try {
            parsed = read(c, ns);
        } catch (InvalidLine e) {
            return r;
        }
        ChainResult again = run(own, c, List.of(parsed.get(parsed.size() - 1)), goals, List.of(), symbols, defs, assumptions, id);
        return new ChainResult(c, r.steps(), again.comparisons(), r.about());
    }

    /**
     * Checks the chain's relations (when it has two lines or more) and the comparisons of its final line with the
     * goals, in one scope under one time limit.
     */
    private ChainResult run(Cas own, Chain c, List<Link> parsed, List<Goal> compare, List<String> about, List<SymbolDecl> symbols,
            List<Definition> defs, List<Line> assumptions, String id) {
        boolean hasChain = parsed.size() >= 2;
        if (!hasChain && compare.isEmpty()) {
            return new ChainResult(c, List.of(), Map.of(), about);
        }
        Link last = parsed.get(parsed.size() - 1);
        int relations = hasChain ? parsed.size() - 1 : 0;
        long limit = options.stepMillis() * (relations + compare.size()) + 5_000L;
        // a CAS of its own per chain: no state of a computation stopped at its time limit (Symja 3.0.0 keeps an
        // engine's stop request; Cas resets it now) may spill over to the next chain or student
        Future<ChainResult> f = chains.submit(() -> {
            try (Cas fresh = Cas.start()) {
                ChainScope scope;
                try {
                    scope = ChainScope.of(id + "-chain" + c.number(), c.file(), symbols, List.of(), defs, assumptions);
                } catch (ChainScope.Invalid e) {
                    return invalid(c, c.firstLine(), c.file() + ":" + e.line() + ": " + e.getMessage());
                }
                ChainChecker checker = new ChainChecker(fresh, options);
                List<StepResult> chainSteps = new ArrayList<>();
                int number = 1;
                if (hasChain) {
                    // as before the chain was checked: each link shown as written, without surrounding spaces
                    List<Link> shown = new ArrayList<>();
                    for (Link l : parsed) {
                        shown.add(l.withText(l.text().trim()));
                    }
                    for (StepResult s : checker.check(scope, new org.derivcheck.notation.Chain(shown),
                            ChainChecker.Step.plain(number++, c.firstLine(), Optional.empty()).indexed(String.valueOf(c.number())))) {
                        chainSteps.add(unnamed(s));
                    }
                }
                Map<String, StepResult> comparisons = new LinkedHashMap<>();
                for (Goal g : compare) {
                    ChainChecker.Step step = ChainChecker.Step.plain(number++, last.span().line(), Optional.of(g.id()))
                            .indexed(c.number() + ":" + g.id());
                    List<StepResult> rs;
                    try {
                        rs = checker.check(scope, comparison(last, g), step);
                    } catch (ParseException e) {
                        rs = List.of(new StepResult(step.index(), "(" + last.text() + ") = (" + g.rhs() + ")", "",
                                last.span().line(), Verdict.INVALID, "parse", List.of(), Optional.empty(), List.of(),
                                e.getMessage(), 0));
                    }
                    comparisons.put(g.id(), unnamed(rs.get(0)));
                }
                return new ChainResult(c, chainSteps, comparisons, about);
            }
        });
        try {
            return f.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return timedOut(c, parsed, about, limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return timedOut(c, parsed, about, limit);
        } catch (java.util.concurrent.ExecutionException e) {
            return invalid(c, c.firstLine(), "internal error while checking: " + e.getCause(), Verdict.INCONCLUSIVE);
        }
    }

    /**
     * The final line compared with a goal's target: {@code (final) = (target)}, the target read from the rubric's
     * text, both shown in parentheses.
     */
    private static org.derivcheck.notation.Chain comparison(Link last, Goal g) {
        Link target = ChainReader.line(g.rhs(), true, last.span().file(), last.span().line()).get(0);
        return new org.derivcheck.notation.Chain(List.of(last.first().withText("(" + last.text() + ")"),
                target.withRelation(Relation.EQUAL).withText("(" + g.rhs() + ")")));
    }

    /** A chain's result as the scores see it: its index, without the step's name. */
    private static StepResult unnamed(StepResult s) {
        return s.named("", "");
    }

    private ChainResult timedOut(Chain c, List<Link> parsed, List<String> about, long limit) {
        StepResult s = new StepResult(String.valueOf(c.number()), joined(parsed), "", c.firstLine(), Verdict.INCONCLUSIVE,
                "none", List.of(), Optional.empty(), List.of(), "the chain's time limit of " + limit / 1000 + " s was reached; "
                        + "it was not decided", limit);
        return new ChainResult(c, List.of(s), Map.of(), about);
    }

    private static String joined(List<Link> parsed) {
        StringBuilder sb = new StringBuilder();
        for (Link p : parsed) {
            sb.append(p.relation().isEmpty() ? "" : " " + p.relationSymbol() + " ").append(p.text());
        }
        return sb.toString();
    }

    private ChainResult invalid(Chain c, int line, String message) {
        return invalid(c, line, message, Verdict.INVALID);
    }

    private ChainResult invalid(Chain c, int line, String message, Verdict v) {
        String claim = c.lines().isEmpty() ? "" : c.lines().get(0).source().strip();
        StepResult s = new StepResult(String.valueOf(c.number()), claim.length() > 200 ? claim.substring(0, 197) + "..." : claim,
                "", line, v, "parse", List.of(), Optional.empty(), List.of(), message, 0);
        return new ChainResult(c, List.of(s), Map.of(), List.of());
    }

    private static final class InvalidLine extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        InvalidLine(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Every line of a chain read into links, each resolved in the submission's names (errors name file, line, column). */
    private static List<Link> read(Chain c, NameSpace ns) {
        List<Link> parsed = new ArrayList<>();
        for (Chain.ChainLine line : c.lines()) {
            parsed.addAll(c.tex() ? texLine(c, line, ns) : textLine(c, line, ns, parsed.isEmpty()));
        }
        return parsed;
    }

    /** Translates one LaTeX line and parses every piece; errors name file, line and column. */
    private static List<Link> texLine(Chain c, Chain.ChainLine line, NameSpace ns) {
        List<Link> links;
        try {
            links = ChainReader.texLine(line.source(), ns.vocabulary, c.file().toString(), line.line());
        } catch (ChainReader.InLink e) {
            throw inLink(c, line, e.link(), e.parseError());
        } catch (ParseException e) {
            throw new InvalidLine(line.line(), c.file().getFileName() + ":" + line.locate(e.column()) + ": " + e.getMessage());
        }
        List<Link> out = new ArrayList<>();
        for (Link l : links) {
            try {
                Cas.resolve(l, ns.table);
            } catch (ParseException e) {
                throw inLink(c, line, l, e);
            }
            out.add(l);
        }
        return out;
    }

    private static InvalidLine inLink(Chain c, Chain.ChainLine line, Link l, ParseException e) {
        return new InvalidLine(line.line(), c.file().getFileName() + ":" + line.locate(l.sourceColumn(e.column()))
                + ": " + e.getMessage() + " (read as: " + l.text() + ")");
    }

    /** A derivcheck-syntax line of a YAML submission: the first may hold a whole chain, later ones start with a relation. */
    private static List<Link> textLine(Chain c, Chain.ChainLine line, NameSpace ns, boolean first) {
        List<Link> out = new ArrayList<>();
        try {
            for (Link l : ChainReader.line(line.source(), first, c.file().toString(), line.line())) {
                Cas.resolve(l, ns.table);
                out.add(l);
            }
        } catch (ParseException e) {
            throw new InvalidLine(line.line(), c.file().getFileName() + ":" + line.line() + (e.column() > 0 ? ":" + e.column()
                    : "") + ": " + e.getMessage());
        }
        return out;
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000L;
    }

    /** The LaTeX of each goal's relation (result and intermediate ids), once {@link #verifyRubric()} ran. */
    public Map<String, String> targetTex() {
        return Map.copyOf(targetTex);
    }

    public Rubric rubric() {
        return rubric;
    }

    @Override
    public void close() {
        chains.shutdownNow();
    }

    /** The submission's id for output file names: letters, digits, '.', '-', '_' only. */
    static String safeId(Path p) {
        String name = p.getFileName() == null ? "submission" : p.getFileName().toString();
        return name.replaceFirst("\\.(tex|ya?ml)$", "").replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_");
    }
}
