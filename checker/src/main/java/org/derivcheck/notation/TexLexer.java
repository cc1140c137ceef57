package org.derivcheck.notation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits LaTeX math into tokens and normalizes them: sizing and spacing commands, {@code \left},
 * {@code \right}, labels and tags are dropped, synonyms are mapped to one spelling ({@code \leq} to
 * {@code \le}, {@code \ln} to {@code \log}, {@code \dfrac} to {@code \frac}). Every token keeps its
 * 0-based offset in the input so errors can name the column.
 */
final class TexLexer {
    enum Kind { CMD, LETTER, NUMBER, SYM, LBRACE, RBRACE, SUP, SUB, AMP, NEWLINE, NAME, END }

    /** One token; for NAME (a notation replacement) {@code text} is derivcheck expression text. */
    record Token(Kind kind, String text, int pos) {
        boolean is(Kind k, String s) {
            return kind == k && text.equals(s);
        }

        boolean isCmd(String s) {
            return kind == Kind.CMD && text.equals(s);
        }

        boolean isSym(String s) {
            return kind == Kind.SYM && text.equals(s);
        }
    }

    /** An absolute value's opening bar ({@code \\lvert}, {@code \\left|}): unambiguous, unlike a bare {@code |}. */
    static final String ABS_OPEN = "|<";
    /** An absolute value's closing bar ({@code \\rvert}, {@code \\right|}). */
    static final String ABS_CLOSE = "|>";

    /** Longest math line accepted; longer ones are refused before any work is done. */
    static final int MAX_LENGTH = 20_000;

    private static final Set<String> DROPPED = Set.of("\\left", "\\right", "\\bigl", "\\bigr", "\\Bigl", "\\Bigr",
            "\\biggl", "\\biggr", "\\Biggl", "\\Biggr", "\\big", "\\Big", "\\bigg", "\\Bigg", "\\middle", "\\,", "\\;",
            "\\:", "\\!", "\\ ", "\\quad", "\\qquad", "\\displaystyle", "\\textstyle", "\\limits", "\\nolimits",
            "\\nonumber", "\\notag", "\\mathstrut", "\\hfill", "\\allowbreak");

    /** Commands whose one {...} argument is dropped with them. */
    private static final Set<String> DROPPED_WITH_ARG = Set.of("\\label", "\\tag", "\\tag*", "\\hspace", "\\vspace",
            "\\phantom", "\\hphantom", "\\vphantom");

    private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("\\leq", "\\le"),
            Map.entry("\\leqslant", "\\le"), Map.entry("\\geq", "\\ge"), Map.entry("\\geqslant", "\\ge"),
            Map.entry("\\dfrac", "\\frac"), Map.entry("\\tfrac", "\\frac"), Map.entry("\\cfrac", "\\frac"),
            Map.entry("\\dbinom", "\\binom"), Map.entry("\\tbinom", "\\binom"),
            Map.entry("\\ln", "\\log"), Map.entry("\\varepsilon", "\\epsilon"), Map.entry("\\vartheta", "\\theta"),
            Map.entry("\\varphi", "\\phi"), Map.entry("\\varrho", "\\rho"), Map.entry("\\varsigma", "\\sigma"),
            Map.entry("\\intercal", "\\top"), Map.entry("\\transpose", "\\top"), Map.entry("\\operatorname*", "\\operatorname"),
            Map.entry("\\lbrack", "["), Map.entry("\\rbrack", "]"), Map.entry("\\coloneqq", "="), Map.entry("\\triangleq", "="),
            Map.entry("\\eqqcolon", "="), Map.entry("\\coloneq", "="), Map.entry("\\eqcolon", "="),
            Map.entry("\\times", "\\cdot"), Map.entry("\\ast", "*"), Map.entry("\\digamma", "\\psi"),
            Map.entry("\\dots", "\\cdots"), Map.entry("\\ldots", "\\cdots"), Map.entry("\\dotsb", "\\cdots"),
            Map.entry("\\lvert", ABS_OPEN), Map.entry("\\rvert", ABS_CLOSE), Map.entry("\\vert", "|"), Map.entry("\\mid", "|"),
            Map.entry("\\bm", "\\boldsymbol"), Map.entry("\\mathbf", "\\boldsymbol"), Map.entry("\\vec", "\\boldsymbol"),
            Map.entry("\\pmb", "\\boldsymbol"), Map.entry("\\mathit", "\\mathrm"), Map.entry("\\mathsf", "\\mathrm"),
            Map.entry("\\textrm", "\\text"), Map.entry("\\textit", "\\text"), Map.entry("\\mbox", "\\text"));

    private TexLexer() {
    }

    /** A single bar: '|', \\vert, \\lvert or \\rvert (not the norm's \\|). */
    private static boolean bar(Token t, String text) {
        if (t.isSym("|")) {
            return text.charAt(t.pos()) == '|';
        }
        return t.isCmd("\\vert") || t.isCmd("\\lvert") || t.isCmd("\\rvert");
    }

    /** Tokens of the text, normalized, ending with an END token. */
    static List<Token> lex(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new ParseException("the formula is longer than " + MAX_LENGTH + " characters", 1);
        }
        return normalize(raw(text), text);
    }

    private static List<Token> raw(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (c == '%') { // a comment runs to the end of the line
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '\\') {
                i++;
                if (i >= n) {
                    throw new ParseException("a lone backslash at the end", start + 1);
                }
                char d = s.charAt(i);
                if (d == '\\') {
                    i++;
                    // an optional [2pt] after \\ is spacing
                    int j = i;
                    while (j < n && s.charAt(j) == ' ') {
                        j++;
                    }
                    if (j < n && s.charAt(j) == '[') {
                        int close = s.indexOf(']', j);
                        if (close > 0 && close - j < 12) {
                            i = close + 1;
                        }
                    }
                    out.add(new Token(Kind.NEWLINE, "\\\\", start));
                    continue;
                }
                if (isAsciiLetter(d)) {
                    while (i < n && isAsciiLetter(s.charAt(i))) {
                        i++;
                    }
                    if (i < n && s.charAt(i) == '*' && s.startsWith("operatorname", start + 1)) {
                        i++;
                    }
                    out.add(new Token(Kind.CMD, s.substring(start, i), start));
                    continue;
                }
                i++;
                String cmd = s.substring(start, i);
                switch (cmd) {
                    case "\\{" -> out.add(new Token(Kind.SYM, "(", start));
                    case "\\}" -> out.add(new Token(Kind.SYM, ")", start));
                    case "\\|" -> out.add(new Token(Kind.SYM, "|", start));
                    default -> out.add(new Token(Kind.CMD, cmd, start));
                }
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i + 1 < n && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
                    i++;
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
                continue;
            }
            if (isAsciiLetter(c)) {
                out.add(new Token(Kind.LETTER, String.valueOf(c), start));
                i++;
                continue;
            }
            i++;
            switch (c) {
                case '{' -> out.add(new Token(Kind.LBRACE, "{", start));
                case '}' -> out.add(new Token(Kind.RBRACE, "}", start));
                case '^' -> out.add(new Token(Kind.SUP, "^", start));
                case '_' -> out.add(new Token(Kind.SUB, "_", start));
                case '&' -> out.add(new Token(Kind.AMP, "&", start));
                case '~' -> {
                    // a non-breaking space in TeX
                }
                case '+', '-', '*', '/', '=', '<', '>', '(', ')', '[', ']', ',', '|', '\'', '!', '.', ':', ';', '?' ->
                        out.add(new Token(Kind.SYM, String.valueOf(c), start));
                default -> {
                    if (!unicode(c, s, start, out)) {
                        throw new ParseException("unexpected character '" + printable(c) + "' in a formula", start + 1);
                    }
                }
            }
        }
        return out;
    }

    private static final String GREEK_LETTERS = "αβγδεζηθικλμνξπρστυφχψωΓΔΘΛΞΠΣΦΨΩϵϕ";
    private static final String[] GREEK_NAMES = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
        "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
        "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega", "epsilon", "phi"};
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /**
     * A Unicode character that KaTeX and MathJax show as the command it stands for: Greek letters, superscript digits
     * ({@code x²} is {@code x^{2}}), the minus sign, the dot and cross of a product, {@code ≤}, {@code ≥}, {@code ∂}.
     * Adds its tokens and returns true; false for any other character.
     */
    private static boolean unicode(char c, String s, int at, List<Token> out) {
        int g = GREEK_LETTERS.indexOf(c);
        if (g >= 0) {
            out.add(new Token(Kind.CMD, "\\" + GREEK_NAMES[g], at));
            return true;
        }
        if (SUPERSCRIPT_DIGITS.indexOf(c) >= 0) {
            if (at > 0 && SUPERSCRIPT_DIGITS.indexOf(s.charAt(at - 1)) >= 0) {
                return true; // part of the number the first superscript digit read
            }
            StringBuilder digits = new StringBuilder();
            for (int k = at; k < s.length() && SUPERSCRIPT_DIGITS.indexOf(s.charAt(k)) >= 0; k++) {
                digits.append(SUPERSCRIPT_DIGITS.indexOf(s.charAt(k)));
            }
            out.add(new Token(Kind.SUP, "^", at));
            out.add(new Token(Kind.LBRACE, "{", at));
            out.add(new Token(Kind.NUMBER, digits.toString(), at));
            out.add(new Token(Kind.RBRACE, "}", at));
            return true;
        }
        switch (c) {
            case '\u2212' -> out.add(new Token(Kind.SYM, "-", at));
            case '\u00b7', '\u22c5', '\u00d7' -> out.add(new Token(Kind.CMD, "\\cdot", at));
            case '\u2264' -> out.add(new Token(Kind.CMD, "\\le", at));
            case '\u2265' -> out.add(new Token(Kind.CMD, "\\ge", at));
            case '\u2202' -> out.add(new Token(Kind.CMD, "\\partial", at));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Colours every page shows (as grade.Unseen allows them outside a formula): never white, never a mix. */
    private static final Set<String> SHOWN_COLOURS = Set.of("red", "blue", "green", "black", "magenta", "cyan", "orange",
            "purple", "brown", "violet", "teal", "olive", "darkgray", "gray");

    /** The letters of a {name} group at {@code open}, or null when it holds anything else. */
    private static String groupName(List<Token> in, int open) {
        if (open >= in.size() || in.get(open).kind() != Kind.LBRACE) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = open + 1; k < in.size(); k++) {
            Token u = in.get(k);
            if (u.kind() == Kind.RBRACE) {
                return sb.toString();
            }
            if (u.kind() != Kind.LETTER) {
                return null;
            }
            sb.append(u.text());
        }
        return null;
    }

    private static List<Token> normalize(List<Token> in, String text) {
        int length = text.length();
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            // \left| ... \right| (also with \vert, \lvert, \rvert) is an absolute value; \left\| is a norm, left alone
            if ((t.isCmd("\\left") || t.isCmd("\\right")) && i + 1 < in.size() && bar(in.get(i + 1), text)) {
                out.add(new Token(Kind.SYM, t.isCmd("\\left") ? ABS_OPEN : ABS_CLOSE, in.get(i + 1).pos()));
                i++;
                continue;
            }
            if (t.kind() == Kind.CMD && DROPPED.contains(t.text())) {
                // \left. and \right. are invisible delimiters
                if ((t.text().equals("\\left") || t.text().equals("\\right")) && i + 1 < in.size() && in.get(i + 1).isSym(".")) {
                    i++;
                }
                continue;
            }
            // a box around a formula shows the formula ({\\boxed{...}}): the group stays, read as parentheses
            if (t.isCmd("\\boxed") && i + 1 < in.size() && in.get(i + 1).kind() == Kind.LBRACE) {
                continue;
            }
            // a brace under or over a formula with a note ({\\underbrace{(a + b)(a + b)}_{\\text{def}}}): the formula
            // is read, the note is not
            if ((t.isCmd("\\underbrace") || t.isCmd("\\overbrace")) && i + 1 < in.size() && in.get(i + 1).kind() == Kind.LBRACE) {
                int close = closingBrace(in, i + 1);
                List<Token> inner = new ArrayList<>(in.subList(i + 1, close + 1));
                List<Token> group = normalize(inner, text);
                out.addAll(group.subList(0, group.size() - 1));
                int after = close + 1;
                Kind script = t.isCmd("\\underbrace") ? Kind.SUB : Kind.SUP;
                if (after < in.size() && in.get(after).kind() == script && after + 1 < in.size()) {
                    int noteEnd = in.get(after + 1).kind() == Kind.LBRACE ? closingBrace(in, after + 1) + 1 : after + 2;
                    refuseClaimInNote(in.subList(after + 1, Math.min(noteEnd, in.size())), t);
                    after = noteEnd;
                }
                i = after - 1;
                continue;
            }
            // a colour every page shows changes nothing of the formula ({\\color{red} x}, \\textcolor{blue}{x}); any
            // other colour (white, a mix, one of the document's) is left to be refused
            if ((t.isCmd("\\color") || t.isCmd("\\textcolor")) && SHOWN_COLOURS.contains(String.valueOf(groupName(in, i + 1)))) {
                i = closingBrace(in, i + 1);
                continue;
            }
            if (t.kind() == Kind.CMD && DROPPED_WITH_ARG.contains(t.text())) {
                if (i + 1 < in.size() && in.get(i + 1).kind() == Kind.LBRACE) {
                    i = closingBrace(in, i + 1);
                }
                continue;
            }
            if (t.kind() == Kind.CMD && SYNONYMS.containsKey(t.text())) {
                String to = SYNONYMS.get(t.text());
                Kind k = to.startsWith("\\") ? Kind.CMD : Kind.SYM;
                out.add(new Token(k, to, t.pos()));
                continue;
            }
            // x_{N} is x_N: a one-token group after _ or ^ loses its braces, so both spellings match notation
            if (t.kind() == Kind.LBRACE && !out.isEmpty() && (out.get(out.size() - 1).kind() == Kind.SUB
                    || out.get(out.size() - 1).kind() == Kind.SUP) && i + 2 < in.size()
                    && in.get(i + 2).kind() == Kind.RBRACE && isSingle(in.get(i + 1))) {
                out.add(in.get(i + 1));
                i += 2;
                continue;
            }
            // ':=' is a definition written as a relation ('=:' names the left side by the right)
            if (t.isSym(":") && i + 1 < in.size() && in.get(i + 1).isSym("=")) {
                continue;
            }
            if (t.isSym(":") && !out.isEmpty() && out.get(out.size() - 1).isSym("=") && in.get(i - 1).isSym("=")) {
                continue;
            }
            // a relation written as a group or with a note over it ({=}, \mathrel{=}, \stackrel{def}{=},
            // \overset{!}{=}) is the relation: the note is not read, the relation is checked as it stands
            int rel = spelledRelation(in, i, text, out);
            if (rel > i) {
                i = rel;
                continue;
            }
            out.add(t);
        }
        out.add(new Token(Kind.END, "the end of the formula", length));
        return out;
    }

    private static final Set<String> OVER = Set.of("\\stackrel", "\\overset", "\\underset");

    /**
     * When the tokens at {@code i} spell a relation inside a group ({@code {=}}, {@code {\\le}}), as
     * {@code \\mathrel{REL}}, or with a note above or below it ({@code \\stackrel{NOTE}{REL}},
     * {@code \\overset{NOTE}{REL}}, {@code \\underset{NOTE}{REL}}), adds the relation's tokens to {@code out} and
     * returns the index of the last token used; else returns {@code i} and adds nothing. Only a group that holds
     * nothing but a relation counts ({@code \\overset{\\sim}{x}} is left to be refused).
     */
    private static int spelledRelation(List<Token> in, int i, String text, List<Token> out) {
        Token t = in.get(i);
        int group;
        if (t.kind() == Kind.LBRACE) {
            Token before = out.isEmpty() ? null : out.get(out.size() - 1);
            if (before != null && (before.kind() == Kind.SUB || before.kind() == Kind.SUP)) {
                return i; // a script, not a relation of its own
            }
            group = i;
        } else if (t.isCmd("\\mathrel")) {
            group = i + 1;
        } else if (t.kind() == Kind.CMD && OVER.contains(t.text())) {
            int note = i + 1;
            if (note >= in.size()) {
                return i;
            }
            group = in.get(note).kind() == Kind.LBRACE ? closingBrace(in, note) + 1 : note + 1;
            refuseClaimInNote(in.subList(note, group), t);
        } else {
            return i;
        }
        if (group >= in.size()) {
            return i;
        }
        int end;
        List<Token> inner;
        if (in.get(group).kind() == Kind.LBRACE) {
            end = closingBrace(in, group);
            inner = in.subList(group + 1, end);
        } else if (t.kind() != Kind.LBRACE) {
            end = group; // \\stackrel{def}= : a one-token argument
            inner = in.subList(group, group + 1);
        } else {
            return i;
        }
        List<Token> rel = normalize(new ArrayList<>(inner), text);
        rel = rel.subList(0, rel.size() - 1);
        if (!isRelation(rel)) {
            return i;
        }
        out.addAll(rel);
        return end;
    }

    private static final Set<String> NOTE_RELATIONS = Set.of("\\le", "\\ge", "\\leq", "\\geq", "\\leqslant",
            "\\geqslant", "\\ne", "\\neq", "\\approx", "\\equiv", "\\coloneqq", "\\triangleq", "\\cong", "\\simeq");

    /**
     * A note set over or under a sign or a brace is not read; one that holds a relation ({@code \\underbrace{X}_{= Y}},
     * {@code \\stackrel{y = 0}{=}}) states a claim that would be shown beside the chain's verdict unchecked: refused.
     */
    private static void refuseClaimInNote(List<Token> note, Token at) {
        for (Token u : note) {
            if (u.isSym("=") || u.isSym("<") || u.isSym(">") || u.kind() == Kind.CMD && NOTE_RELATIONS.contains(u.text())) {
                throw new ParseException("the note under or over '" + at.text() + "' holds a relation ('" + u.text() + "'), a "
                        + "claim derivcheck would not check; write it as a step of the chain", u.pos() + 1);
            }
        }
    }

    /** True for the tokens of one relation: =, <, >, <=, >=, \\le, \\ge. */
    private static boolean isRelation(List<Token> ts) {
        if (ts.size() == 1) {
            Token a = ts.get(0);
            return a.isSym("=") || a.isSym("<") || a.isSym(">") || a.isCmd("\\le") || a.isCmd("\\ge");
        }
        return ts.size() == 2 && (ts.get(0).isSym("<") || ts.get(0).isSym(">")) && ts.get(1).isSym("=");
    }

    private static boolean isSingle(Token t) {
        return t.kind() == Kind.LETTER || t.kind() == Kind.NUMBER && t.text().length() == 1
                || t.kind() == Kind.CMD && !DROPPED.contains(t.text()) && !DROPPED_WITH_ARG.contains(t.text());
    }

    /** Index of the brace that closes the one at {@code open}. */
    static int closingBrace(List<Token> ts, int open) {
        int depth = 0;
        for (int j = open; j < ts.size(); j++) {
            if (ts.get(j).kind() == Kind.LBRACE) {
                depth++;
            } else if (ts.get(j).kind() == Kind.RBRACE) {
                depth--;
                if (depth == 0) {
                    return j;
                }
            }
        }
        throw new ParseException("'{' is never closed", ts.get(open).pos() + 1);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static String printable(char c) {
        return c < 32 || c > 126 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
