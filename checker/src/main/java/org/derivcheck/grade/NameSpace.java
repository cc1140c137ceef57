package org.derivcheck.grade;

import java.util.List;
import java.util.Map;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.Scope;
import org.derivcheck.notation.TexInput;
import org.derivcheck.document.NameTable;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.SymbolDecl;

/**
 * The names of one submission (the rubric's plus its header's) as a scope ({@code cas.Scope}), for parsing its lines
 * before they are checked, and as the vocabulary of the LaTeX reader.
 */
final class NameSpace {
    final Scope table;
    final TexInput.Vocabulary vocabulary;

    private NameSpace(Scope table, TexInput.Vocabulary vocabulary) {
        this.table = table;
        this.vocabulary = vocabulary;
    }

    /**
     * Declares the symbols and definitions in order; definitions with derivatives are evaluated under a time
     * limit ({@link Scope}).
     *
     * @param cas the grader's CAS (the table needs none: it evaluates definitions on workers of its own)
     * @throws IllegalArgumentException naming the line when a name cannot be declared
     */
    /** A name that cannot be declared, with the line of its declaration. */
    static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int line;

        Refused(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    static NameSpace of(Cas cas, List<SymbolDecl> symbols, List<Definition> definitions, Map<String, String> notation,
            Map<String, String> expectations) {
        // a submission's definitions are untrusted: the ones the CAS evaluates run under a time limit (Scope)
        NameTable.Built b = NameTable.declare(symbols, List.of(), definitions, notation, expectations,
                Map.of(), (line, message) -> new Refused(line, "line " + line + ": " + message));
        return new NameSpace(b.table(), b.vocabulary());
    }
}
