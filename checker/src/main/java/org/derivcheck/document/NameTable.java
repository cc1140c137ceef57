package org.derivcheck.document;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.derivcheck.cas.Scope;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.DensityDecl;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.SymbolDecl;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.TexInput;

/**
 * Declares names into a scope ({@code cas.Scope}) and makes the LaTeX reader's vocabulary of them: the one way a document's
 * context ({@link Names}) and a graded submission's rubric and header ({@code grade.NameSpace}) become names.
 * Symbols (finite ones as abstract variables), densities and functions, then definitions in order: a name without
 * parameters is a constant, one whose text is a vector or matrix is an array, one that lists scalar symbols is a
 * variable list for {@code \nabla_\theta}.
 */
public final class NameTable {
    private static final Pattern ARRAY_TEXT = Pattern.compile("^\\s*(\\{|-?\\s*(Gradient|Hessian|Jacobian|Cov|Transpose|Inverse|"
            + "IdentityMatrix|DiagonalMatrix)\\b).*", Pattern.DOTALL);
    private static final Pattern NAME_LIST = Pattern.compile("^\\s*\\{\\s*[A-Za-z][A-Za-z0-9_]*(\\s*,\\s*[A-Za-z][A-Za-z0-9_]*)*"
            + "\\s*\\}\\s*$");

    /** Turns a name that cannot be declared (its source line, what and why) into the caller's exception. */
    public interface Failure {
        RuntimeException at(int line, String message);
    }

    /** The names declared: the scope, the vocabulary, every declared name, and the finite symbols. */
    public record Built(Scope table, TexInput.Vocabulary vocabulary, Set<String> known, Set<String> finite) {
    }

    private NameTable() {
    }

    /** Builds the scope of these records, in order, and the LaTeX reader's vocabulary of its names. */
    public static Built declare(List<SymbolDecl> symbols, List<DensityDecl> densities,
            List<Definition> definitions, Map<String, String> notation, Map<String, String> expectations,
            Map<String, String> indices, Failure failure) {
        return declare(symbols, densities, List.of(), definitions, notation, expectations, indices, failure);
    }

    /** As above, with families declared by log-density ({@code families:}) before the definitions. */
    public static Built declare(List<SymbolDecl> symbols, List<DensityDecl> densities,
            List<org.derivcheck.derivation.FamilyDecl> families, List<Definition> definitions, Map<String, String> notation,
            Map<String, String> expectations, Map<String, String> indices, Failure failure) {
        Scope.Builder table = Scope.builder();
        Set<String> known = new LinkedHashSet<>();
        Set<String> finite = new LinkedHashSet<>();
        Set<String> scalars = new LinkedHashSet<>();
        Set<String> indexed = new LinkedHashSet<>();
        for (SymbolDecl s : symbols) {
            try {
                if (s.domain() == Domain.FINITE) {
                    table.declareFinite(s.name(), s.indexed());
                    finite.add(s.name());
                } else {
                    table.declare(s.name(), s.domain().positive(), s.indexed());
                }
            } catch (ParseException e) {
                throw failure.at(s.line(), "symbol '" + s.name() + "': " + e.getMessage());
            }
            (s.indexed() ? indexed : scalars).add(s.name());
            known.add(s.name());
        }
        Map<String, Integer> functions = new HashMap<>();
        for (DensityDecl d : densities) {
            try {
                table.declareDensity(new Scope.Density(d.name(), d.variables(), d.params(), d.normalized()));
            } catch (ParseException e) {
                throw failure.at(d.line(), "'" + d.name() + "': " + e.getMessage());
            }
            functions.put(d.name(), d.variables().size());
            known.add(d.name());
        }
        for (org.derivcheck.derivation.FamilyDecl fd : families) {
            try {
                List<String> domain = new java.util.ArrayList<>();
                fd.domain().forEach(l -> domain.add(l.text()));
                table.declareFamily(fd.name(), fd.params(), fd.variable(), fd.logDensity(), fd.min(), fd.max(),
                        fd.discrete(), domain);
            } catch (ParseException e) {
                throw failure.at(fd.line(), "family '" + fd.name() + "': " + e.getMessage());
            }
        }
        Set<String> constants = new LinkedHashSet<>();
        Set<String> arrays = new LinkedHashSet<>();
        Map<String, List<String>> lists = new HashMap<>();
        for (Definition d : definitions) {
            try {
                if (d.params().isEmpty()) {
                    table.define(d.name(), d.text());
                    constants.add(d.name());
                } else {
                    table.defineFunction(d.name(), d.params(), d.text());
                    functions.put(d.name(), d.params().size());
                }
            } catch (ParseException e) {
                throw failure.at(d.line(), "definition of '" + d.name() + "': " + (e.column() > 0 ? "column " + e.column()
                        + ": " : "") + e.getMessage());
            } catch (RuntimeException e) {
                // the CAS gave up on it (an expression past its size limit): a defined error with the line, not a crash
                throw failure.at(d.line(), "definition of '" + d.name() + "': it cannot be used (" + e.getMessage() + ")");
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
        for (var e : expectations.entrySet()) {
            exp.put(TexInput.normalized(e.getKey()), e.getValue());
        }
        TexInput.Vocabulary v = new TexInput.Vocabulary(scalars, indexed, functions, constants, arrays, lists, exp, notation,
                indices);
        return new Built(table.build(), v, known, finite);
    }
}
