package org.derivcheck.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.check.DerivationChecker;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.Derivation;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.document.Document.Problem;
import org.derivcheck.document.Equation.Link;
import org.derivcheck.document.Equation.Statement;
import org.derivcheck.document.EquationResult.Kind;

/**
 * Checks a document equation by equation. Statements are read in order (a definition is known to the
 * equations after it), each becomes a derivation of its own (the context's names, the definitions so far, one
 * step per relation) checked by {@link DerivationChecker}, in parallel; results come back in document order.
 * A statement that does not hold as an identity but from which the next one follows ({@code \rightarrow}) is a
 * condition (an equation being solved), and what follows is checked against it. Results are cached by the
 * text of their derivation, so re-checking a document after an edit checks only what changed.
 */
public final class DocumentChecker implements AutoCloseable {
    private final Cas cas;
    private final CheckOptions options;
    private final ExecutorService pool;
    private final Map<String, List<StepResult>> cache = new ConcurrentHashMap<>();
    private int lastChecked;

    public DocumentChecker(Cas cas, CheckOptions options, int threads) {
        this.cas = cas;
        this.options = options;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(null, r, "derivcheck-document", 64L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    /** How many derivations the last {@link #check} really checked (the others came from the cache). */
    public int lastChecked() {
        return lastChecked;
    }

    /** One statement on its way: its result so far and, when there is something to check, its derivation. */
    private static final class Job {
        EquationResult result;
        Derivation derivation;
        Reading reading;
        Names names;
        Future<List<StepResult>> future;
        String key;
    }

    public DocumentResult check(Document doc, Context context) {
        long t0 = System.nanoTime();
        List<String> problems = new ArrayList<>();
        for (Problem p : doc.problems()) {
            problems.add(where(doc, p.offset()) + ": " + p.message());
        }
        List<Equation> equations = Equations.of(doc);
        if (equations.isEmpty() && doc.problems().isEmpty()) {
            problems.add(doc.file() + ": no display ($$ .. $$, \\[ .. \\], equation, align, gather, multline) was found; "
                    + "derivcheck checks displayed equations only");
        }
        // definitions made by displays, per context: a definition is used by the later equations with the same names
        Map<String, List<Definition>> defsByContext = new LinkedHashMap<>();
        Map<String, Map<String, String>> formsByContext = new LinkedHashMap<>();
        List<Job> jobs = new ArrayList<>();
        Map<String, Names> namesCache = new LinkedHashMap<>();
        Set<Equation> notesRead = new java.util.HashSet<>();
        for (Equation eq : equations) {
            Context ctx = context.forSection(eq.section());
            String scope = ctx.fingerprint();
            List<Definition> defs = defsByContext.computeIfAbsent(scope, k -> new ArrayList<>());
            Map<String, String> forms = formsByContext.computeIfAbsent(scope, k -> new LinkedHashMap<>());
            Optional<String> spoiled = doc.problems().stream().filter(p -> p.display() == eq.display()).map(Problem::message)
                    .findFirst();
            List<Statement> sts = eq.statements();
            for (int i = 0; i < sts.size(); i++) {
                Statement s = sts.get(i);
                Job job = new Job();
                jobs.add(job);
                int line = doc.source().lineOf(s.offset());
                int column = doc.source().columnOf(s.offset());
                EquationResult base = new EquationResult(eq, i + 1, sts.size(), Kind.CLAIM, line, column, s.latex(), "",
                        List.of());
                job.result = base;
                if (spoiled.isPresent()) {
                    job.result = invalid(base, line, column, spoiled.get());
                    continue;
                }
                if (s.link() == Link.NOTE) {
                    job.result = base.with(Kind.NOTE, Equations.mayRestrict(s.latex()) ? "a side condition in words, not a claim"
                            : "a remark in words beside the formula, not a claim", List.of());
                    continue;
                }
                Optional<String> macro = macro(doc, s, ctx);
                if (macro.isPresent()) {
                    job.result = invalid(base, line, column, macro.get());
                    continue;
                }
                Names names;
                try {
                    String key = ctx.fingerprint() + defs + forms;
                    names = namesCache.get(key);
                    if (names == null) {
                        names = new Names(ctx, defs, forms);
                        namesCache.put(key, names);
                    }
                } catch (DerivationException e) {
                    job.result = invalid(base, line, column, e.getMessage());
                    continue;
                }
                Reading r = StatementReader.read(s, names);
                job.reading = r;
                job.names = names;
                int rl = doc.source().lineOf(r.offset());
                int rc = doc.source().columnOf(r.offset());
                switch (r.kind()) {
                    case INVALID -> job.result = invalid(base, rl, rc, r.message());
                    case NOT_A_CLAIM -> job.result = base.with(Kind.NOT_A_CLAIM, r.message(), List.of());
                    case DEFINITION -> {
                        Reading.Defined d = r.defines().get();
                        String body = d.items().isEmpty() ? r.links().get(0).text() : "{" + String.join(", ", d.items()) + "}";
                        Definition def = new Definition(d.name(), List.of(), body, line);
                        try {
                            List<Definition> next = new ArrayList<>(defs);
                            next.add(def);
                            Map<String, String> nextForms = new LinkedHashMap<>(forms);
                            nextForms.put(d.form(), d.name());
                            new Names(ctx, next, nextForms);
                            defs.add(def);
                            forms.put(d.form(), d.name());
                        } catch (DerivationException | org.derivcheck.notation.ParseException e) {
                            job.result = invalid(base, line, column, "the definition of " + d.form() + " cannot be used: "
                                    + e.getMessage());
                            continue;
                        }
                        String note = "definition: " + d.form() + " := " + body + " (used by the equations after it)";
                        job.result = base.with(Kind.DEFINITION, note, List.of());
                        if (r.links().size() > 1) {
                            job.derivation = Claims.derivation(doc, eq, r, names, line);
                        }
                    }
                    default -> job.derivation = Claims.derivation(doc, eq, r, names, line);
                }
                if (job.derivation != null && eq.statements().stream().anyMatch(x -> x.link() == Link.NOTE)) {
                    // the display's side conditions in words, where they read as inequalities, are its claims' assumptions
                    Optional<List<org.derivcheck.derivation.Line>> side = SideConditions.of(eq, names, line);
                    if (side.isPresent()) {
                        job.derivation = SideConditions.under(job.derivation, side.get());
                        notesRead.add(eq);
                    }
                }
            }
        }
        int checked = 0;
        for (Job j : jobs) {
            if (j.derivation != null) {
                j.key = Claims.key(j.derivation);
                if (!cache.containsKey(j.key)) {
                    checked++;
                    Derivation d = j.derivation;
                    j.future = pool.submit(() -> run(d));
                }
            }
        }
        lastChecked = checked;
        for (Job j : jobs) {
            if (j.derivation == null) {
                continue;
            }
            List<StepResult> steps;
            if (j.future == null) {
                steps = cache.get(j.key);
            } else {
                try {
                    steps = j.future.get();
                } catch (Exception e) {
                    steps = List.of(Claims.inconclusive(j.result.line(), "internal error while checking: " + e));
                }
                cache.put(j.key, steps);
            }
            j.result = j.result.with(j.result.kind(), j.result.note(), Claims.relabel(steps, j.reading, j.result.line()));
        }
        for (Job j : jobs) {
            if (j.result.kind() == Kind.NOTE && notesRead.contains(j.result.equation())) {
                j.result = j.result.with(Kind.NOTE, "a side condition, read as an assumption of this display's claims", List.of());
            }
        }
        Conditions.apply(jobs.stream().map(j -> new Conditions.Item(j.result, j.reading, j.names)).toList(), this::run,
                cache, notesRead::contains, out -> {
                    for (int i = 0; i < jobs.size(); i++) {
                        jobs.get(i).result = out.get(i);
                    }
                });
        List<EquationResult> results = jobs.stream().map(j -> j.result).toList();
        return new DocumentResult(doc.file(), results, problems, (System.nanoTime() - t0) / 1_000_000L);
    }

    /** Checks one derivation under its own time limit; a crash is INCONCLUSIVE, never an exception. */
    List<StepResult> run(Derivation d) {
        try {
            DerivationResult r = new DerivationChecker(cas, options).check(d);
            if (r.error().isPresent()) {
                return List.of(new StepResult("1", "", "", 0, Verdict.INVALID, "parse", List.of(), Optional.empty(), List.of(),
                        r.error().get(), 0));
            }
            return r.steps();
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(Claims.inconclusive(0, "internal error while checking: " + e));
        }
    }

    private static EquationResult invalid(EquationResult base, int line, int column, String message) {
        StepResult s = new StepResult("1", base.latex(), base.latex(), line, Verdict.INVALID, "parse", List.of(),
                Optional.empty(), List.of(), "column " + column + ": " + message, 0);
        return new EquationResult(base.equation(), base.statement(), base.statements(), Kind.INVALID, line, column,
                base.latex(), message, List.of(s));
    }

    /** A macro of the document's own that the statement uses and the context does not map. */
    private static Optional<String> macro(Document doc, Statement s, Context ctx) {
        String latex = s.latex();
        for (var m : doc.macros().entrySet()) {
            java.util.regex.Matcher u = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(m.getKey())
                    + "(?![A-Za-z])").matcher(latex);
            if (u.find() && ctx.notation().keySet().stream().noneMatch(k -> k.contains(m.getKey()))) {
                return Optional.of("'" + m.getKey() + "' is a macro of this document (\\newcommand at line " + m.getValue()
                        + "); derivcheck does not expand macros: map it to derivcheck text under 'notation:' in the "
                        + "context, or write it out");
            }
        }
        return Optional.empty();
    }

    static String where(Document doc, int offset) {
        return doc.file() + ":" + doc.source().lineOf(offset) + ":" + doc.source().columnOf(offset);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
