package org.derivcheck.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.derivcheck.notation.ParseException;
import org.derivcheck.cas.SymbolTable;
import org.derivcheck.notation.TexInput;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.DensityDecl;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.SymbolDecl;

/**
 * The names one equation may use: its context's (with the section's) and the definitions of the displays
 * before it, as the LaTeX reader's vocabulary and as a symbol table to check every name before anything is
 * checked.
 */
final class Names {
    private static final Pattern ARRAY_TEXT = Pattern.compile("^\\s*(\\{|-?\\s*(Gradient|Hessian|Jacobian|Cov|Transpose|Inverse|"
            + "IdentityMatrix|DiagonalMatrix)\\b).*", Pattern.DOTALL);
    private static final Pattern NAME_LIST = Pattern.compile("^\\s*\\{\\s*[A-Za-z][A-Za-z0-9_]*(\\s*,\\s*[A-Za-z][A-Za-z0-9_]*)*"
            + "\\s*\\}\\s*$");

    final Context context;
    final List<Definition> definitions;
    final Map<String, String> notation;
    final TexInput.Vocabulary vocabulary;
    final SymbolTable table;
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
        SymbolTable t = new SymbolTable();
        Set<String> scalars = new LinkedHashSet<>();
        Set<String> indexed = new LinkedHashSet<>();
        for (SymbolDecl s : context.symbols()) {
            try {
                if (s.domain() == Domain.FINITE) {
                    t.declareFinite(s.name(), s.indexed());
                    finite.add(s.name());
                } else {
                    t.declare(s.name(), s.domain().positive(), s.indexed());
                }
            } catch (ParseException e) {
                throw new DerivationException(context.file(), s.line(), "context: symbol '" + s.name() + "': " + e.getMessage());
            }
            (s.indexed() ? indexed : scalars).add(s.name());
            known.add(s.name());
        }
        Map<String, Integer> functions = new HashMap<>();
        for (DensityDecl d : context.densities()) {
            try {
                t.declareDensity(new SymbolTable.Density(d.name(), d.variables(), d.params(), d.normalized()));
            } catch (ParseException e) {
                throw new DerivationException(context.file(), d.line(), "context: '" + d.name() + "': " + e.getMessage());
            }
            functions.put(d.name(), d.variables().size());
            densities.put(d.name(), d);
            known.add(d.name());
        }
        Set<String> constants = new LinkedHashSet<>();
        Set<String> arrays = new LinkedHashSet<>();
        Map<String, List<String>> lists = new HashMap<>();
        for (Definition d : defs) {
            try {
                if (d.params().isEmpty()) {
                    t.define(d.name(), d.text());
                    constants.add(d.name());
                } else {
                    t.defineFunction(d.name(), d.params(), d.text());
                    functions.put(d.name(), d.params().size());
                }
            } catch (ParseException e) {
                throw new DerivationException(context.file(), d.line(), "definition of '" + d.name() + "': "
                        + (e.column() > 0 ? "column " + e.column() + ": " : "") + e.getMessage());
            }
            known.add(d.name());
            if (ARRAY_TEXT.matcher(d.text()).matches() || arrays.contains(d.text().trim())) {
                arrays.add(d.name());
            }
            if (d.params().isEmpty() && NAME_LIST.matcher(d.text()).matches()) {
                List<String> names = List.of(d.text().replaceAll("[{}\\s]", "").split(","));
                if (scalars.containsAll(names)) {
                    lists.put(d.name(), names);
                }
            }
        }
        Map<String, String> exp = new LinkedHashMap<>();
        for (var e : context.expectations().entrySet()) {
            exp.put(TexInput.normalized(e.getKey()), e.getValue());
        }
        this.table = t;
        this.vocabulary = new TexInput.Vocabulary(scalars, indexed, functions, constants, arrays, lists, exp, notation,
                context.indices());
    }

    boolean knows(String name) {
        return known.contains(name);
    }
}
