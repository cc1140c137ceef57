package org.derivcheck.derivation;

import java.nio.file.Path;
import java.util.List;

/** One derivation file: its symbols, definitions, assumptions, steps and the families it declares. */
public record Derivation(String id, String title, String source, Path file, List<SymbolDecl> symbols,
        List<DensityDecl> densities, List<Definition> definitions, List<Line> assumptions, List<Step> steps,
        List<FamilyDecl> families) {
    /** A derivation that declares no family of its own. */
    public Derivation(String id, String title, String source, Path file, List<SymbolDecl> symbols,
            List<DensityDecl> densities, List<Definition> definitions, List<Line> assumptions, List<Step> steps) {
        this(id, title, source, file, symbols, densities, definitions, assumptions, steps, List.of());
    }

    public Derivation {
        families = List.copyOf(families);
        densities = List.copyOf(densities);
        symbols = List.copyOf(symbols);
        definitions = List.copyOf(definitions);
        assumptions = List.copyOf(assumptions);
        steps = List.copyOf(steps);
    }
}
