package org.derivcheck.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.cas.Cas;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.TexInput;
import org.derivcheck.document.Equation.Part;
import org.derivcheck.document.Equation.Statement;
import org.derivcheck.document.Reading.Kind;
import org.derivcheck.document.Reading.Link;
import org.derivcheck.document.Reading.UpTo;

/**
 * Reads one statement's LaTeX: finds its top-level relations ({@code :=} and a new name on the left make a
 * definition; {@code \propto} is equality up to a factor), takes an additive constant ({@code + C},
 * {@code + \text{const}}) off a side, strips the star of an optimum ({@code q_1^*}), translates every part with
 * the LaTeX reader and checks every name, so an error names the document offset of the LaTeX it is about.
 */
final class StatementReader {
    private static final Pattern CONSTANT = Pattern.compile("([+-])\\s*(C|\\\\text\\s*\\{\\s*(?:const\\.?|constant|C)\\s*\\}|"
            + "\\\\mathrm\\s*\\{\\s*(?:const|C)\\s*\\}|\\\\operatorname\\s*\\{\\s*const\\s*\\}|\\\\mathit\\s*\\{\\s*const\\s*\\})"
            + "\\s*[,.;]?\\s*$");
    private static final Pattern STAR = Pattern.compile("\\^\\s*(\\*|\\{\\s*(\\*|\\\\ast|\\\\star)\\s*\\}|\\\\ast|\\\\star)");
    private static final Pattern NAME_FORM = Pattern.compile("^\\s*(\\\\(mathcal|mathrm|mathbf|boldsymbol|tilde|hat|bar|"
            + "operatorname)\\s*\\{[^{}]*\\}|\\\\[A-Za-z]+|[A-Za-z])\\s*(_\\s*(\\{[^{}]*(\\{[^{}]*\\}[^{}]*)*\\}|[A-Za-z0-9]|"
            + "\\\\[A-Za-z]+))?\\s*(\\([^()]*\\))?\\s*$");
    private static final Pattern LOG_STAR = Pattern.compile("^\\s*\\\\(log|ln)\\s*(\\\\left)?\\s*\\(?\\s*([A-Za-z])\\s*(_\\s*"
            + "(\\{[^{}]*\\}|[A-Za-z0-9]))?\\s*\\^\\s*(\\*|\\{\\s*(\\*|\\\\ast|\\\\star)\\s*\\})\\s*\\(([^()]*)\\)\\s*(\\\\right)?\\s*\\)?"
            + "\\s*$");
    /** A decorated operator as a new name: {@code \hat{\nabla}_{TD}(\epsilon, \phi)}, {@code \tilde{\nabla}_\theta L}. */
    private static final Pattern DECORATED_OPERATOR = Pattern.compile("^\\s*\\\\(hat|tilde|bar|widehat|widetilde)\\s*\\{\\s*"
            + "\\\\(nabla|partial)\\s*\\}[^=<>]*$", Pattern.DOTALL);
    private static final Pattern TUPLE = Pattern.compile("^\\s*(\\\\left\\s*)?\\((.*,.*)(\\\\right\\s*)?\\)\\s*[,.]?\\s*$",
            Pattern.DOTALL);

    private StatementReader() {
    }

    /** One top-level relation found in the LaTeX: its offset in the joined text, its width, and what it is. */
    private record Rel(int at, int width, String kind) {
    }

    static Reading read(Statement s, Names names) {
        // the parts of a chain joined with one space each, keeping a map to document offsets
        StringBuilder latex = new StringBuilder();
        List<int[]> map = new ArrayList<>(); // {joined offset, document offset} at the start of each part
        for (Part p : s.parts()) {
            if (latex.length() > 0) {
                latex.append(' ');
            }
            map.add(new int[] {latex.length(), p.offset()});
            latex.append(p.text());
        }
        StringBuilder text = new StringBuilder(latex);
        List<String> starred = new ArrayList<>();
        Matcher st = STAR.matcher(text);
        while (st.find()) {
            starred.add(latex.substring(Math.max(0, st.start() - 12), st.start()));
        }
        int unclosed = unclosed(text);
        if (unclosed >= 0) {
            return Reading.invalid("'" + text.charAt(unclosed) + "' is never closed (the brackets of this formula do not "
                    + "match)", doc(map, unclosed));
        }
        List<Rel> rels = relations(text);
        for (Rel r : rels) {
            if (r.kind().equals("approx") || r.kind().equals("ne")) {
                return Reading.invalid("'" + text.substring(r.at(), r.at() + r.width()).strip() + "' is not a relation that can be "
                        + "checked (=, :=, \\propto, \\le, \\ge, <, >)", doc(map, r.at()));
            }
        }
        // sides between relations; constants taken off
        List<UpTo> upTo = new ArrayList<>();
        int from = 0;
        List<int[]> sides = new ArrayList<>();
        for (Rel r : rels) {
            sides.add(new int[] {from, r.at()});
            from = r.at() + r.width();
        }
        sides.add(new int[] {from, text.length()});
        String[] constantOf = new String[sides.size()];
        for (int i = 0; i < sides.size(); i++) {
            int[] sd = sides.get(i);
            Matcher c = CONSTANT.matcher(text.substring(sd[0], sd[1]));
            if (c.find() && !(c.group(2).equals("C") && names.knows("C"))) {
                constantOf[i] = c.group(2).equals("C") ? "C" : "const";
                org.derivcheck.document.Masking.blank(text, sd[0] + c.start(), sd[1]);
            }
        }
        for (int i = 0; i < rels.size(); i++) {
            String constant = constantOf[i + 1] != null ? constantOf[i + 1] : i == 0 && constantOf[0] != null ? constantOf[0] : "";
            boolean prop = rels.get(i).kind().equals("propto");
            String variable = "";
            if (!constant.isEmpty() || prop) {
                variable = names.context.constants().getOrDefault(constant.isEmpty() ? "\\propto" : constant,
                        names.context.constants().getOrDefault("const", ""));
            }
            upTo.add(new UpTo(variable, prop, constant));
        }
        boolean definition = !rels.isEmpty() && rels.get(0).kind().equals("define");
        // the relation symbols the LaTeX reader understands
        for (Rel r : rels) {
            if (!r.kind().equals("plain")) {
                String eq = "=" + " ".repeat(r.width() - 1);
                text.replace(r.at(), r.at() + r.width(), eq);
            }
        }
        Matcher star = STAR.matcher(text);
        while (star.find()) {
            org.derivcheck.document.Masking.blank(text, star.start(), star.end());
        }
        if (rels.isEmpty()) {
            return Reading.notAClaim("an expression without a relation (=, \\le, \\ge): nothing to check", doc(map, 0));
        }
        String lhsLatex = text.substring(0, rels.get(0).at());
        Optional<Reading.Defined> defines = Optional.empty();
        int start = 0;
        if (definition || isNewName(lhsLatex, names)) {
            String form = lhsLatex.strip();
            String name = freshName(form, names);
            int rhsFrom = rels.get(0).at() + rels.get(0).width();
            int rhsTo = rels.size() > 1 ? rels.get(1).at() : text.length();
            Matcher tuple = TUPLE.matcher(text.substring(rhsFrom, rhsTo));
            List<String> items = new ArrayList<>();
            if (tuple.matches() && rels.size() == 1) {
                int inner = rhsFrom + tuple.start(2);
                int k = inner;
                int depth = 0;
                String body = tuple.group(2);
                for (int i = 0; i <= body.length(); i++) {
                    char ch = i < body.length() ? body.charAt(i) : ',';
                    if (ch == '{' || ch == '(') {
                        depth++;
                    } else if (ch == '}' || ch == ')') {
                        depth--;
                    } else if (ch == ',' && depth == 0) {
                        Reading item = translate(text.substring(k, inner + i), List.of(new int[] {0, doc(map, k)}), names,
                                false);
                        if (item.kind() == Kind.INVALID) {
                            return item;
                        }
                        items.add(item.links().get(0).text());
                        k = inner + i + 1;
                    }
                }
                return new Reading(Kind.DEFINITION, List.of(), List.of(), Optional.of(new Reading.Defined(name, form,
                        latex.toString().strip(), items)), Optional.empty(), starred, "", doc(map, 0));
            }
            defines = Optional.of(new Reading.Defined(name, form, latex.toString().strip(), List.of()));
            start = rhsFrom;
            upTo = upTo.subList(1, upTo.size());
        }
        List<int[]> shifted = new ArrayList<>();
        shifted.add(new int[] {0, doc(map, start)});
        for (int[] m : map) {
            if (m[0] > start) {
                shifted.add(new int[] {m[0] - start, m[1]});
            }
        }
        Reading r = translate(text.substring(start), shifted, names, true);
        if (r.kind() == Kind.INVALID) {
            return r;
        }
        List<Link> links = r.links();
        if (defines.isPresent()) {
            return new Reading(Kind.DEFINITION, links, upTo, defines, Optional.empty(), starred, "", doc(map, 0));
        }
        Matcher ls = LOG_STAR.matcher(latex.substring(0, rels.get(0).at()));
        if (ls.matches() && links.size() == 2) {
            String density = ls.group(3) + (ls.group(5) == null ? "" : "_" + ls.group(5).replaceAll("[{}\\s]", ""));
            if (names.densities.containsKey(density)) {
                return new Reading(Kind.MAXIMIZE, links, upTo, Optional.empty(), Optional.of(new Reading.Maximize(density,
                        links.get(1).text())), starred, "", doc(map, 0));
            }
        }
        return new Reading(Kind.CLAIM, links, upTo, Optional.empty(), Optional.empty(), starred, "", doc(map, 0));
    }

    /** True when the left side is a name form (a name, perhaps with a subscript and arguments) nobody declared. */
    private static boolean isNewName(String lhs, Names names) {
        if (DECORATED_OPERATOR.matcher(lhs).matches()) {
            return names.notation.keySet().stream().noneMatch(k -> TexInput.normalized(k).equals(safeNormalized(lhs)));
        }
        if (!NAME_FORM.matcher(lhs).matches() || names.notation.keySet().stream()
                .anyMatch(k -> TexInput.normalized(k).equals(safeNormalized(lhs)))) {
            return false;
        }
        try {
            for (TexInput.Link l : TexInput.translate(lhs, names.vocabulary)) {
                Cas.parse(l.text(), names.table);
            }
            return false;
        } catch (ParseException e) {
            return e.getMessage().contains("unknown") || e.getMessage().contains("not defined");
        }
    }

    private static String safeNormalized(String latex) {
        try {
            return TexInput.normalized(latex);
        } catch (ParseException e) {
            return latex;
        }
    }

    /** A derivcheck name for a LaTeX form: its letters and digits ({@code \mathcal{L}_K(q)} is L_K). */
    private static String freshName(String form, Names names) {
        String head = form.replaceAll("\\(.*$", "");
        String base = head.replaceAll("\\\\(mathcal|mathrm|mathbf|boldsymbol|tilde|hat|bar|operatorname)", "")
                .replaceAll("\\\\", "").replaceAll("[{}\\s]", "").replaceAll("[^A-Za-z0-9_]", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "d" + base;
        }
        base = base.replaceAll("_+$", "");
        String name = base;
        for (int k = 2; names.knows(name) || isBuiltin(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    private static boolean isBuiltin(String name) {
        return java.util.Set.of("D", "E", "I", "N", "Pi", "Log", "Exp", "Sum", "Gamma", "KL", "C").contains(name);
    }

    /** Translates the LaTeX of a chain (or one expression) and checks every name. */
    private static Reading translate(String latex, List<int[]> map, Names names, boolean chain) {
        List<TexInput.Link> tl;
        try {
            tl = TexInput.translate(latex, names.vocabulary);
        } catch (ParseException e) {
            return Reading.invalid(forDocuments(e.getMessage()), doc(map, Math.max(0, e.column() - 1)));
        }
        List<Link> links = new ArrayList<>();
        for (TexInput.Link l : tl) {
            try {
                // every name is checked here; a denied function is a ParseException of Cas.parse, the one place
                // the sandbox is applied
                Cas.parse(l.text(), names.table);
            } catch (ParseException e) {
                String msg = e.getMessage();
                java.util.regex.Matcher free = java.util.regex.Pattern.compile("^unknown symbol '([A-Za-z][A-Za-z0-9]*)'").matcher(msg);
                if (msg.startsWith("Sum(f, {n, from, to}) expects") && l.text().contains("Sum(")) {
                    msg = "an integral over a real variable is not read: derivcheck reads \\int f \\, dZ over a finite "
                            + "variable Z (the sum over its support); write the expectation, e.g. "
                            + "\\mathbb{E}_{\\theta \\sim \\mathrm{Beta}(a, b)}[f], instead";
                } else if (free.find() && names.vocabulary.indices().containsKey(free.group(1))) {
                    msg = "the index " + free.group(1) + " is free here: no \\sum_" + free.group(1) + " or \\prod_"
                            + free.group(1) + " binds it, so the formula does not say which term it means";
                } else if (msg.startsWith("unknown") && !msg.contains("declare")) {
                    msg += ": declare it in the context (symbols, densities, functions, define or notation)";
                }
                return Reading.invalid(forDocuments(msg) + " (read as: " + l.text() + ")",
                        doc(map, l.sourceColumn(Math.max(1, e.column())) - 1));
            }
            links.add(new Link(l.relation(), l.text(), doc(map, l.sourceColumn(1) - 1)));
        }
        if (!chain && links.size() != 1) {
            return Reading.invalid("expected one expression", doc(map, 0));
        }
        return new Reading(Kind.CLAIM, links, List.of(), Optional.empty(), Optional.empty(), List.of(), "", doc(map, 0));
    }

    private static final String CONTEXT = "the document's context (front matter, a % derivcheck: block or --context FILE.yaml)";

    /** The LaTeX reader's messages speak of a rubric; a document's names come from its context. */
    static String forDocuments(String message) {
        return message.replace("is not defined by the rubric; write it as a rubric name, or map this form under notation:",
                "is not declared in " + CONTEXT + ": declare it under densities:, functions: or define:, or map this "
                        + "LaTeX form to derivcheck text under notation:")
                .replace("map this form under notation:", "map this LaTeX form to derivcheck text under notation: in "
                        + CONTEXT)
                .replace("in the rubric", "in " + CONTEXT)
                .replace("map the form that uses it (e.g. p(x|\\alpha,\\beta)) to a name under notation: in " + CONTEXT,
                        "declare p as a density (densities: {p: [x, z]}) to write p(z | x), or map the form under "
                                + "notation: in " + CONTEXT)
                .replace("docs/grading.md", "docs/documents.md")
                // whatever else the shared reader says of a rubric: a document has a context instead
                .replaceAll("\\b(a|the) rubric's\\b", "the context's").replaceAll("\\b(a|the) rubric\\b", "the context")
                .replaceAll("\\brubric\\b", "context");
    }

    /** The document offset of an offset in the joined LaTeX. */
    private static int doc(List<int[]> map, int at) {
        int[] best = map.get(0);
        for (int[] m : map) {
            if (m[0] <= at) {
                best = m;
            }
        }
        return best[1] + Math.max(0, at - best[0]);
    }

    /** The offset of the first bracket that is never closed (or closed by the wrong one), or -1. */
    private static int unclosed(CharSequence s) {
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                open.push(i);
            } else if (c == ')' || c == ']' || c == '}') {
                if (open.isEmpty()) {
                    return i;
                }
                char o = s.charAt(open.peek());
                if (o == '(' && c != ')' || o == '[' && c != ']' || o == '{' && c != '}') {
                    return open.peek();
                }
                open.pop();
            }
        }
        return open.isEmpty() ? -1 : open.getLast();
    }

    /** Top-level relations (outside braces and parentheses) of a chain's LaTeX. */
    private static List<Rel> relations(CharSequence s) {
        List<Rel> out = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && c == ':' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
                out.add(new Rel(i, 2, "define"));
                i++;
            } else if (depth == 0 && (c == '=' || c == '<' || c == '>')) {
                if ((c == '<' || c == '>') && i + 1 < s.length() && s.charAt(i + 1) == '=') {
                    out.add(new Rel(i, 2, "plain"));
                    i++;
                } else {
                    out.add(new Rel(i, 1, "plain"));
                }
            } else if (c == '\\' && i + 1 < s.length()) {
                int j = i + 1;
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                String cmd = s.subSequence(i, j).toString();
                if (j == i + 1 && j < s.length()) {
                    j++; // \{ \| \, ...: one character
                }
                if (depth == 0) {
                    switch (cmd) {
                        case "\\le", "\\leq", "\\leqslant", "\\ge", "\\geq", "\\geqslant" -> out.add(new Rel(i, j - i, "plain"));
                        case "\\coloneqq", "\\triangleq", "\\eqqcolon", "\\equiv" -> out.add(new Rel(i, j - i, "define"));
                        case "\\propto" -> out.add(new Rel(i, j - i, "propto"));
                        case "\\approx", "\\simeq", "\\cong" -> out.add(new Rel(i, j - i, "approx"));
                        case "\\ne", "\\neq" -> out.add(new Rel(i, j - i, "ne"));
                        default -> {
                        }
                    }
                }
                i = j - 1;
            }
        }
        return out;
    }
}
