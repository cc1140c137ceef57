package org.derivcheck.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;

/** The graded submission: every checked chain, the score of every result, and the total. */
public record SubmissionGrade(String id, List<Path> files, List<ChainResult> chains, List<ResultScore> scores,
        Optional<String> error, long millis) {
    public SubmissionGrade {
        files = List.copyOf(files);
        chains = List.copyOf(chains);
        scores = List.copyOf(scores);
    }

    public double total() {
        return scores.stream().mapToDouble(ResultScore::earned).sum();
    }

    public double max() {
        return scores.stream().mapToDouble(ResultScore::points).sum();
    }

    public boolean needsReview() {
        return scores.stream().anyMatch(ResultScore::review);
    }

    /** Every relation of every chain, in order. */
    public List<StepResult> steps() {
        List<StepResult> out = new ArrayList<>();
        for (ChainResult c : chains) {
            out.addAll(c.steps());
        }
        return out;
    }

    /** The submission as a checked derivation, for the text, JSON, JUnit and HTML reports. */
    public DerivationResult asDerivationResult() {
        Verdict v = error.isPresent() ? Verdict.INVALID
                : steps().stream().map(StepResult::verdict).reduce(Verdict.PROVED, Verdict::combine);
        Path file = files.isEmpty() ? Path.of(id) : files.get(0);
        return new DerivationResult(id, "submission " + id, String.format(java.util.Locale.ROOT, "score %s / %s",
                GradeFormat.points(total()), GradeFormat.points(max())), file, v, steps(), error, millis);
    }
}
