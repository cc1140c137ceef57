package org.derivcheck.derivation;

import java.util.Optional;

/**
 * What a test corpus file says a step's verdict should be, and optionally a word the diagnosis must
 * contain (e.g. "sign", "factor", "missing term", "component 3"). Ignored by the checker itself.
 */
public record Expected(String verdict, Optional<String> diagnosis) {
}
