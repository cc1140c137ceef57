package org.derivcheck.grade;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.SymbolDecl;

/**
 * A student's work as read from disk, before checking: its chains, the names its header adds to the
 * rubric's, or the reason it cannot be read at all ({@code error}, with file, line and column).
 */
public record Submission(String id, List<Path> files, List<Chain> chains, List<SymbolDecl> symbols,
        List<Definition> definitions, List<Line> assumptions, Optional<String> error) {
    public Submission {
        files = List.copyOf(files);
        chains = List.copyOf(chains);
        symbols = List.copyOf(symbols);
        definitions = List.copyOf(definitions);
        assumptions = List.copyOf(assumptions);
    }

    static Submission unreadable(String id, List<Path> files, String error) {
        return new Submission(id, files, List.of(), List.of(), List.of(), List.of(), Optional.of(error));
    }
}
