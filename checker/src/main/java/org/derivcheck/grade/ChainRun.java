package org.derivcheck.grade;

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

/**
 * One submission chain checked under a time limit of its own, on a CAS of its own: its relations by
 * {@link ChainChecker}, and the comparisons of its final (and first) line with the goals' sides. A chain past its
 * limit is INCONCLUSIVE and abandoned.
 */
final class ChainRun implements AutoCloseable {
    private final CheckOptions options;
    private final ExecutorService chains;

    /**
     * A submission's time in all: every chain runs under the smaller of its own limit and what is left; a chain that
     * finds none left, or is stopped because the submission's time ran out, is INCONCLUSIVE (time) and counted.
     */
    static final class Budget {
        private final long deadline;
        private int undecided;

        Budget(long startNanos, long millis) {
            this.deadline = startNanos + millis * 1_000_000L;
        }

        long leftMillis() {
            return (deadline - System.nanoTime()) / 1_000_000L;
        }

        boolean spent() {
            return leftMillis() <= 0;
        }

        /** A chain (or a comparison) left undecided for the submission's time. */
        void skipped() {
            undecided++;
        }

        int undecided() {
            return undecided;
        }
    }

    ChainRun(CheckOptions options) {
        this.options = options;
        this.chains = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(null, r, "derivcheck-chain", 64L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Checks the chain's relations (when {@code links} and it has two lines or more) and the comparisons with the
     * goals, in one scope under one time limit: its final line with each goal's right side and, unless it is the
     * goal's left side as written, its first line with the goal's left side (a chain that ends at the target but
     * starts elsewhere has not derived it).
     */
    ChainResult run(Chain c, List<Link> parsed, boolean links, List<Goal> compare, List<String> about,
            List<SymbolDecl> symbols, List<Definition> defs, List<Line> assumptions, String id, Budget budget) {
        boolean hasChain = links && parsed.size() >= 2;
        Link first = parsed.get(0);
        Link last = parsed.get(parsed.size() - 1);
        List<Goal> starts = new ArrayList<>();
        for (Goal g : compare) {
            if (!Reach.normal(first.text()).equals(Reach.normal(g.lhs()))) {
                starts.add(g);
            }
        }
        List<String> texts = parsed.stream().map(Link::text).toList();
        List<String> relations = parsed.subList(1, parsed.size()).stream().map(Link::relationSymbol).toList();
        if (!hasChain && compare.isEmpty()) {
            return new ChainResult(c, List.of(), Map.of(), about, texts, relations);
        }
        int relationCount = hasChain ? parsed.size() - 1 : 0;
        long own = options.stepMillis() * (relationCount + compare.size() + starts.size()) + 5_000L;
        long left = budget.leftMillis();
        if (left <= 0) {
            budget.skipped();
            return timedOut(c, parsed, about, "the submission's time limit was reached before this chain was checked");
        }
        long limit = Math.min(own, left);
        String late = limit < own ? "the submission's time limit was reached while this chain was checked"
                : "the chain's time limit of " + limit / 1000 + " s was reached";
        // a CAS of its own per chain: no state of a computation stopped at its time limit (Symja 3.0.0 keeps an
        // engine's stop request; Cas resets it now) may spill over to the next chain or student
        Future<ChainResult> f = chains.submit(() -> {
            try (Cas fresh = Cas.start()) {
                ChainScope scope;
                try {
                    scope = ChainScope.of(id + "-chain" + c.number(), c.file(), symbols, List.of(), List.of(), defs, assumptions);
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
                    comparisons.put(g.id(), unnamed(compared(checker, scope, last, g.rhs(), step)));
                }
                Map<String, StepResult> startResults = new LinkedHashMap<>();
                for (Goal g : starts) {
                    ChainChecker.Step step = ChainChecker.Step.plain(number++, first.span().line(), Optional.of(g.id()
                            + "-start"));
                    startResults.put(g.id(), compared(checker, scope, first, g.lhs(), step));
                }
                for (Goal g : starts) {
                    StepResult s = startResults.get(g.id());
                    StepResult cmp = comparisons.get(g.id());
                    if (cmp == null || s.verdict().holds()) {
                        continue;
                    }
                    Verdict v = s.verdict() == Verdict.INCONCLUSIVE && cmp.verdict() != Verdict.REFUTED ? Verdict.INCONCLUSIVE
                            : Verdict.INVALID;
                    String why = "the chain does not start at " + g.lhs() + " (its first line " + first.text() + " = "
                            + g.lhs() + " is " + s.verdict() + "): ending at the target does not derive it";
                    comparisons.put(g.id(), new StepResult(cmp.index(), cmp.claim(), cmp.tex(), cmp.line(), v, "reach rules",
                            List.of(new org.derivcheck.check.Evidence("reach rules", why)), Optional.empty(), List.of(), why,
                            cmp.millis()));
                }
                return new ChainResult(c, chainSteps, comparisons, about, texts, relations);
            }
        });
        try {
            return f.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            if (limit < own) {
                budget.skipped();
            }
            return timedOut(c, parsed, about, late);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return timedOut(c, parsed, about, "grading was interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return invalid(c, c.firstLine(), "internal error while checking: " + e.getCause(), Verdict.INCONCLUSIVE);
        }
    }

    /**
     * A line of the chain compared with a side of a goal: {@code (line) = (side)}, the side read from the rubric's
     * text, both shown in parentheses; the one result of that relation.
     */
    private static StepResult compared(ChainChecker checker, ChainScope scope, Link line, String side, ChainChecker.Step step) {
        try {
            Link target = ChainReader.line(side, true, line.span().file(), line.span().line()).get(0);
            org.derivcheck.notation.Chain pair = new org.derivcheck.notation.Chain(List.of(
                    line.first().withText("(" + line.text() + ")"), target.withRelation(Relation.EQUAL).withText("(" + side + ")")));
            return checker.check(scope, pair, step).get(0);
        } catch (ParseException e) {
            return new StepResult(step.index(), "(" + line.text() + ") = (" + side + ")", "", line.span().line(),
                    Verdict.INVALID, "parse", List.of(), Optional.empty(), List.of(), e.getMessage(), 0);
        }
    }

    /** A chain's result as the scores see it: its index, without the step's name. */
    private static StepResult unnamed(StepResult s) {
        return s.named("", "");
    }

    private static ChainResult timedOut(Chain c, List<Link> parsed, List<String> about, String why) {
        StepResult s = new StepResult(String.valueOf(c.number()), joined(parsed), "", c.firstLine(), Verdict.INCONCLUSIVE,
                "time", List.of(), Optional.empty(), List.of(), why + "; it was not decided", 0);
        return new ChainResult(c, List.of(s), Map.of(), about);
    }

    private static String joined(List<Link> parsed) {
        StringBuilder sb = new StringBuilder();
        for (Link p : parsed) {
            sb.append(p.relation().isEmpty() ? "" : " " + p.relationSymbol() + " ").append(p.text());
        }
        return sb.toString();
    }

    static ChainResult invalid(Chain c, int line, String message) {
        return invalid(c, line, message, Verdict.INVALID);
    }

    static ChainResult invalid(Chain c, int line, String message, Verdict v) {
        String claim = c.lines().isEmpty() ? "" : c.lines().get(0).source().strip();
        StepResult s = new StepResult(String.valueOf(c.number()), claim.length() > 200 ? claim.substring(0, 197) + "..." : claim,
                "", line, v, "parse", List.of(), Optional.empty(), List.of(), message, 0);
        return new ChainResult(c, List.of(s), Map.of(), List.of());
    }

    @Override
    public void close() {
        chains.shutdownNow();
    }
}
