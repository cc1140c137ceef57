package org.derivcheck.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.derivcheck.cas.Scope;
import org.derivcheck.notation.TexInput;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.DensityDecl;
import org.derivcheck.derivation.DerivationException;

/**
 * The names one equation may use: its context's (with the section's) and the definitions of the displays
 * before it, as the LaTeX reader's vocabulary and as a scope to check every name before anything is
 * checked.
 */
final class Names {
    final Context context;
    final List<Definition> definitions;
    final Map<String, String> notation;
    final TexInput.Vocabulary vocabulary;
    final Scope table;
    final Set<String> known = new LinkedHashSet<>();
    final Map<String, DensityDecl> densities = new LinkedHashMap<>();
    final Set<String> finite = new LinkedHashSet<>();

    /**
     * @param documentDefinitions definitions made by earlier displays
     * @param documentNotation    their LaTeX forms
     * @throws DerivationException when the context itself cannot be used (its line named)
     */
    Names(Context context, List<Definition> documentDefinitions, Map<String, String> documentNotation) {
        this.context = context;
        List<Definition> defs = new ArrayList<>(context.definitions());
        defs.addAll(documentDefinitions);
        this.definitions = List.copyOf(defs);
        Map<String, String> notes = new LinkedHashMap<>(context.notation());
        notes.putAll(documentNotation);
        this.notation = Map.copyOf(notes);
        for (DensityDecl d : context.densities()) {
            densities.put(d.name(), d);
        }
        NameTable.Built b = NameTable.declare(context.symbols(), context.densities(), defs, notation,
                context.expectations(), context.indices(), (line, message) -> new DerivationException(context.file(), line,
                        message.startsWith("definition of") ? message : "context: " + message));
        this.table = b.table();
        this.vocabulary = b.vocabulary();
        known.addAll(b.known());
        finite.addAll(b.finite());
    }

    boolean knows(String name) {
        return known.contains(name);
    }
}
