package org.derivcheck.document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.DensityDecl;
import org.derivcheck.derivation.FamilyDecl;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.SymbolDecl;

/**
 * The names a document's equations may use, with the keys of a derivation file (symbols, densities, functions,
 * define, assume) plus the LaTeX reader's {@code notation} (a LaTeX form to derivcheck text) and
 * {@code expectations} (the subscript of {@code \mathbb{E}} to distribution specs), {@code constants} (the name of
 * an additive constant, such as C, to the variable it does not depend on), {@code maximizes} (what a starred
 * density {@code q_k^*} maximizes over {@code q_k}), {@code sections} (more names for the equations under some
 * headings: a question's own model) and {@code indices} (the range of an index that a bare {@code \sum_n} or
 * {@code \prod_n} runs over: {@code n: 1, N}) and {@code families} (distribution families declared by their
 * log-density, support and parameters, as in a derivation file).
 */
public record Context(Path file, List<SymbolDecl> symbols, List<DensityDecl> densities, List<Definition> definitions,
        List<Line> assumptions, Map<String, String> notation, Map<String, String> expectations,
        Map<String, String> constants, Optional<String> maximizes, List<Section> sections, Map<String, String> indices,
        List<FamilyDecl> families) {
    public Context {
        families = List.copyOf(families);
        symbols = List.copyOf(symbols);
        densities = List.copyOf(densities);
        definitions = List.copyOf(definitions);
        assumptions = List.copyOf(assumptions);
        notation = Map.copyOf(notation);
        expectations = Map.copyOf(expectations);
        constants = Map.copyOf(constants);
        sections = List.copyOf(sections);
        indices = Map.copyOf(indices);
    }

    /** This context with its sections replaced. */
    public Context withSections(Path file, List<Section> s) {
        return new Context(file, symbols, densities, definitions, assumptions, notation, expectations, constants, maximizes,
                s, indices, families);
    }

    /** The names of the equations under headings that contain one of {@code headings}. */
    public record Section(List<String> headings, Context names, int line) {
        public Section {
            headings = List.copyOf(headings);
        }
    }

    public static Context empty(Path file) {
        return new Context(file, List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), Map.of(), Optional.empty(),
                List.of(), Map.of(), List.of());
    }

    /** The context of an equation under the heading given: this one with the matching sections laid over it. */
    public Context forSection(String heading) {
        Context c = this;
        for (Section s : sections) {
            if (s.headings().stream().anyMatch(h -> !h.isBlank() && heading.contains(h))) {
                c = c.overlay(s.names());
            }
        }
        return new Context(c.file, c.symbols, c.densities, c.definitions, c.assumptions, c.notation, c.expectations,
                c.constants, c.maximizes, List.of(), c.indices, c.families);
    }

    /** This context with another's names added; a name the other declares replaces this one's. */
    public Context overlay(Context o) {
        Set<String> names = new java.util.HashSet<>();
        o.symbols.forEach(s -> names.add(s.name()));
        o.densities.forEach(d -> names.add(d.name()));
        o.definitions.forEach(d -> names.add(d.name()));
        List<SymbolDecl> sy = new ArrayList<>(symbols.stream().filter(s -> !names.contains(s.name())).toList());
        sy.addAll(o.symbols);
        List<DensityDecl> de = new ArrayList<>(densities.stream().filter(s -> !names.contains(s.name())).toList());
        de.addAll(o.densities);
        List<Definition> df = new ArrayList<>(definitions.stream().filter(s -> !names.contains(s.name())).toList());
        df.addAll(o.definitions);
        Set<String> famNames = new java.util.HashSet<>();
        o.families.forEach(f -> famNames.add(f.name()));
        List<FamilyDecl> fa = new ArrayList<>(families.stream().filter(f -> !famNames.contains(f.name())).toList());
        fa.addAll(o.families);
        List<Line> as = new ArrayList<>(assumptions);
        as.addAll(o.assumptions);
        return new Context(file, sy, de, df, as, merge(notation, o.notation), merge(expectations, o.expectations),
                merge(constants, o.constants), o.maximizes.isPresent() ? o.maximizes : maximizes, sections,
                merge(indices, o.indices), fa);
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    /** A stable text of everything this context declares: equal texts check alike (the watch cache key). */
    public String fingerprint() {
        Function<Map<String, String>, String> sorted = m -> m.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
        return symbols.stream().map(s -> s.name() + ":" + s.domain() + s.indexed() + s.min() + s.max()).toList() + "|"
                + densities.stream().map(d -> d.name() + d.variables() + d.params() + d.normalized()).toList() + "|"
                + definitions.stream().map(d -> d.name() + d.params() + "=" + d.text()).toList() + "|"
                + assumptions.stream().map(Line::text).toList() + "|" + sorted.apply(notation) + "|"
                + sorted.apply(expectations) + "|" + sorted.apply(constants) + "|" + maximizes.orElse("") + "|"
                + sorted.apply(indices) + "|" + families.stream().map(f -> f.name() + f.params() + f.variable() + "="
                        + f.logDensity() + f.min() + f.max() + f.discrete() + f.domain().stream().map(Line::text).toList())
                        .toList();
    }
}
