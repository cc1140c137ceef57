package org.derivcheck.notation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LaTeX of an expression as the user wrote it: printed from its own syntax tree, before any name is
 * resolved, so a definition shows by its name ({@code elbo}, {@code logp}), not expanded, and the notation
 * is the textbook's: ∂/∂x for {@code D}, ∇ for {@code Gradient}, ∫ … dz for a sum over a finite variable,
 * E_q[…] for an expectation, KL(q ‖ p), p(z | x), x_n for data. Nothing here evaluates anything.
 */
public final class SourceTex {
    private static final int PLUS = 10;
    private static final int TIMES = 20;
    private static final int NEG = 25;
    private static final int POWER = 40;
    private static final int ATOM = 100;
    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta",
            "eta", "theta", "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon",
            "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi",
            "Omega");
    private static final Map<String, String> PLAIN_FUNCTIONS = Map.ofEntries(Map.entry("Sin", "\\sin"),
            Map.entry("Cos", "\\cos"), Map.entry("Tan", "\\tan"), Map.entry("Sinh", "\\sinh"), Map.entry("Cosh", "\\cosh"),
            Map.entry("Tanh", "\\tanh"), Map.entry("ArcTan", "\\arctan"), Map.entry("Det", "\\det"),
            Map.entry("Max", "\\max"), Map.entry("Min", "\\min"), Map.entry("Erf", "\\operatorname{erf}"),
            Map.entry("Tr", "\\operatorname{tr}"), Map.entry("Sigmoid", "\\sigma"), Map.entry("psi", "\\psi"),
            Map.entry("Digamma", "\\psi"), Map.entry("psi1", "\\psi_1"), Map.entry("Trigamma", "\\psi_1"),
            Map.entry("Gamma", "\\Gamma"), Map.entry("LogGamma", "\\log\\Gamma"), Map.entry("Beta", "\\mathrm{B}"),
            Map.entry("DiagonalMatrix", "\\operatorname{diag}"));
    private static final Map<String, String> FAMILIES = Map.of("Normal", "\\mathcal{N}", "Gamma", "\\mathrm{Gamma}",
            "NormalGamma", "\\mathrm{NormalGamma}", "Exponential", "\\mathrm{Exp}", "Bernoulli", "\\mathrm{Bernoulli}",
            "Uniform", "\\mathcal{U}");

    private final Names names;

    /**
     * What the printer must know of the user's names: densities (p(z | x)), indexed data (x_n), finite
     * variables (a sum over one is an integral), defined names (shown by name) and names with a LaTeX form
     * of their own (a rubric's {@code notation:}, e.g. Fisher as F(\theta)).
     */
    public record Names(Set<String> densities, Set<String> indexed, Set<String> finite, Set<String> defined,
            Map<String, String> aliases) {
        public Names {
            densities = Set.copyOf(densities);
            indexed = Set.copyOf(indexed);
            finite = Set.copyOf(finite);
            defined = Set.copyOf(defined);
            aliases = Map.copyOf(aliases);
        }
    }

    private SourceTex(Names names) {
        this.names = names;
    }

    /** LaTeX of one expression as written; empty when it does not parse (the caller keeps its own form). */
    public static Optional<String> of(String text, Names names) {
        try {
            List<SyntaxParser.Link> links = SyntaxParser.parseChain(text);
            SourceTex p = new SourceTex(names);
            StringBuilder sb = new StringBuilder();
            for (SyntaxParser.Link l : links) {
                if (!l.relation().isEmpty()) {
                    sb.append(' ').append(relation(l.relation())).append(' ');
                }
                sb.append(p.p(l.expr(), 0));
            }
            return Optional.of(sb.toString());
        } catch (RuntimeException e) { // a ParseException too
            return Optional.empty();
        }
    }

    /** LaTeX of a relation symbol: =, \le, \ge, <, >. */
    public static String relation(String r) {
        return switch (r) {
            case "<=" -> "\\le";
            case ">=" -> "\\ge";
            case "==" -> "=";
            default -> r;
        };
    }

    private String p(Syntax e, int ctx) {
        int prec = prec(e);
        String s = raw(e);
        return prec < ctx ? "\\left(" + s + "\\right)" : s;
    }

    private static int prec(Syntax e) {
        if (e instanceof Syntax.Bin b) {
            return switch (b.op()) {
                case "+", "-" -> PLUS;
                case "*", "." -> TIMES;
                case "/" -> ATOM; // \frac
                case "^" -> POWER;
                default -> 5;
            };
        }
        if (e instanceof Syntax.Neg) {
            return NEG;
        }
        if (e instanceof Syntax.Num n && n.text().startsWith("-")) {
            return NEG;
        }
        return ATOM;
    }

    private String raw(Syntax e) {
        if (e instanceof Syntax.Num n) {
            return n.text();
        }
        if (e instanceof Syntax.Name n) {
            String alias = names.aliases().get(n.name());
            return alias != null ? alias : name(n.name());
        }
        if (e instanceof Syntax.Neg n) {
            return "-" + p(n.arg(), NEG + 1);
        }
        if (e instanceof Syntax.ListLit l) {
            return list(l);
        }
        if (e instanceof Syntax.Prime pr && pr.fn() instanceof Syntax.Call c) {
            return function(c.name()) + "'" + args(c.args());
        }
        if (e instanceof Syntax.Bin b) {
            return bin(b);
        }
        if (e instanceof Syntax.Call c) {
            return call(c);
        }
        return e.toString();
    }

    private String bin(Syntax.Bin b) {
        switch (b.op()) {
            case "+": {
                String r = p(b.right(), PLUS + 1);
                return p(b.left(), PLUS) + (r.startsWith("-") ? " - " + r.substring(1) : " + " + r);
            }
            case "-":
                return p(b.left(), PLUS) + " - " + p(b.right(), PLUS + 1);
            case "*": {
                String l = p(b.left(), TIMES);
                String r = p(b.right(), NEG + 1);
                boolean dot = endsWithDigit(l) && startsWithDigit(r) || b.right() instanceof Syntax.Num;
                return l + (dot ? " \\cdot " : " ") + r;
            }
            case "/":
                return "\\frac{" + p(b.left(), 0) + "}{" + p(b.right(), 0) + "}";
            case ".":
                return p(b.left(), TIMES) + " " + p(b.right(), TIMES + 1);
            case "^": {
                String base = p(b.left(), POWER + 1);
                if (b.left() instanceof Syntax.Call c && !isDensity(c.name()) && !isDefined(c.name())
                        && PLAIN_FUNCTIONS.containsKey(c.name())) {
                    base = "\\left(" + base + "\\right)";
                }
                if (b.right() instanceof Syntax.Bin f && f.op().equals("/") && f.left() instanceof Syntax.Num one
                        && one.text().equals("1") && f.right() instanceof Syntax.Num two && two.text().equals("2")) {
                    return "\\sqrt{" + p(b.left(), 0) + "}";
                }
                return base + "^{" + p(b.right(), 0) + "}";
            }
            case "~":
                return p(b.left(), 6) + " \\sim " + p(b.right(), 6);
            default:
                return p(b.left(), 0) + " " + b.op() + " " + p(b.right(), 0);
        }
    }

    private static boolean endsWithDigit(String s) {
        return !s.isEmpty() && Character.isDigit(s.charAt(s.length() - 1));
    }

    private static boolean startsWithDigit(String s) {
        return !s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.startsWith("\\frac"));
    }

    private String list(Syntax.ListLit l) {
        boolean matrix = !l.items().isEmpty() && l.items().stream().allMatch(x -> x instanceof Syntax.ListLit);
        List<String> rows = new ArrayList<>();
        for (Syntax item : l.items()) {
            if (matrix) {
                List<String> cells = new ArrayList<>();
                for (Syntax c : ((Syntax.ListLit) item).items()) {
                    cells.add(p(c, 0));
                }
                rows.add(String.join(" & ", cells));
            } else {
                rows.add(p(item, 0));
            }
        }
        return "\\begin{pmatrix}" + String.join(" \\\\ ", rows) + "\\end{pmatrix}";
    }

    private String call(Syntax.Call c) {
        String n = c.name();
        List<Syntax> a = c.args();
        if (isDensity(n) || isIndexed(n) || isDefined(n)) {
            return userCall(c);
        }
        switch (n) {
            case "Log":
                if (a.size() == 2) {
                    return "\\log_{" + p(a.get(0), 0) + "} " + logArg(a.get(1));
                }
                return a.size() == 1 ? "\\log " + logArg(a.get(0)) : generic(c);
            case "Exp":
                return a.size() == 1 ? (isShort(a.get(0)) ? "e^{" + p(a.get(0), 0) + "}" : "\\exp" + args(a)) : generic(c);
            case "Sqrt":
                return a.size() == 1 ? "\\sqrt{" + p(a.get(0), 0) + "}" : generic(c);
            case "Abs":
                return a.size() == 1 ? "\\left|" + p(a.get(0), 0) + "\\right|" : generic(c);
            case "PolyGamma":
                return a.size() == 2 ? "\\psi^{(" + p(a.get(0), 0) + ")}" + args(a.subList(1, 2)) : generic(c);
            case "Binomial":
                return a.size() == 2 ? "\\binom{" + p(a.get(0), 0) + "}{" + p(a.get(1), 0) + "}" : generic(c);
            case "Factorial":
                return a.size() == 1 ? p(a.get(0), ATOM) + "!" : generic(c);
            case "Transpose":
                return a.size() == 1 ? p(a.get(0), ATOM) + "^{\\top}" : generic(c);
            case "Inverse":
                return a.size() == 1 ? p(a.get(0), ATOM) + "^{-1}" : generic(c);
            case "IdentityMatrix":
                return a.size() == 1 ? "I_{" + p(a.get(0), 0) + "}" : generic(c);
            case "Outer":
                return a.size() == 2 ? p(a.get(0), ATOM) + " " + p(a.get(1), ATOM) + "^{\\top}" : generic(c);
            case "D":
                return derivative(c);
            case "Gradient":
                return a.size() == 2 ? "\\nabla_{" + variables(a.get(1)) + "} " + p(a.get(0), TIMES + 1) : generic(c);
            case "Hessian":
                return a.size() == 2 ? "\\nabla^{2}_{" + variables(a.get(1)) + "} " + p(a.get(0), TIMES + 1) : generic(c);
            case "Jacobian":
                return a.size() == 2 ? "\\frac{\\partial " + tuple(a.get(0)) + "}{\\partial " + tuple(a.get(1)) + "}"
                        : generic(c);
            case "Sum", "Product":
                return sum(c);
            case "Expectation", "E":
                return expectation("\\mathbb{E}", c);
            case "Var":
                return expectation("\\operatorname{Var}", c);
            case "Cov":
                return expectation("\\operatorname{Cov}", c);
            case "KL":
                return a.size() == 2 ? "\\mathrm{KL}\\left(" + p(a.get(0), 0) + " \\,\\|\\, " + p(a.get(1), 0) + "\\right)"
                        : generic(c);
            default:
                break;
        }
        if (FAMILIES.containsKey(n) && (!n.equals("Gamma") || a.size() == 2)) {
            return FAMILIES.get(n) + args(a);
        }
        String fn = PLAIN_FUNCTIONS.get(n);
        if (fn != null) {
            return fn + args(a);
        }
        return generic(c);
    }

    private String logArg(Syntax x) {
        return x instanceof Syntax.Name || x instanceof Syntax.Num || x instanceof Syntax.Call c && (isDensity(c.name())
                || isIndexed(c.name())) ? p(x, ATOM) : "\\left(" + p(x, 0) + "\\right)";
    }

    private static boolean isShort(Syntax x) {
        return x instanceof Syntax.Name || x instanceof Syntax.Num || x instanceof Syntax.Neg n && isShort(n.arg())
                || x instanceof Syntax.Bin b && b.op().equals("*") && isShort(b.left()) && isShort(b.right());
    }

    private String derivative(Syntax.Call c) {
        List<Syntax> a = c.args();
        if (a.size() < 2) {
            return generic(c);
        }
        List<String> vars = new ArrayList<>();
        int order = 0;
        for (Syntax v : a.subList(1, a.size())) {
            if (v instanceof Syntax.ListLit l && l.items().size() == 2 && l.items().get(1) instanceof Syntax.Num k) {
                String x = p(l.items().get(0), ATOM);
                vars.add(x + "^{" + k.text() + "}");
                order += parseInt(k.text());
            } else {
                vars.add(p(v, ATOM));
                order++;
            }
        }
        String num;
        String den;
        if (vars.size() > 1 && vars.stream().distinct().count() == 1) {
            num = "\\partial^{" + vars.size() + "}";
            den = "\\partial " + vars.get(0) + "^{" + vars.size() + "}";
        } else {
            num = order == 1 ? "\\partial" : "\\partial^{" + order + "}";
            List<String> parts = new ArrayList<>();
            for (String v : vars) {
                parts.add("\\partial " + v);
            }
            den = String.join("\\,", parts);
        }
        return "\\frac{" + num + "}{" + den + "} " + p(a.get(0), TIMES + 1);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private String variables(Syntax v) {
        if (v instanceof Syntax.ListLit l) {
            List<String> out = new ArrayList<>();
            for (Syntax x : l.items()) {
                out.add(p(x, 0));
            }
            return String.join(", ", out);
        }
        return p(v, 0);
    }

    private String tuple(Syntax v) {
        return v instanceof Syntax.ListLit ? "\\left(" + variables(v) + "\\right)" : p(v, ATOM);
    }

    private String sum(Syntax.Call c) {
        List<Syntax> a = c.args();
        String op = c.name().equals("Sum") ? "\\sum" : "\\prod";
        if (a.size() != 2) {
            return generic(c);
        }
        String body = p(a.get(0), c.name().equals("Sum") ? PLUS + 1 : TIMES + 1);
        if (a.get(1) instanceof Syntax.ListLit it && it.items().size() == 3) {
            return op + "_{" + p(it.items().get(0), 0) + "=" + p(it.items().get(1), 0) + "}^{" + p(it.items().get(2), 0) + "} "
                    + body;
        }
        if (a.get(1) instanceof Syntax.Name v && c.name().equals("Sum") && isFinite(v.name())) {
            // a sum over a finite variable stands for the integral over its support
            return "\\int " + p(a.get(0), PLUS + 1) + " \\,\\mathrm{d}" + name(v.name());
        }
        return op + "_{" + p(a.get(1), 0) + "} " + body;
    }

    private String expectation(String op, Syntax.Call c) {
        List<Syntax> a = c.args();
        if (a.size() < 2) {
            return generic(c);
        }
        List<String> subs = new ArrayList<>();
        List<Syntax> rest = a.subList(1, a.size());
        for (int i = 0; i < rest.size(); i++) {
            Syntax d = rest.get(i);
            if (d instanceof Syntax.Bin b && b.op().equals("~")) {
                subs.add(distribution(b));
            } else if (d instanceof Syntax.ListLit it && it.items().size() == 3) {
                subs.add(p(it.items().get(0), 0) + " = " + p(it.items().get(1), 0) + ", \\dots, " + p(it.items().get(2), 0));
            } else {
                subs.add(p(d, 0));
            }
        }
        return op + "_{" + String.join(",\\, ", subs) + "}\\left[" + p(a.get(0), 0) + "\\right]";
    }

    /** {@code z ~ q} as q(z); {@code x ~ Gamma(a, b)} as x \sim Gamma(a, b). */
    private String distribution(Syntax.Bin b) {
        if (b.right() instanceof Syntax.Name d && isDensity(d.name())) {
            return name(d.name()) + "\\left(" + variables(b.left()) + "\\right)";
        }
        if (b.right() instanceof Syntax.Call d && isDensity(d.name())) {
            return userCall(d);
        }
        String family = b.right() instanceof Syntax.Call f && FAMILIES.containsKey(f.name()) ? FAMILIES.get(f.name())
                + args(f.args()) : p(b.right(), 6);
        return tuple(b.left()) + " \\sim " + family;
    }

    /** A density, a datum or a user's function by its own name: p(z \mid x), x_n, A(\eta_1, \eta_2). */
    private String userCall(Syntax.Call c) {
        if (isIndexed(c.name()) && c.args().size() == 1) {
            return name(c.name()) + "_{" + p(c.args().get(0), 0) + "}";
        }
        StringBuilder sb = new StringBuilder(name(c.name())).append("\\left(");
        for (int i = 0; i < c.args().size(); i++) {
            sb.append(i == 0 ? "" : i == c.given() ? " \\mid " : ", ").append(p(c.args().get(i), 0));
        }
        return sb.append("\\right)").toString();
    }

    private String generic(Syntax.Call c) {
        return function(c.name()) + args(c.args());
    }

    private String function(String n) {
        String fn = PLAIN_FUNCTIONS.get(n);
        if (fn != null) {
            return fn;
        }
        return isDefined(n) || isDensity(n) || n.length() == 1 || GREEK.contains(n) ? name(n)
                : "\\operatorname{" + escape(n) + "}";
    }

    private String args(List<Syntax> a) {
        List<String> out = new ArrayList<>();
        for (Syntax x : a) {
            out.add(p(x, 0));
        }
        return "\\left(" + String.join(", ", out) + "\\right)";
    }

    private boolean isDensity(String n) {
        return names.densities().contains(n);
    }

    private boolean isIndexed(String n) {
        return names.indexed().contains(n);
    }

    private boolean isFinite(String n) {
        return names.finite().contains(n);
    }

    /** A definition (not a declared symbol), shown by its name. */
    private boolean isDefined(String n) {
        return names.defined().contains(n);
    }

    /**
     * A user's name: {@code mu_N} as \mu_{N}, {@code lambda0} as \lambda_{0}, {@code alpha} as \alpha,
     * a longer word as upright text ({@code elbo} as \mathrm{elbo}, {@code log_normal} as \mathrm{log\_normal}).
     */
    public static String name(String n) {
        switch (n) {
            case "Pi":
                return "\\pi";
            case "E":
                return "e";
            case "Infinity":
                return "\\infty";
            default:
                break;
        }
        String base = n;
        String sub = null;
        int us = n.indexOf('_');
        if (us > 0 && us < n.length() - 1) {
            base = n.substring(0, us);
            sub = n.substring(us + 1);
        } else {
            int k = n.length();
            while (k > 1 && Character.isDigit(n.charAt(k - 1))) {
                k--;
            }
            if (k < n.length()) {
                base = n.substring(0, k);
                sub = n.substring(k);
            } else if (n.length() > 1 && Character.isUpperCase(n.charAt(n.length() - 1))
                    && GREEK.contains(n.substring(0, n.length() - 1))) {
                base = n.substring(0, n.length() - 1);
                sub = n.substring(n.length() - 1);
            }
        }
        boolean shortSub = sub != null && (sub.length() <= 2 || GREEK.contains(sub) || sub.chars().allMatch(Character::isDigit))
                && sub.indexOf('_') < 0;
        if (sub != null && !shortSub || !(GREEK.contains(base) || base.length() == 1) && sub != null && base.length() > 3) {
            return "\\mathrm{" + escape(n) + "}";
        }
        String b = GREEK.contains(base) ? "\\" + base : base.length() == 1 ? base : "\\mathrm{" + escape(base) + "}";
        if (sub == null) {
            return b;
        }
        return b + "_{" + (GREEK.contains(sub) ? "\\" + sub : sub.length() == 1 ? sub : "\\mathrm{" + sub + "}") + "}";
    }

    private static String escape(String s) {
        return s.replace("_", "\\_");
    }
}
