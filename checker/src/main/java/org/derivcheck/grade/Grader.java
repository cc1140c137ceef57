package org.derivcheck.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ChainRun runner;
    private final long submissionMillis;
    private final Map<String, String> targetTex = new java.util.concurrent.ConcurrentHashMap<>();

    /** How many of a submission's own definitions may be dropped as unusable before the submission is refused. */
    private static final int MAX_DROPPED_DEFINITIONS = 3;

    public Grader(Rubric rubric, Cas cas, CheckOptions options) {
        this(rubric, cas, options, (long) (rubric.submissionSeconds() * 1000));
    }

    /** A grader whose submissions each have {@code submissionMillis} in all (the rubric's limit otherwise). */
    public Grader(Rubric rubric, Cas cas, CheckOptions options, long submissionMillis) {
        this.rubric = rubric;
        this.cas = cas;
        this.options = options;
        this.runner = new ChainRun(options);
        this.submissionMillis = submissionMillis;
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
            scope = ChainScope.of(rubric.id(), rubric.file(), rubric.symbols(), List.of(), List.of(),
                    rubric.definitions(), rubric.assumptions());
        } catch (ChainScope.Invalid e) {
            problems.add(rubric.file() + ":" + e.line() + ": " + e.getMessage());
            return problems;
        }
        ChainChecker checker = new ChainChecker(cas, options);
        List<Goal> goals = goals();
        for (int i = 0; i < goals.size(); i++) {
            Goal g = goals.get(i);
            if (Reach.normal(g.lhs()).equals(Reach.normal(g.rhs())) || Canon.plain().same(g.lhs(), g.rhs())) {
                problems.add(rubric.file() + ":" + g.line() + ": the target '" + g.relation() + "' relates an expression to "
                        + "itself (up to the order of terms and factors): it asks for no work, and X = X would earn it; "
                        + "fix the rubric");
                continue;
            }
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
        ChainRun.Budget budget = new ChainRun.Budget(t0, submissionMillis);
        if (s.error().isPresent()) {
            return new SubmissionGrade(s.id(), s.files(), List.of(), zero("the submission could not be read: "
                    + s.error().get()), s.error(), millis(t0));
        }
        // a submission may not redefine the rubric's names: its symbols and definitions of a name the rubric declares
        // or defines are not used (the rubric's win), and the feedback says so
        List<String> droppedNames = new ArrayList<>();
        List<SymbolDecl> symbols = new ArrayList<>(rubric.symbols());
        for (SymbolDecl d : s.symbols()) {
            Optional<SymbolDecl> theirs = rubric.symbols().stream().filter(r -> r.name().equals(d.name())).findFirst();
            if (theirs.isPresent()) {
                // a YAML submission may repeat the rubric's declarations; one that declares a rubric symbol otherwise
                // (x positive for the rubric's real x) would narrow its domain: the rubric's is used, and the feedback
                // says so
                if (!sameDeclaration(theirs.get(), d)) {
                    droppedNames.add("declaration of " + d.name() + " (" + describe(d) + "), a symbol the rubric declares ("
                            + describe(theirs.get()) + "): the rubric's domain is used, not granted otherwise");
                }
                continue;
            }
            if (rubricDefines(d.name())) {
                droppedNames.add("symbol " + d.name() + ", a name the rubric defines");
            } else {
                symbols.add(d);
            }
        }
        List<Definition> defs = new ArrayList<>(rubric.definitions());
        for (Definition d : s.definitions()) {
            if (rubricDeclares(d.name())) {
                droppedNames.add("definition of " + d.name() + ", a name the rubric declares (its meaning is the rubric's)");
            } else {
                defs.add(d);
            }
        }
        NameSpace ns = null;
        List<String> unusable = new ArrayList<>();
        // a definition of the submission's own that cannot be used (too large, too slow) is dropped, and the chains
        // that do not use it are still graded; at most a few are dropped before the submission is refused
        for (int attempt = 0; ns == null; attempt++) {
            try {
                ns = NameSpace.of(cas, symbols, defs, rubric.notation(), rubric.expectations());
            } catch (IllegalArgumentException e) {
                // only a definition past the CAS's size or time limit; one that names a refused function or does not
                // parse still makes the submission unreadable (hostile input is refused whole)
                boolean limit = e.getMessage().contains("did not finish") || e.getMessage().contains("it cannot be used (")
                        || unusable.stream().anyMatch(n -> e.getMessage().contains("'" + n + "'"));
                Optional<Definition> own = e instanceof NameSpace.Refused r && limit && attempt < MAX_DROPPED_DEFINITIONS
                        ? s.definitions().stream().filter(d -> d.line() == r.line && defs.contains(d)).findFirst()
                        : Optional.empty();
                if (own.isEmpty()) {
                    String msg = s.files().get(0) + ": header " + e.getMessage();
                    return new SubmissionGrade(s.id(), s.files(), List.of(), zero(msg), Optional.of(msg), millis(t0));
                }
                defs.remove(own.get());
                unusable.add(own.get().name());
                droppedNames.add("definition of " + own.get().name() + " (" + e.getMessage() + ")");
            }
        }
        // a submission may not narrow the rubric's domain, nor leave it no point to check: its own assumptions are used
        // only where they speak of symbols it declares itself and some point satisfies them (docs/grading.md)
        NameSpace names = ns;
        List<Definition> usable = defs;
        OwnAssumptions own = OwnAssumptions.of(rubric, s, symbols, (n, under) -> probe(n, under, s, names, symbols, usable,
                budget));
        List<Line> assumptions = own.used();
        List<Goal> goals = goals();
        List<ChainResult> results = new ArrayList<>();
        grade(s, cas, ns, goals, symbols, defs, assumptions, results, budget);
        Canon canon = Canon.unfolding(defs);
        java.util.Set<String> ownNames = new java.util.HashSet<>();
        defs.stream().filter(d -> !rubricDefines(d.name())).forEach(d -> ownNames.add(d.name()));
        Canon expanded = Canon.expanding(defs);
        results.replaceAll(r -> Reach.gate(r, goals, canon, expanded, ownNames));
        results.replaceAll(r -> Reach.oneGoal(r, goals, canon));
        List<ResultScore> scores = Scoring.score(rubric, results);
        if (!droppedNames.isEmpty()) {
            String note = " (not used: the submission's " + String.join("; ", droppedNames) + ")";
            scores = scores.stream().map(x -> new ResultScore(x.resultId(), x.title(), x.earned(), x.points(), x.status(),
                    x.message() + note, x.review())).toList();
        }
        if (budget.undecided() > 0) {
            String note = " (the submission's time limit of " + (submissionMillis + 999) / 1000 + " s was reached: "
                    + budget.undecided() + " chain" + (budget.undecided() > 1 ? "s were" : " was") + " not decided "
                    + "(INCONCLUSIVE: time); what was checked before is kept)";
            scores = scores.stream().map(x -> new ResultScore(x.resultId(), x.title(), x.earned(), x.points(), x.status(),
                    x.message() + note, x.review() || x.earned() < x.points())).toList();
        }
        for (String note : own.notes()) {
            scores = scores.stream().map(x -> new ResultScore(x.resultId(), x.title(), x.earned(), x.points(), x.status(),
                    x.message() + note, x.review())).toList();
        }
        return new SubmissionGrade(s.id(), s.files(), results, scores, Optional.empty(), millis(t0));
    }

    /**
     * True when a true identity in {@code names} ({@code (n + 1)^2 = n^2 + 2n + 1} with n their sum) holds under the
     * assumptions: it does only when points that satisfy them were found.
     */
    private boolean probe(java.util.Set<String> names, List<Line> under, Submission s, NameSpace ns, List<SymbolDecl> symbols,
            List<Definition> defs, ChainRun.Budget budget) {
        String sum = names.isEmpty() ? "1" : "(" + String.join(" + ", names) + ")";
        Chain probe = new Chain(0, Optional.empty(), List.of(new Chain.ChainLine("(" + sum + " + 1)^2", 0, 1),
                new Chain.ChainLine("= " + sum + "^2 + 2*" + sum + " + 1", 0, 1)), s.files().get(0), false);
        try {
            List<Link> parsed = ChainLines.read(probe, ns);
            return runner.run(probe, parsed, true, List.of(), List.of(), symbols, defs, under, s.id() + "-assume", budget)
                    .holds();
        } catch (ChainLines.InvalidLine e) {
            return false;
        }
    }

    private static boolean sameDeclaration(SymbolDecl a, SymbolDecl b) {
        return a.domain() == b.domain() && a.indexed() == b.indexed() && same(a.min(), b.min()) && same(a.max(), b.max());
    }

    private static boolean same(double x, double y) {
        return Double.isNaN(x) && Double.isNaN(y) || x == y;
    }

    private static String describe(SymbolDecl d) {
        String s = d.domain().name().toLowerCase(java.util.Locale.ROOT) + (d.indexed() ? ", indexed" : "");
        if (!Double.isNaN(d.min()) || !Double.isNaN(d.max())) {
            s += " from " + d.min() + " to " + d.max();
        }
        return s;
    }

    /** True when the rubric declares {@code name} as a symbol or defines it. */
    private boolean rubricDeclares(String name) {
        return rubric.symbols().stream().anyMatch(r -> r.name().equals(name)) || rubricDefines(name);
    }

    private boolean rubricDefines(String name) {
        return rubric.definitions().stream().anyMatch(r -> r.name().equals(name));
    }

    private void grade(Submission s, Cas own, NameSpace ns, List<Goal> goals, List<SymbolDecl> symbols, List<Definition> defs,
            List<Line> assumptions, List<ChainResult> results, ChainRun.Budget budget) {
        for (Chain c : s.chains()) {
            results.add(checkChain(c, own, ns, goals, symbols, defs, assumptions, s.id(), budget));
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
                results.set(i, compareOnly(r, own, ns, open, symbols, defs, assumptions, s.id(), budget));
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
            List<Definition> defs, List<Line> assumptions, String id, ChainRun.Budget budget) {
        List<Link> parsed;
        try {
            parsed = ChainLines.read(c, ns);
        } catch (ChainLines.InvalidLine e) {
            return ChainRun.invalid(c, e.line, e.getMessage());
        }
        if (parsed.get(0).relation().isPresent()) {
            return ChainRun.invalid(c, c.firstLine(), "the chain starts with '" + parsed.get(0).relationSymbol() + "': there is no "
                    + "line before it to compare with");
        }
        if (parsed.size() < 2) {
            return ChainRun.invalid(c, c.firstLine(), "a line without a relation (=, \\le, \\ge) states nothing to check");
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
        if (c.refused().isPresent()) {
            ChainResult x = ChainRun.invalid(c, c.firstLine(), c.file().getFileName() + ":" + c.firstLine() + ": "
                    + c.refused().get());
            return new ChainResult(c, x.steps(), Map.of(), about);
        }
        ChainResult r = runner.run(c, parsed, true, compare, about, symbols, defs, assumptions, id, budget);
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
        return r.withComparisons(comparisons);
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
            List<Definition> defs, List<Line> assumptions, String id, ChainRun.Budget budget) {
        Chain c = r.chain();
        if (budget.spent()) {
            budget.skipped();
            return r; // not compared: the submission's time is up (the note says so, the score is marked for review)
        }
        List<Link> parsed;
        try {
            parsed = ChainLines.read(c, ns);
        } catch (ChainLines.InvalidLine e) {
            return r;
        }
        ChainResult again = runner.run(c, parsed, false, goals, List.of(), symbols, defs, assumptions, id, budget);
        return r.withComparisons(again.comparisons());
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000L;
    }

    /**
     * The time a whole submission may take before {@link GradeBatch} stops it: the grader itself stops checking at the
     * submission's limit (the chains left are INCONCLUSIVE: time, what was checked is kept and scored), so this is that
     * limit plus one step limit and 10 s to read, score and write the submission: a backstop for a grader that does not
     * return.
     */
    public long limitMillis(Submission s) {
        return submissionMillis + options.stepMillis() + 10_000L;
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
        runner.close();
    }

    /** The submission's id for output file names: letters, digits, '.', '-', '_' only. */
    static String safeId(Path p) {
        String name = p.getFileName() == null ? "submission" : p.getFileName().toString();
        return name.replaceFirst("\\.(tex|ya?ml)$", "").replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_");
    }
}
