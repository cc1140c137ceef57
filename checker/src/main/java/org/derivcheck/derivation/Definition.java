package org.derivcheck.derivation;

import java.util.List;

/** {@code name: text} or, for a function, {@code name(p1, p2): text}. */
public record Definition(String name, List<String> params, String text, int line) {
    public Definition {
        params = List.copyOf(params);
    }
}
