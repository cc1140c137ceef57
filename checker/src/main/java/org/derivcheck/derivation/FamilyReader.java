package org.derivcheck.derivation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code families:}: families a derivation declares by their log-density, support and parameters.
 * <pre>
 * families:
 *   TruncExp:
 *     params: [l, c]
 *     variable: t
 *     log_density: -l*t          # up to an additive constant: derivcheck normalizes it
 *     support: {min: 0, max: c}  # or real, positive, unit, counts; ends may use the parameters
 *     discrete: false            # true: the whole numbers min, min + 1, ..., max
 *     domain: [l > 0, c > 0]
 * </pre>
 */
public final class FamilyReader {
    private static final List<String> KEYS = List.of("params", "variable", "log_density", "support", "discrete", "domain");

    private FamilyReader() {
    }

    public static List<FamilyDecl> families(Path file, String source, Node n) {
        List<FamilyDecl> out = new ArrayList<>();
        for (NodeTuple t : DerivationReader.mapping(file, n, "'families'").getValue()) {
            String name = DerivationReader.scalar(file, t.getKeyNode(), "a family name").trim();
            int line = DerivationReader.line(t.getKeyNode());
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new DerivationException(file, line, "'" + name + "' is not a valid family name (letters, digits and '_')");
            }
            List<String> params = new ArrayList<>();
            String variable = null;
            String logDensity = null;
            Optional<String> min = Optional.empty();
            Optional<String> max = Optional.empty();
            boolean discrete = false;
            boolean discreteSet = false;
            List<Line> domain = List.of();
            for (NodeTuple p : DerivationReader.mapping(file, t.getValueNode(), "family '" + name + "'").getValue()) {
                String k = DerivationReader.scalar(file, p.getKeyNode(), "a key");
                Node v = p.getValueNode();
                switch (k) {
                    case "params" -> params = names(file, v, name);
                    case "variable" -> variable = DerivationReader.scalar(file, v, "variable").trim();
                    case "log_density", "log_mass" -> logDensity = DerivationReader.expression(file, source, v, k);
                    case "discrete" -> {
                        discrete = Boolean.parseBoolean(DerivationReader.scalar(file, v, k).trim());
                        discreteSet = true;
                    }
                    case "domain" -> domain = DerivationReader.lines(file, source, v, "domain");
                    case "support" -> {
                        if (v instanceof ScalarNode s) {
                            String w = s.getValue().trim();
                            switch (w) {
                                case "real" -> { }
                                case "positive" -> min = Optional.of("0");
                                case "unit" -> {
                                    min = Optional.of("0");
                                    max = Optional.of("1");
                                }
                                case "counts" -> {
                                    min = Optional.of("0");
                                    if (!discreteSet) {
                                        discrete = true;
                                    }
                                }
                                default -> throw new DerivationException(file, DerivationReader.line(v), "family '" + name
                                        + "': unknown support '" + w + "' (real, positive, unit, counts, or {min: .., max: ..})");
                            }
                        } else {
                            MappingNode m = DerivationReader.mapping(file, v, "the support of '" + name + "'");
                            for (NodeTuple e : m.getValue()) {
                                String ek = DerivationReader.scalar(file, e.getKeyNode(), "a key");
                                String ev = DerivationReader.expression(file, source, e.getValueNode(), ek);
                                switch (ek) {
                                    case "min" -> min = Optional.of(ev);
                                    case "max" -> max = Optional.of(ev);
                                    default -> throw new DerivationException(file, DerivationReader.line(e.getKeyNode()),
                                            "family '" + name + "': the support takes min and max, not '" + ek + "'");
                                }
                            }
                        }
                    }
                    default -> throw new DerivationException(file, DerivationReader.line(p.getKeyNode()), "unknown key '" + k
                            + "' for family '" + name + "' (" + String.join(", ", KEYS) + ")");
                }
            }
            if (variable == null || logDensity == null) {
                throw new DerivationException(file, line, "family '" + name + "' needs 'variable:' and 'log_density:'");
            }
            if (discrete && min.isEmpty()) {
                throw new DerivationException(file, line, "family '" + name + "': a discrete support needs 'min:'");
            }
            out.add(new FamilyDecl(name, params, variable, logDensity, min, max, discrete, domain, line));
        }
        return out;
    }

    private static List<String> names(Path file, Node n, String owner) {
        return DerivationReader.names(file, n, "family '" + owner + "': params is a list of names, e.g. [a, b]",
                "a parameter name", false);
    }
}
