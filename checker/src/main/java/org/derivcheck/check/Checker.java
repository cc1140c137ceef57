package org.derivcheck.check;

import java.util.Optional;

/** One way of deciding a scalar claim. Empty when the method does not apply to it. */
interface Checker {
    Optional<Outcome> check(Claim claim, StepContext ctx);
}
