package org.derivcheck.grade;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.derivcheck.notation.ParseException;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.SymbolTable;
import org.derivcheck.notation.TexInput;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.SymbolDecl;

/**
 * The names of one submission (the rubric's plus its header's) as a symbol table, for parsing its lines
 * before they are checked, and as the vocabulary of the LaTeX reader.
 */
final class NameSpace {
    private static final Pattern ARRAY_TEXT = Pattern.compile("^\\s*(\\{|-?\\s*(Gradient|Hessian|Jacobian|Cov|Transpose|Inverse|"
            + "IdentityMatrix|DiagonalMatrix)\\b).*", Pattern.DOTALL);
    private static final Pattern NAME_LIST = Pattern.compile("^\\s*\\{\\s*[A-Za-z][A-Za-z0-9_]*(\\s*,\\s*[A-Za-z][A-Za-z0-9_]*)*\\s*\\}\\s*$");

    final SymbolTable table;
    final TexInput.Vocabulary vocabulary;

    private NameSpace(SymbolTable table, TexInput.Vocabulary vocabulary) {
        this.table = table;
        this.vocabulary = vocabulary;
    }

    /**
     * Declares the symbols and definitions in order; definitions with derivatives are evaluated by {@code cas}
     * under its time limit.
     *
     * @throws IllegalArgumentException naming the line when a name cannot be declared
     */
    static NameSpace of(Cas cas, List<SymbolDecl> symbols, List<Definition> definitions, Map<String, String> notation,
            Map<String, String> expectations) {
        // a submission's definitions are untrusted: the ones the CAS evaluates run under its time limit
        SymbolTable t = new SymbolTable(cas);
        Set<String> scalars = new HashSet<>();
        Set<String> indexed = new HashSet<>();
        for (SymbolDecl s : symbols) {
            try {
                t.declare(s.name(), s.domain().positive(), s.indexed());
            } catch (ParseException e) {
                throw new IllegalArgumentException("line " + s.line() + ": symbol '" + s.name() + "': " + e.getMessage());
            }
            (s.indexed() ? indexed : scalars).add(s.name());
        }
        Map<String, Integer> functions = new HashMap<>();
        Set<String> constants = new HashSet<>();
        Set<String> arrays = new HashSet<>();
        Map<String, List<String>> lists = new HashMap<>();
        for (Definition d : definitions) {
            try {
                if (d.params().isEmpty()) {
                    t.define(d.name(), d.text());
                    constants.add(d.name());
                } else {
                    t.defineFunction(d.name(), d.params(), d.text());
                    functions.put(d.name(), d.params().size());
                }
            } catch (ParseException e) {
                throw new IllegalArgumentException("line " + d.line() + ": definition of '" + d.name() + "': "
                        + (e.column() > 0 ? "column " + e.column() + ": " : "") + e.getMessage());
            }
            if (ARRAY_TEXT.matcher(d.text()).matches() || arrays.stream().anyMatch(a -> d.text().trim().equals(a))) {
                arrays.add(d.name());
            }
            if (d.params().isEmpty() && NAME_LIST.matcher(d.text()).matches()) {
                List<String> names = new ArrayList<>();
                for (String n : d.text().replaceAll("[{}\\s]", "").split(",")) {
                    names.add(n);
                }
                if (scalars.containsAll(names)) {
                    lists.put(d.name(), names);
                }
            }
        }
        Map<String, String> exp = new LinkedHashMap<>();
        for (var e : expectations.entrySet()) {
            exp.put(TexInput.normalized(e.getKey()), e.getValue());
        }
        return new NameSpace(t, new TexInput.Vocabulary(scalars, indexed, functions, constants, arrays, lists, exp, notation));
    }
}
