package org.derivcheck.notation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Names in LaTeX: Greek letters, decorated and subscripted names, distribution families. */
final class TexNames {
    static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
            "kappa", "lambda", "mu", "nu", "xi", "omicron", "rho", "sigma", "tau", "upsilon", "phi", "chi", "omega",
            "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Upsilon", "Phi", "Psi", "Omega");

    /** Words of {@code \mathrm{..}} / {@code \operatorname{..}} read as a function of one argument. */
    static final Map<String, String> FUNCTION_WORDS = Map.ofEntries(Map.entry("Log", "Log"), Map.entry("log", "Log"),
            Map.entry("Exp", "Exp"), Map.entry("exp", "Exp"), Map.entry("tr", "Tr"), Map.entry("Tr", "Tr"),
            Map.entry("trace", "Tr"), Map.entry("det", "Det"), Map.entry("Det", "Det"), Map.entry("diag", "diag"),
            Map.entry("sigmoid", "Sigmoid"), Map.entry("digamma", "psi"), Map.entry("trigamma", "psi1"),
            Map.entry("LogGamma", "LogGamma"), Map.entry("lgamma", "LogGamma"), Map.entry("lnGamma", "LogGamma"),
            Map.entry("Gamma", "Gamma"), Map.entry("erf", "Erf"), Map.entry("sqrt", "Sqrt"));

    /** LaTeX function commands of one argument. */
    static final Map<String, String> FUNCTION_COMMANDS = Map.ofEntries(Map.entry("\\log", "Log"),
            Map.entry("\\exp", "Exp"), Map.entry("\\sin", "Sin"), Map.entry("\\cos", "Cos"), Map.entry("\\tan", "Tan"),
            Map.entry("\\sinh", "Sinh"), Map.entry("\\cosh", "Cosh"), Map.entry("\\tanh", "Tanh"),
            Map.entry("\\arctan", "ArcTan"), Map.entry("\\det", "Det"), Map.entry("\\Gamma", "Gamma"),
            Map.entry("\\erf", "Erf"));

    private static final Map<String, String> FAMILIES = Map.ofEntries(Map.entry("Gamma", "Gamma"),
            Map.entry("Ga", "Gamma"), Map.entry("\\Gamma", "Gamma"), Map.entry("N", "Normal"), Map.entry("Normal", "Normal"),
            Map.entry("Gaussian", "Normal"), Map.entry("Exp", "Exponential"), Map.entry("Exponential", "Exponential"),
            Map.entry("Bernoulli", "Bernoulli"), Map.entry("Bern", "Bernoulli"), Map.entry("Uniform", "Uniform"),
            Map.entry("U", "Uniform"), Map.entry("NormalGamma", "NormalGamma"), Map.entry("NG", "NormalGamma"),
            Map.entry("Beta", "Beta"), Map.entry("Poisson", "Poisson"), Map.entry("Pois", "Poisson"),
            Map.entry("Poi", "Poisson"), Map.entry("Binomial", "Binomial"), Map.entry("Bin", "Binomial"),
            Map.entry("Binom", "Binomial"), Map.entry("Geometric", "Geometric"), Map.entry("Geom", "Geometric"),
            Map.entry("LogNormal", "LogNormal"), Map.entry("Lognormal", "LogNormal"), Map.entry("LN", "LogNormal"),
            Map.entry("InvGamma", "InverseGamma"), Map.entry("InverseGamma", "InverseGamma"), Map.entry("IG", "InverseGamma"),
            Map.entry("Inv-Gamma", "InverseGamma"), Map.entry("StudentT", "StudentT"), Map.entry("St", "StudentT"),
            Map.entry("Student", "StudentT"), Map.entry("Laplace", "Laplace"), Map.entry("Lap", "Laplace"),
            Map.entry("Categorical", "Categorical"), Map.entry("Cat", "Categorical"));

    private TexNames() {
    }

    static Optional<String> family(String word) {
        return Optional.ofNullable(FAMILIES.get(word));
    }

    /** The Greek name of a command ({@code \alpha} to "alpha"), if it is one. */
    static Optional<String> greek(String cmd) {
        String n = cmd.substring(1);
        return GREEK.contains(n) ? Optional.of(n) : Optional.empty();
    }

    /**
     * Spellings of a subscripted name to look up, most likely first: {@code \mu_N} is "mu_N" or "muN";
     * the first one the vocabulary knows wins, else the first.
     */
    static String pick(List<String> candidates, TexInput.Vocabulary v) {
        for (String c : candidates) {
            if (v.knows(c)) {
                return c;
            }
        }
        return candidates.get(0);
    }

    static List<String> subscripted(String base, String sub) {
        List<String> out = new ArrayList<>();
        out.add(base + "_" + sub);
        out.add(base + sub);
        return out;
    }

    /** The pieces of derivcheck text between top-level separators (outside parentheses, braces and brackets). */
    static List<String> topLevel(String text, char separator) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == separator && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    static List<String> decorated(String decoration, String base) {
        return List.of(base + "_" + decoration, base + decoration, decoration + "_" + base);
    }
}
