package org.derivcheck.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;
import org.derivcheck.diagnose.Diagnosis;

/**
 * The scoring rules of docs/grading.md, applied to checked chains:
 * <ul>
 * <li>full points: a chain reaches the target (every relation holds, the final line equals the target) and
 * every intermediate result ({@code via}) is reached by some chain;</li>
 * <li>partial points: the target is reached but an intermediate result is not, or a chain about the target
 * has two relations or more, all of them hold but the last, and its final line differs from the target;</li>
 * <li>what reaches a goal, and what a chain with a wrong final line must have done, is decided by the reach rules
 * ({@link Reach}): relations that compose to the target's, a chain that does some work;</li>
 * <li>no points otherwise. An undecided (INCONCLUSIVE) step that may have cost points marks the score for
 * review by a person.</li>
 * </ul>
 */
final class Scoring {
    private Scoring() {
    }

    static List<ResultScore> score(Rubric rubric, List<ChainResult> chains) {
        List<ResultScore> out = new ArrayList<>();
        for (RubricResult r : rubric.results()) {
            out.add(score(r, chains));
        }
        return out;
    }

    private static ResultScore score(RubricResult r, List<ChainResult> chains) {
        String id = r.id();
        List<ChainResult> about = chains.stream().filter(c -> c.about().contains(id)).toList();
        boolean review = about.stream().anyMatch(c -> c.verdict() == Verdict.INCONCLUSIVE
                || c.comparison(id).map(s -> s.verdict() == Verdict.INCONCLUSIVE).orElse(false));
        Optional<ChainResult> reached = chains.stream().filter(c -> c.reaches(id)).findFirst();
        if (reached.isPresent()) {
            List<String> missing = new ArrayList<>();
            for (Goal v : r.via()) {
                if (chains.stream().noneMatch(c -> c.reaches(v.id()))) {
                    missing.add(v.relation());
                }
            }
            if (missing.isEmpty()) {
                return new ResultScore(id, r.title(), r.points(), r.points(), ResultScore.Status.FULL,
                        reached.get().where() + " derives " + r.target().lhs() + " and reaches the target; every step holds",
                        false);
            }
            return new ResultScore(id, r.title(), r.partial(), r.points(), ResultScore.Status.PARTIAL,
                    reached.get().where() + " reaches the target, but the intermediate result" + (missing.size() > 1 ? "s " : " ")
                            + String.join("; ", missing) + (missing.size() > 1 ? " are" : " is") + " not derived", review);
        }
        for (ChainResult c : about) {
            Optional<StepResult> cmp = c.comparison(id);
            if (c.holdsBeforeLast() && cmp.isPresent() && cmp.get().verdict() == Verdict.REFUTED) {
                StepResult last = c.steps().get(c.steps().size() - 1);
                return new ResultScore(id, r.title(), r.partial(), r.points(), r.partial() > 0 ? ResultScore.Status.PARTIAL
                        : ResultScore.Status.NONE,
                        c.where() + " holds up to its final line (line " + last.line() + "), which is wrong"
                                + diagnoses(last.verdict() == Verdict.REFUTED ? last : cmp.get()), review);
            }
        }
        for (ChainResult c : about) {
            Optional<StepResult> cmp = c.comparison(id);
            if (c.holdsBeforeLast() && !c.holds() && cmp.isPresent() && cmp.get().verdict() == Verdict.INVALID) {
                return new ResultScore(id, r.title(), 0, r.points(), ResultScore.Status.NONE, c.where() + " "
                        + cmp.get().message(), review);
            }
        }
        if (about.isEmpty()) {
            // the chain that came nearest: its final line equals the target but a reach rule rules it out, before one
            // that does not even start at the goal
            for (boolean nearest : new boolean[] {true, false}) {
                for (ChainResult other : chains) {
                    Optional<StepResult> o = other.comparison(id);
                    if (o.isPresent() && o.get().verdict() == Verdict.INVALID && other.holds()
                            && (!nearest || o.get().message().startsWith("does not reach the target"))) {
                        return new ResultScore(id, r.title(), 0, r.points(), ResultScore.Status.NONE, other.where()
                                + " holds but " + o.get().message(), review);
                    }
                }
            }
            return new ResultScore(id, r.title(), 0, r.points(), ResultScore.Status.NONE, "no chain derives "
                    + r.target().lhs() + " and reaches the target: start a chain with it, or label the display \\label{"
                    + id + "}", review);
        }
        ChainResult c = about.get(0);
        for (StepResult s : c.steps()) {
            if (!s.verdict().holds()) {
                return new ResultScore(id, r.title(), 0, r.points(), ResultScore.Status.NONE, c.where() + ": step "
                        + s.index() + " (line " + s.line() + ") is " + s.verdict() + ": " + s.message() + diagnoses(s), review);
            }
        }
        StepResult cmp = c.comparison(id).orElse(null);
        if (cmp != null && cmp.verdict() == Verdict.INVALID) {
            return new ResultScore(id, r.title(), 0, r.points(), ResultScore.Status.NONE, c.where() + " holds but "
                    + cmp.message(), review);
        }
        return new ResultScore(id, r.title(), 0, r.points(), ResultScore.Status.NONE, c.where() + " holds but does not end at "
                + "the target" + (cmp == null ? "" : " (" + cmp.verdict() + ")" + diagnoses(cmp)), review);
    }

    private static String diagnoses(StepResult s) {
        List<String> ds = new ArrayList<>();
        for (Diagnosis d : s.diagnoses()) {
            if (!d.message().equals(s.message())) {
                // the student's notation (log, ψ, Greek letters, ∂/∂x), not derivcheck's syntax
                ds.add(d.readable());
            }
        }
        return ds.isEmpty() ? "" : ": " + String.join("; ", ds);
    }
}
