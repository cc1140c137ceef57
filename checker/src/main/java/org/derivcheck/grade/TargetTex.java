package org.derivcheck.grade;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.derivcheck.notation.SourceTex;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.SymbolDecl;

/**
 * A rubric's targets in LaTeX, as a student reads them: printed from the rubric's own text, names in the
 * rubric's {@code notation:} shown by their LaTeX form ({@code Fisher} as F(\theta)), definitions by name.
 */
final class TargetTex {
    private final SourceTex.Names names;

    TargetTex(Rubric rubric) {
        Set<String> indexed = new HashSet<>();
        Set<String> finite = new HashSet<>();
        for (SymbolDecl s : rubric.symbols()) {
            if (s.indexed()) {
                indexed.add(s.name());
            }
            if (s.domain() == Domain.FINITE) {
                finite.add(s.name());
            }
        }
        Set<String> defined = new HashSet<>();
        for (Definition d : rubric.definitions()) {
            defined.add(d.name());
        }
        Map<String, String> aliases = new HashMap<>();
        // of several LaTeX forms of one name, the longest (then the first in order) is shown: deterministic
        new java.util.TreeMap<>(rubric.notation()).forEach((tex, text) -> {
            if (text.strip().matches("[A-Za-z][A-Za-z0-9_]*") && !tex.isBlank()) {
                aliases.merge(text.strip(), tex.strip(), (a, b) -> b.length() > a.length() ? b : a);
            }
        });
        names = new SourceTex.Names(Set.of(), indexed, finite, defined, aliases);
    }

    /** LaTeX of the target relation of a result; its derivcheck text when it cannot be printed. */
    String of(RubricResult r) {
        return SourceTex.of(r.target().relation(), names).orElse("\\text{" + r.target().relation()
                .replaceAll("[\\\\{}$&#^_%~]", " ") + "}");
    }
}
