package org.derivcheck.check;

import java.util.Optional;
import org.derivcheck.cas.CasException;

/**
 * Proves {@code lhs - rhs = 0} with the CAS. A failed simplification proves nothing and refutes nothing; a
 * difference reduced to exactly 0 refutes a strict relation ({@code <}, {@code >}).
 */
final class SymbolicChecker implements Checker {
    @Override
    public Optional<Outcome> check(Claim c, StepContext ctx) {
        if (c.lhs().hasExpectation() || c.rhs().hasExpectation() || c.lhs().isAbstract() || c.rhs().isAbstract()) {
            return Optional.empty();
        }
        try {
            Optional<String> how = ctx.cas.provesEqual(c.lhs(), c.rhs(), ctx.remainingMillis());
            if (how.isPresent() && RandomPointChecker.strict(c.relation())) {
                return Optional.of(Outcome.of(Verdict.REFUTED, "symbolic", "the CAS reduced lhs - rhs to exactly 0 ("
                        + how.get() + "): the sides are equal at every point, so '" + c.relation().symbol()
                        + "' holds nowhere"));
            }
            if (how.isPresent()) {
                return Optional.of(Outcome.of(Verdict.PROVED, "symbolic",
                        "the CAS reduced lhs - rhs to exactly 0 (" + how.get() + ")"));
            }
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "symbolic", "the CAS did not reduce lhs - rhs to 0"));
        } catch (CasException e) {
            return Optional.of(Outcome.of(Verdict.INCONCLUSIVE, "symbolic", e.getMessage()));
        }
    }
}
