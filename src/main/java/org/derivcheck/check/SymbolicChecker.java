package org.derivcheck.check;

import java.util.Optional;
import org.derivcheck.cas.CasException;

/** Proves {@code lhs - rhs = 0} with the CAS; never refutes (a failed simplification proves nothing). */
final class SymbolicChecker implements Checker {
    @Override
    public Optional<Outcome> check(Claim c, StepContext ctx) {
        if (c.lhs().hasExpectation() || c.rhs().hasExpectation() || c.lhs().isAbstract() || c.rhs().isAbstract()) {
            return Optional.empty();
        }
        try {
            Optional<String> how = ctx.cas.provesEqual(c.lhs(), c.rhs(), ctx.remainingMillis());
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
