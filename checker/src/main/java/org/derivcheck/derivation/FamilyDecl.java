package org.derivcheck.derivation;

import java.util.List;
import java.util.Optional;

/**
 * A distribution family a derivation declares itself ({@code families:}): its parameters in order, the
 * name of its variable, its log-density (or log mass function) up to an additive constant, its support
 * (ends as expressions; empty for an infinite end; whole numbers when discrete) and conditions on the
 * parameters (e.g. {@code l > 0}).
 */
public record FamilyDecl(String name, List<String> params, String variable, String logDensity, Optional<String> min,
        Optional<String> max, boolean discrete, List<Line> domain, int line) {
    public FamilyDecl {
        params = List.copyOf(params);
        domain = List.copyOf(domain);
    }
}
