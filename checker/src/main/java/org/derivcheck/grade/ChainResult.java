package org.derivcheck.grade;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;

/**
 * A checked chain: the verdict of every relation between consecutive lines, and the comparison of its
 * final line with each goal it was compared to (goal id to the result of {@code final = target}).
 *
 * @param about the goal ids the chain is about (by its first line or its label)
 */
public record ChainResult(Chain chain, List<StepResult> steps, Map<String, StepResult> comparisons, List<String> about) {
    public ChainResult {
        steps = List.copyOf(steps);
        comparisons = Map.copyOf(comparisons);
        about = List.copyOf(about);
    }

    /** True when every relation of the chain is PROVED or CONFIRMED. */
    public boolean holds() {
        return !steps.isEmpty() && steps.stream().allMatch(s -> s.verdict().holds());
    }

    /** True when every relation but the last holds and there are at least two. */
    public boolean holdsBeforeLast() {
        return steps.size() >= 2 && steps.subList(0, steps.size() - 1).stream().allMatch(s -> s.verdict().holds());
    }

    public Verdict verdict() {
        return steps.stream().map(StepResult::verdict).reduce(Verdict.PROVED, Verdict::combine);
    }

    /** The result of comparing the final line with the goal, if it was compared. */
    public Optional<StepResult> comparison(String goal) {
        return Optional.ofNullable(comparisons.get(goal));
    }

    /** True when the chain holds and its final line equals the goal's target. */
    public boolean reaches(String goal) {
        return holds() && comparison(goal).map(c -> c.verdict().holds()).orElse(false);
    }

    public String where() {
        int a = chain.firstLine();
        int b = chain.lastLine();
        return "chain " + chain.number() + " (" + (a == b ? "line " + a : "lines " + a + "-" + b) + ")";
    }
}
