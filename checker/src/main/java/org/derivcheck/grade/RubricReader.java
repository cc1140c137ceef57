package org.derivcheck.grade;

import static org.derivcheck.derivation.DerivationReader.definitions;
import static org.derivcheck.derivation.DerivationReader.expression;
import static org.derivcheck.derivation.DerivationReader.line;
import static org.derivcheck.derivation.DerivationReader.lines;
import static org.derivcheck.derivation.DerivationReader.mapping;
import static org.derivcheck.derivation.DerivationReader.scalar;
import static org.derivcheck.derivation.DerivationReader.symbols;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.derivation.DerivationReader;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.SymbolDecl;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a rubric (YAML; format in docs/grading.md). Symbols, definitions and assumptions are written as
 * in a derivation file. Only the node tree is built, never Java objects; every error names file and line.
 */
public final class RubricReader {
    private static final Pattern RELATION = Pattern.compile("^(.*?)(?<![<>=!])=(?!=)(.*)$", Pattern.DOTALL);
    private static final double MAX_POINTS = 1_000_000;
    private static final Pattern MORE_RELATIONS = Pattern.compile("(<=|>=|==|=|<|>)");
    private static final String KEYS = "id, title, source, symbols, define, assume, notation, expectations, limits, results";

    private RubricReader() {
    }

    public static Rubric read(Path file) {
        return parse(file, DerivationReader.readText(file, "rubric"));
    }

    public static Rubric parse(Path file, String text) {
        Node root = DerivationReader.compose(file, text);
        if (!(root instanceof MappingNode top)) {
            throw new DerivationException(file, 1, "a rubric is a mapping of 'key: value' lines (" + KEYS + ")");
        }
        String id = file.getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
        String title = "";
        String source = "";
        List<SymbolDecl> symbols = new ArrayList<>();
        List<Definition> defs = new ArrayList<>();
        List<Line> assume = new ArrayList<>();
        Map<String, String> notation = new LinkedHashMap<>();
        Map<String, String> expectations = new LinkedHashMap<>();
        List<RubricResult> results = null;
        double stepSeconds = 10;
        double submissionSeconds = Rubric.DEFAULT_SUBMISSION_SECONDS;
        for (NodeTuple t : top.getValue()) {
            String key = scalar(file, t.getKeyNode(), "a key");
            Node v = t.getValueNode();
            switch (key) {
                case "id" -> id = scalar(file, v, "id");
                case "title" -> title = scalar(file, v, "title");
                case "source" -> source = scalar(file, v, "source");
                case "description", "notes" -> scalar(file, v, key);
                case "symbols" -> symbols = symbols(file, v);
                case "define" -> defs = definitions(file, text, v);
                case "assume" -> assume = lines(file, text, v, "assume");
                case "notation" -> notation = stringMap(file, text, v, "notation");
                case "expectations" -> expectations = stringMap(file, text, v, "expectations");
                case "limits" -> {
                    for (NodeTuple p : mapping(file, v, "'limits'").getValue()) {
                        String k = scalar(file, p.getKeyNode(), "a key");
                        double value = number(file, p.getValueNode(), k);
                        switch (k) {
                            case "step_seconds" -> stepSeconds = value;
                            case "submission_seconds" -> submissionSeconds = value;
                            default -> throw new DerivationException(file, line(p.getKeyNode()), "unknown limit '" + k
                                    + "' (step_seconds, submission_seconds)");
                        }
                        if (value <= 0 || value > (k.equals("step_seconds") ? 600 : 3600)) {
                            throw new DerivationException(file, line(p.getValueNode()), k + " must be in (0, "
                                    + (k.equals("step_seconds") ? 600 : 3600) + "]");
                        }
                    }
                }
                case "results" -> results = results(file, text, v);
                default -> throw new DerivationException(file, line(t.getKeyNode()), "unknown key '" + key
                        + "' (expected one of " + KEYS + ")");
            }
        }
        if (results == null || results.isEmpty()) {
            throw new DerivationException(file, 1, "no 'results:' list: a rubric names at least one result");
        }
        return new Rubric(id, title, source, file, symbols, defs, assume, notation, expectations, results, stepSeconds,
                submissionSeconds);
    }

    private static List<RubricResult> results(Path file, String text, Node n) {
        if (!(n instanceof SequenceNode seq)) {
            throw new DerivationException(file, line(n), "'results' is a list (each item starting with '- ')");
        }
        List<RubricResult> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            MappingNode m = mapping(file, item, "a result");
            String id = null;
            String title = "";
            Goal target = null;
            double points = 1;
            double partial = 0;
            boolean anyForm = false;
            List<Goal> via = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                String k = scalar(file, t.getKeyNode(), "a key");
                Node v = t.getValueNode();
                switch (k) {
                    case "id" -> id = scalar(file, v, "id");
                    case "title" -> title = scalar(file, v, "title");
                    case "target" -> target = goal(file, text, v, "target");
                    case "points" -> points = number(file, v, "points");
                    case "partial" -> partial = number(file, v, "partial");
                    case "answer" -> {
                        String a = scalar(file, v, "answer").trim();
                        if (!a.equals("form") && !a.equals("value")) {
                            throw new DerivationException(file, line(v), "'answer' is 'form' (the final line is the "
                                    + "target's right side written out: the default) or 'value' (any form equal to it)");
                        }
                        anyForm = a.equals("value");
                    }
                    case "via" -> {
                        if (!(v instanceof SequenceNode vs)) {
                            throw new DerivationException(file, line(v), "'via' is a list of relations 'name = value'");
                        }
                        for (Node x : vs.getValue()) {
                            via.add(goal(file, text, x, "via"));
                        }
                    }
                    default -> throw new DerivationException(file, line(t.getKeyNode()), "unknown key '" + k
                            + "' in a result (id, title, target, points, partial, answer, via)");
                }
            }
            if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                throw new DerivationException(file, line(item), "a result needs an 'id' (letters, digits, '-', '_')");
            }
            String seen = id;
            if (out.stream().anyMatch(r -> r.id().equals(seen))) {
                throw new DerivationException(file, line(item), "result id '" + id + "' is used twice: every result needs an "
                        + "id of its own (one chain would otherwise earn both)");
            }
            if (points > MAX_POINTS || partial > MAX_POINTS) {
                throw new DerivationException(file, line(item), "result '" + id + "': points above " + (long) MAX_POINTS
                        + " are not a score");
            }
            if (target == null) {
                throw new DerivationException(file, line(item), "result '" + id + "' needs a 'target: name = value'");
            }
            for (int i = 0; i < via.size(); i++) {
                Goal g = via.get(i);
                via.set(i, new Goal(id + ".via" + (i + 1), g.lhs(), g.rhs(), g.line(), anyForm));
            }
            try {
                out.add(new RubricResult(id, title, new Goal(id, target.lhs(), target.rhs(), target.line(), anyForm), points,
                        partial, via));
            } catch (IllegalArgumentException e) {
                throw new DerivationException(file, line(item), e.getMessage());
            }
        }
        return out;
    }

    private static Goal goal(Path file, String text, Node n, String what) {
        String s = expression(file, text, n, what);
        Matcher m = RELATION.matcher(s);
        if (!m.matches() || m.group(1).isBlank() || m.group(2).isBlank()) {
            throw new DerivationException(file, line(n), what + " is a relation 'name = value', e.g. "
                    + "'Fisher = {{psi1(alpha), -1/beta}, {-1/beta, alpha/beta^2}}'");
        }
        if (MORE_RELATIONS.matcher(m.group(1)).find() || MORE_RELATIONS.matcher(m.group(2)).find()) {
            throw new DerivationException(file, line(n), what + " '" + s.strip() + "' holds more than one relation: a " + what
                    + " is one relation 'name = value' (give each further relation a result or a 'via' of its own)");
        }
        return new Goal("", m.group(1).trim(), m.group(2).trim(), line(n));
    }

    private static Map<String, String> stringMap(Path file, String text, Node n, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping(file, n, "'" + what + "'").getValue()) {
            String k = scalar(file, t.getKeyNode(), "a key of '" + what + "'");
            out.put(k, expression(file, text, t.getValueNode(), what + " '" + k + "'"));
        }
        return out;
    }

    private static double number(Path file, Node n, String what) {
        String s = scalar(file, n, what);
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new DerivationException(file, line(n), what + ": '" + s + "' is not a number");
        }
    }

}
