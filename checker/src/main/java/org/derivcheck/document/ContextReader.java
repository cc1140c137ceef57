package org.derivcheck.document;

import static org.derivcheck.derivation.DerivationReader.line;
import static org.derivcheck.derivation.DerivationReader.mapping;
import static org.derivcheck.derivation.DerivationReader.scalar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.DensityDecl;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.derivation.DerivationReader;
import org.derivcheck.derivation.FamilyDecl;
import org.derivcheck.derivation.FamilyReader;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.SymbolDecl;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a context (see {@link Context}) from YAML: a side file, front matter, or {@code % derivcheck:} comments. */
public final class ContextReader {
    private static final String KEYS = "symbols, densities, functions, define, assume, notation, expectations, constants, "
            + "maximizes, sections, indices, families (and id, title, source, description, notes)";

    private ContextReader() {
    }

    /**
     * Reads YAML text; errors name {@code file} and the line that {@code lines} maps a YAML line to (the identity
     * for a side file).
     */
    public static Context parse(Path file, String yaml, java.util.function.IntUnaryOperator lines) {
        try {
            Node root = DerivationReader.compose(file, yaml);
            if (root == null) {
                return Context.empty(file);
            }
            return context(file, yaml, root, true);
        } catch (DerivationException e) {
            String msg = e.getMessage();
            String prefix = file + (e.line() > 0 ? ":" + e.line() : "") + ": ";
            String cause = msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg;
            throw new DerivationException(file, e.line() > 0 ? lines.applyAsInt(e.line()) : 0, "context: " + cause);
        }
    }

    /** Reads a side file given with --context. */
    public static Context read(Path file) {
        return parse(file, DerivationReader.readText(file, "context file"), l -> l);
    }

    private static Context context(Path file, String text, Node root, boolean top) {
        MappingNode m = mapping(file, root, "the context");
        List<SymbolDecl> symbols = new ArrayList<>();
        List<DensityDecl> densities = new ArrayList<>();
        List<Definition> defs = new ArrayList<>();
        List<Line> assume = new ArrayList<>();
        Map<String, String> notation = new LinkedHashMap<>();
        Map<String, String> expectations = new LinkedHashMap<>();
        Map<String, String> constants = new LinkedHashMap<>();
        Map<String, String> indices = new LinkedHashMap<>();
        Optional<String> maximizes = Optional.empty();
        List<FamilyDecl> families = new ArrayList<>();
        List<Context.Section> sections = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(file, t.getKeyNode(), "a key");
            Node v = t.getValueNode();
            switch (key) {
                case "id", "title", "source", "description", "notes" -> scalar(file, v, key);
                case "symbols" -> symbols.addAll(DerivationReader.symbols(file, v));
                case "densities" -> densities.addAll(DerivationReader.densities(file, v, true));
                case "functions" -> densities.addAll(DerivationReader.densities(file, v, false));
                case "define" -> defs.addAll(DerivationReader.definitions(file, text, v));
                case "assume" -> assume.addAll(DerivationReader.lines(file, text, v, "assume"));
                case "notation" -> notation.putAll(strings(file, text, v, key));
                case "expectations" -> expectations.putAll(strings(file, text, v, key));
                case "constants" -> constants.putAll(strings(file, text, v, key));
                case "indices" -> indices.putAll(indices(file, text, v));
                case "families" -> families.addAll(FamilyReader.families(file, text, v));
                case "maximizes" -> maximizes = Optional.of(DerivationReader.expression(file, text, v, key));
                case "sections" -> {
                    if (!top) {
                        throw new DerivationException(file, line(t.getKeyNode()), "sections do not nest");
                    }
                    sections.addAll(sections(file, text, v));
                }
                default -> throw new DerivationException(file, line(t.getKeyNode()), "unknown key '" + key + "' (expected "
                        + KEYS + ")");
            }
        }
        return new Context(file, symbols, densities, defs, assume, notation, expectations, constants, maximizes, sections, indices,
                families);
    }

    /** sections: a list of {headings: [..], ...names}, or a mapping heading -> names. */
    private static List<Context.Section> sections(Path file, String text, Node v) {
        List<Context.Section> out = new ArrayList<>();
        if (v instanceof MappingNode mm) {
            for (NodeTuple t : mm.getValue()) {
                String h = scalar(file, t.getKeyNode(), "a heading");
                out.add(new Context.Section(List.of(h.split("\\s*\\|\\s*")), context(file, text, t.getValueNode(), false),
                        line(t.getKeyNode())));
            }
            return out;
        }
        if (!(v instanceof SequenceNode seq)) {
            throw new DerivationException(file, line(v), "'sections' maps heading text to names, e.g. "
                    + "'sections: {\"Question 2.2.14\": {symbols: {x: positive}}}'");
        }
        for (Node item : seq.getValue()) {
            MappingNode mm = mapping(file, item, "a section");
            List<String> headings = new ArrayList<>();
            List<NodeTuple> rest = new ArrayList<>();
            for (NodeTuple t : mm.getValue()) {
                if (scalar(file, t.getKeyNode(), "a key").equals("headings")) {
                    Node hv = t.getValueNode();
                    if (hv instanceof ScalarNode s) {
                        headings.add(s.getValue());
                    } else if (hv instanceof SequenceNode hs) {
                        for (Node h : hs.getValue()) {
                            headings.add(scalar(file, h, "a heading"));
                        }
                    }
                } else {
                    rest.add(t);
                }
            }
            if (headings.isEmpty()) {
                throw new DerivationException(file, line(item), "a section needs 'headings: [text of its headings]'");
            }
            MappingNode names = new MappingNode(mm.getTag(), rest, mm.getFlowStyle());
            out.add(new Context.Section(headings, context(file, text, names, false), line(item)));
        }
        return out;
    }

    /** indices: {n: "1, N"}: the range of a bare \sum_n or \prod_n, as the bounds of derivcheck's {n, 1, N}. */
    private static Map<String, String> indices(Path file, String text, Node v) {
        Map<String, String> out = strings(file, text, v, "indices");
        for (var e : out.entrySet()) {
            if (!e.getKey().matches("[A-Za-z][A-Za-z0-9]*") || topCommas(e.getValue()) != 1) {
                throw new DerivationException(file, line(v), "indices: '" + e.getKey() + ": " + e.getValue()
                        + "' must name an index and its two bounds, e.g. 'n: 1, N'");
            }
        }
        return out;
    }

    private static int topCommas(String s) {
        int depth = 0;
        int commas = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
            commas += c == ',' && depth == 0 ? 1 : 0;
        }
        return commas;
    }

    private static Map<String, String> strings(Path file, String text, Node n, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping(file, n, "'" + what + "'").getValue()) {
            String k = scalar(file, t.getKeyNode(), "a key of '" + what + "'");
            out.put(k, DerivationReader.expression(file, text, t.getValueNode(), what + " '" + k + "'"));
        }
        return out;
    }
}
