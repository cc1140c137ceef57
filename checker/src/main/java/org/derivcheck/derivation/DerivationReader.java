package org.derivcheck.derivation;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a derivation file (YAML). Only the node tree is built, never Java objects, so a file cannot
 * instantiate anything; sizes and aliases are bounded. Every error names the file and line.
 */
public final class DerivationReader {
    /** Files larger than this are refused. */
    public static final long MAX_BYTES = 1 << 20;
    private static final Pattern FUNCTION_NAME = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\s*\\(([^)]*)\\)");
    private static final List<String> TOP_KEYS = List.of("id", "title", "source", "symbols", "densities", "functions",
            "define", "assume", "steps", "description", "notes", "families");

    private DerivationReader() {
    }

    /** True for a grading rubric (a YAML file with a top-level 'results:'), which `derivcheck grade` reads. */
    public static boolean isRubric(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return false;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("results:")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    public static Derivation read(Path file) {
        return parse(file, readText(file, "file"));
    }

    /** A YAML file's text, at most {@link #MAX_BYTES}; {@code what} names it in errors ("file", "rubric"). */
    public static String readText(Path file, String what) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DerivationException(file, 0, "the " + what + " is larger than " + MAX_BYTES + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new DerivationException(file, 0, "the " + what + " is not UTF-8 text");
        } catch (IOException e) {
            throw new DerivationException(file, 0, "cannot read the " + what + ": " + e.getMessage());
        }
    }

    /**
     * The YAML node tree, with sizes and aliases bounded; only nodes are built, never Java objects.
     * Null for an empty document.
     */
    public static Node compose(Path file, String text) {
        try {
            LoaderOptions opts = new LoaderOptions();
            opts.setMaxAliasesForCollections(20);
            opts.setAllowRecursiveKeys(false);
            opts.setCodePointLimit((int) MAX_BYTES);
            opts.setNestingDepthLimit(30);
            return new Yaml(new SafeConstructor(opts)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new DerivationException(file, line, "malformed YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new DerivationException(file, 0, "malformed YAML: " + e.getMessage());
        }
    }

    public static Derivation parse(Path file, String text) {
        Node root = compose(file, text);
        if (root == null) {
            throw new DerivationException(file, 1, "the file is empty");
        }
        MappingNode top = mapping(file, root, "the file");
        String id = null;
        String title = "";
        String source = "";
        List<SymbolDecl> symbols = new ArrayList<>();
        List<DensityDecl> densities = new ArrayList<>();
        List<Definition> defs = new ArrayList<>();
        List<Line> assumptions = new ArrayList<>();
        List<Step> steps = null;
        List<FamilyDecl> families = List.of();
        for (NodeTuple t : top.getValue()) {
            String key = scalar(file, t.getKeyNode(), "a key");
            Node v = t.getValueNode();
            switch (key) {
                case "id" -> id = scalar(file, v, "id");
                case "title" -> title = scalar(file, v, "title");
                case "source" -> source = scalar(file, v, "source");
                case "description", "notes" -> scalar(file, v, key);
                case "symbols" -> symbols = symbols(file, v);
                case "densities" -> densities.addAll(densities(file, v, true));
                case "functions" -> densities.addAll(densities(file, v, false));
                case "define" -> defs = definitions(file, text, v);
                case "assume" -> assumptions = lines(file, text, v, "assume");
                case "steps" -> steps = steps(file, text, v);
                case "families" -> families = FamilyReader.families(file, text, v);
                default -> throw new DerivationException(file, line(t.getKeyNode()),
                        "unknown key '" + key + "' (expected one of " + String.join(", ", TOP_KEYS) + ")");
            }
        }
        if (steps == null) {
            throw new DerivationException(file, 1, "no 'steps:' list: a derivation needs at least one step");
        }
        if (id == null) {
            String name = file.getFileName().toString();
            id = name.replaceFirst("\\.(ya?ml)$", "");
        }
        return new Derivation(id, title, source, file, symbols, densities, defs, assumptions, steps, families);
    }

    public static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    public static MappingNode mapping(Path file, Node n, String what) {
        if (!(n instanceof MappingNode m)) {
            throw new DerivationException(file, line(n), what + " must be a mapping of 'key: value' lines");
        }
        return m;
    }

    /**
     * The text of an expression value. YAML reads an unquoted {a, b} as a mapping or sequence; for
     * expressions the source text of such a flow node is taken as written.
     */
    public static String expression(Path file, String source, Node n, String what) {
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        boolean flow = (n instanceof MappingNode m && m.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW)
                || (n instanceof SequenceNode q && q.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW);
        if (flow && n.getStartMark() != null && n.getEndMark() != null) {
            return source.substring(n.getStartMark().getIndex(), n.getEndMark().getIndex());
        }
        throw new DerivationException(file, line(n), what + " must be an expression on one line; "
                + "quote it if it starts with '{' and contains '=' or ':'");
    }

    public static String scalar(Path file, Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            throw new DerivationException(file, line(n), what + " must be a single value, not a list or mapping");
        }
        return s.getValue();
    }

    public static List<SymbolDecl> symbols(Path file, Node n) {
        List<SymbolDecl> out = new ArrayList<>();
        for (NodeTuple t : mapping(file, n, "'symbols'").getValue()) {
            String name = scalar(file, t.getKeyNode(), "a symbol name");
            int line = line(t.getKeyNode());
            checkName(file, line, name);
            Node v = t.getValueNode();
            Domain domain;
            boolean indexed = false;
            double min = Double.NaN;
            double max = Double.NaN;
            if (v instanceof ScalarNode s) {
                domain = domain(file, line, s.getValue());
            } else {
                domain = Domain.REAL;
                for (NodeTuple p : mapping(file, v, "symbol '" + name + "'").getValue()) {
                    String k = scalar(file, p.getKeyNode(), "a key");
                    String val = scalar(file, p.getValueNode(), k);
                    switch (k) {
                        case "domain" -> domain = domain(file, line(p.getValueNode()), val);
                        case "indexed" -> indexed = Boolean.parseBoolean(val);
                        case "min" -> min = number(file, line(p.getValueNode()), val);
                        case "max" -> max = number(file, line(p.getValueNode()), val);
                        default -> throw new DerivationException(file, line(p.getKeyNode()),
                                "unknown key '" + k + "' for symbol '" + name + "' (domain, indexed, min, max)");
                    }
                }
            }
            boolean bounded = !Double.isNaN(min) || !Double.isNaN(max);
            if (bounded && domain == Domain.REAL && !Double.isNaN(min) && !Double.isNaN(max)) {
                domain = Domain.INTERVAL; // {domain: real, min: 0, max: 1} means the interval (it was read as any real)
            } else if (bounded && domain != Domain.INTEGER && domain != Domain.INTERVAL && domain != Domain.FINITE) {
                throw new DerivationException(file, line, "symbol '" + name + "': min and max bound an integer, an interval "
                        + "(both ends) or a finite symbol, not a " + domain.name().toLowerCase(java.util.Locale.ROOT)
                        + " one; for a range of reals write {domain: interval, min: ..., max: ...}");
            }
            if (domain == Domain.INTEGER) {
                min = Double.isNaN(min) ? 1 : min;
                max = Double.isNaN(max) ? 8 : max;
            }
            if (domain == Domain.INTERVAL && (Double.isNaN(min) || Double.isNaN(max))) {
                throw new DerivationException(file, line, "symbol '" + name + "': an interval needs min and max");
            }
            if (!Double.isNaN(min) && !Double.isNaN(max) && (domain == Domain.FINITE ? min > max : min >= max)) {
                throw new DerivationException(file, line, "symbol '" + name + "': min must be below max");
            }
            out.add(new SymbolDecl(name, domain, indexed, min, max, line));
        }
        return out;
    }

    /** name: [vars], or name: {over: [vars], params: [phi]}. */
    public static List<DensityDecl> densities(Path file, Node n, boolean normalized) {
        List<DensityDecl> out = new ArrayList<>();
        String what = normalized ? "'densities'" : "'functions'";
        for (NodeTuple t : mapping(file, n, what).getValue()) {
            String name = scalar(file, t.getKeyNode(), "a name").trim();
            int line = line(t.getKeyNode());
            checkName(file, line, name);
            Node v = t.getValueNode();
            List<String> vars;
            List<String> params = List.of();
            if (v instanceof SequenceNode) {
                vars = names(file, v, name);
            } else {
                vars = null;
                for (NodeTuple p : mapping(file, v, name).getValue()) {
                    String k = scalar(file, p.getKeyNode(), "a key");
                    switch (k) {
                        case "over" -> vars = names(file, p.getValueNode(), name);
                        case "params" -> params = names(file, p.getValueNode(), name);
                        default -> throw new DerivationException(file, line(p.getKeyNode()), "unknown key '" + k + "' for '"
                                + name + "' (over, params)");
                    }
                }
                if (vars == null) {
                    throw new DerivationException(file, line, "'" + name + "' needs 'over: [variables]'");
                }
            }
            if (vars.isEmpty()) {
                throw new DerivationException(file, line, "'" + name + "' needs at least one variable");
            }
            out.add(new DensityDecl(name, vars, params, normalized, line));
        }
        return out;
    }

    private static List<String> names(Path file, Node n, String owner) {
        return names(file, n, "'" + owner + "': expected a list of names, e.g. [x, z]", "a name", true);
    }

    /**
     * One name or a list of names (a list's items {@code what}, e.g. "a name", each a valid name when {@code checked});
     * {@code notAList} is the error for any other node. A single scalar is taken as written.
     */
    static List<String> names(Path file, Node n, String notAList, String what, boolean checked) {
        List<String> out = new ArrayList<>();
        if (n instanceof ScalarNode s) {
            out.add(s.getValue().trim());
            return out;
        }
        if (!(n instanceof SequenceNode seq)) {
            throw new DerivationException(file, line(n), notAList);
        }
        for (Node item : seq.getValue()) {
            String name = scalar(file, item, what).trim();
            if (checked) {
                checkName(file, line(item), name);
            }
            out.add(name);
        }
        return out;
    }

    private static double number(Path file, int line, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new DerivationException(file, line, "'" + s + "' is not a number");
        }
    }

    private static Domain domain(Path file, int line, String s) {
        return Domain.parse(s).orElseThrow(() -> new DerivationException(file, line, "unknown domain '" + s
                + "' (real, positive, negative, nonnegative, probability, integer, interval)"));
    }

    private static void checkName(Path file, int line, String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new DerivationException(file, line, "'" + name + "' is not a valid name (letters, digits and '_', "
                    + "starting with a letter)");
        }
    }

    public static List<Definition> definitions(Path file, String source, Node n) {
        List<Definition> out = new ArrayList<>();
        for (NodeTuple t : mapping(file, n, "'define'").getValue()) {
            String key = scalar(file, t.getKeyNode(), "a definition name").trim();
            int line = line(t.getKeyNode());
            String body = expression(file, source, t.getValueNode(), "definition '" + key + "'");
            Matcher m = FUNCTION_NAME.matcher(key);
            if (m.matches()) {
                List<String> params = new ArrayList<>();
                for (String p : m.group(2).split(",")) {
                    if (!p.isBlank()) {
                        checkName(file, line, p.trim());
                        params.add(p.trim());
                    }
                }
                out.add(new Definition(m.group(1), params, body, line(t.getValueNode())));
            } else {
                checkName(file, line, key);
                out.add(new Definition(key, List.of(), body, line(t.getValueNode())));
            }
        }
        return out;
    }

    public static List<Line> lines(Path file, String source, Node n, String what) {
        List<Line> out = new ArrayList<>();
        if (n instanceof ScalarNode s) {
            out.add(new Line(s.getValue(), line(s)));
            return out;
        }
        if (!(n instanceof SequenceNode seq)) {
            throw new DerivationException(file, line(n), "'" + what + "' must be a list of expressions");
        }
        for (Node item : seq.getValue()) {
            out.add(new Line(expression(file, source, item, "an item of '" + what + "'"), line(item)));
        }
        return out;
    }

    private static Maximize maximize(Path file, String source, Node v, int number) {
        Line objective = null;
        String over = null;
        Line by = null;
        for (NodeTuple p : mapping(file, v, "'maximize' of step " + number).getValue()) {
            String k = scalar(file, p.getKeyNode(), "a key");
            Node pv = p.getValueNode();
            switch (k) {
                case "objective" -> objective = new Line(expression(file, source, pv, "objective"), line(pv));
                case "over" -> over = scalar(file, pv, "over").trim();
                case "by", "log_optimum" -> by = new Line(expression(file, source, pv, k), line(pv));
                default -> throw new DerivationException(file, line(p.getKeyNode()), "unknown key '" + k
                        + "' in 'maximize' (objective, over, by)");
            }
        }
        if (objective == null || over == null || by == null) {
            throw new DerivationException(file, line(v), "'maximize' needs objective, over (a density) and by "
                    + "(its log up to a constant)");
        }
        return new Maximize(objective, over, by);
    }

    private static List<Step> steps(Path file, String source, Node n) {
        if (!(n instanceof SequenceNode seq)) {
            throw new DerivationException(file, line(n), "'steps' must be a list (each item starting with '- ')");
        }
        List<Step> out = new ArrayList<>();
        int number = 0;
        for (Node item : seq.getValue()) {
            number++;
            if (item instanceof ScalarNode s) {
                out.add(new Step(number, Optional.empty(), List.of(new Line(s.getValue(), line(s))), Optional.empty(),
                        Optional.empty(), line(s)));
                continue;
            }
            MappingNode m = mapping(file, item, "step " + number);
            Optional<String> name = Optional.empty();
            List<Line> lines = null;
            Optional<String> tex = Optional.empty();
            String expectVerdict = null;
            Optional<String> expectDiagnosis = Optional.empty();
            Maximize maximize = null;
            Optional<String> by = Optional.empty();
            for (NodeTuple t : m.getValue()) {
                String k = scalar(file, t.getKeyNode(), "a key");
                Node v = t.getValueNode();
                switch (k) {
                    case "name" -> name = Optional.of(scalar(file, v, "name"));
                    case "claim" -> lines = List.of(new Line(expression(file, source, v, "claim"), line(v)));
                    case "chain" -> lines = lines(file, source, v, "chain");
                    case "tex" -> tex = Optional.of(scalar(file, v, "tex"));
                    case "expect" -> expectVerdict = scalar(file, v, "expect").trim().toUpperCase(java.util.Locale.ROOT);
                    case "diagnosis" -> expectDiagnosis = Optional.of(scalar(file, v, "diagnosis"));
                    case "why", "note" -> scalar(file, v, k);
                    case "maximize" -> maximize = maximize(file, source, v, number);
                    case "by" -> by = Optional.of(scalar(file, v, "by"));
                    default -> throw new DerivationException(file, line(t.getKeyNode()), "unknown key '" + k
                            + "' in step " + number + " (claim, chain, maximize, by, name, tex, expect, diagnosis, why)");
                }
            }
            if (maximize != null) {
                lines = List.of(maximize.objective());
            }
            if (lines == null || lines.isEmpty()) {
                throw new DerivationException(file, line(item), "step " + number + " has no 'claim:', 'chain:' or 'maximize:'");
            }
            Optional<Expected> expect = expectVerdict == null ? Optional.empty()
                    : Optional.of(new Expected(expectVerdict, expectDiagnosis));
            out.add(new Step(number, name, lines, tex, expect, line(item), Optional.ofNullable(maximize), by));
        }
        if (out.isEmpty()) {
            throw new DerivationException(file, line(n), "'steps' is empty");
        }
        return out;
    }
}
