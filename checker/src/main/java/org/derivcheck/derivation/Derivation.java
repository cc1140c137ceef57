package org.derivcheck.derivation;

import java.nio.file.Path;
import java.util.List;

/** One derivation file: its symbols, definitions, assumptions and steps. */
public record Derivation(String id, String title, String source, Path file, List<SymbolDecl> symbols,
        List<DensityDecl> densities, List<Definition> definitions, List<Line> assumptions, List<Step> steps) {
    public Derivation {
        densities = List.copyOf(densities);
        symbols = List.copyOf(symbols);
        definitions = List.copyOf(definitions);
        assumptions = List.copyOf(assumptions);
        steps = List.copyOf(steps);
    }
}
