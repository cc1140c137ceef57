package org.derivcheck.prove;

/** The prover met something it has no sound rule for; the claim is left to the other checkers. */
final class NotProvable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotProvable(String message) {
        super(message, null, false, false);
    }
}
