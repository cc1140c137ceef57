package org.derivcheck.diagnose;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.cas.Expr;

/**
 * Expressions inside a diagnosis, shown in the user's notation: a message is built with {@link #of(Expr)} marks,
 * and {@link Diagnosis} keeps three renderings of it: derivcheck's own text (which reads back the same), LaTeX
 * with {@code $...$} around each expression (HTML through KaTeX, the LaTeX document), and a readable plain form
 * for the terminal (log, exp, ψ, Greek letters, products with a dot).
 */
public final class Shown {
    private static final char OPEN = '\u0001';
    private static final char MID = '\u0002';
    private static final char CLOSE = '\u0003';
    private static final Pattern MARK = Pattern.compile(OPEN + "([^" + MID + "]*)" + MID + "([^" + CLOSE + "]*)" + CLOSE);
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)?");
    private static final Map<String, String> GREEK = Map.ofEntries(Map.entry("alpha", "α"), Map.entry("beta", "β"),
            Map.entry("gamma", "γ"), Map.entry("delta", "δ"), Map.entry("epsilon", "ε"), Map.entry("eps", "ε"),
            Map.entry("zeta", "ζ"), Map.entry("eta", "η"), Map.entry("theta", "θ"), Map.entry("kappa", "κ"),
            Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("xi", "ξ"), Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("chi", "χ"),
            Map.entry("omega", "ω"), Map.entry("Pi", "π"), Map.entry("Delta", "Δ"), Map.entry("Sigma", "Σ"),
            Map.entry("Omega", "Ω"));
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(Map.entry("Log", "log"), Map.entry("Exp", "exp"),
            Map.entry("Sqrt", "sqrt"), Map.entry("psi", "ψ"), Map.entry("psi1", "ψ₁"), Map.entry("LogGamma", "log Γ"),
            Map.entry("Gamma", "Γ"), Map.entry("Abs", "abs"), Map.entry("Expectation", "E"), Map.entry("Sin", "sin"),
            Map.entry("Cos", "cos"), Map.entry("Transpose", "transpose"), Map.entry("Inverse", "inverse"));

    private Shown() {
    }

    /** The mark of an expression inside a message. */
    public static String of(Expr e) {
        // over abstract densities the CAS's LaTeX shows derivcheck's internal forms: the readable form instead
        String tex = e.isAbstract() ? "\\text{" + readableText(e.toString()).replaceAll("[\\\\{}$&#%^_~]", " ") + "}" : e.tex();
        return OPEN + e.toString() + MID + tex + CLOSE;
    }

    /** The message with derivcheck's own text for each expression. */
    static String plain(String message) {
        return MARK.matcher(message).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    /** The message with {@code $LaTeX$} for each expression; the words as they are. */
    static String tex(String message) {
        return MARK.matcher(message).replaceAll(m -> Matcher.quoteReplacement("$" + m.group(2) + "$"));
    }

    /** The message with a readable plain form of each expression. */
    static String readable(String message) {
        return MARK.matcher(message).replaceAll(m -> Matcher.quoteReplacement(readableText(m.group(1))));
    }

    /** A readable plain form of derivcheck text: log, exp, ψ, Greek letters, products with a dot. */
    public static String readableText(String raw) {
        // derivcheck's internal forms of abstract densities, as a student writes them
        String text = raw.replaceAll("\\b([A-Za-z][A-Za-z0-9_]*) ~ abstract\\(([A-Za-z][A-Za-z0-9_]*)\\([^()]*\\)\\)", "$1 ~ $2")
                .replace("finitesum(", "Sum(");
        text = derivatives(text);
        StringBuilder sb = new StringBuilder();
        Matcher w = WORD.matcher(text);
        int at = 0;
        while (w.find()) {
            sb.append(text, at, w.start());
            String word = w.group();
            boolean call = w.end() < text.length() && text.charAt(w.end()) == '(';
            if (call && FUNCTIONS.containsKey(word)) {
                sb.append(FUNCTIONS.get(word));
            } else if (!call || !FUNCTIONS.containsKey(word)) {
                int us = word.indexOf('_');
                String base = us > 0 ? word.substring(0, us) : word;
                String rest = us > 0 ? word.substring(us) : "";
                sb.append(GREEK.getOrDefault(base, base)).append(rest.isEmpty() ? "" : "_"
                        + GREEK.getOrDefault(rest.substring(1), rest.substring(1)));
            }
            at = w.end();
        }
        sb.append(text.substring(at));
        // -(-x) is x: a negated negative side reads without the double sign
        return sb.toString().replace("*", "·").replaceAll("(^|[ (])--", "$1");
    }

    /** D(f, x) as ∂/∂x (f), as a student writes a derivative. */
    private static String derivatives(String text) {
        Matcher d = Pattern.compile("(?<![A-Za-z0-9_])D\\(").matcher(text);
        if (!d.find()) {
            return text;
        }
        int open = d.end() - 1;
        int depth = 0;
        int comma = -1;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' || c == '{' ? 1 : c == ')' || c == '}' ? -1 : 0;
            if (c == ',' && depth == 1 && comma < 0) {
                comma = i;
            }
            if (depth == 0) {
                String variable = comma < 0 ? "" : text.substring(comma + 1, i).strip();
                if (comma < 0 || !variable.matches("[A-Za-z][A-Za-z0-9_]*")) {
                    return text; // a derivative of another shape stays as written
                }
                String body = derivatives(text.substring(open + 1, comma));
                return text.substring(0, d.start()) + "∂/∂" + variable + " (" + body + ")" + derivatives(text.substring(i + 1));
            }
        }
        return text;
    }
}
