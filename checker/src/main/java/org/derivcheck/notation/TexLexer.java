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
            Map.entry("\\eqqcolon", "="), Map.entry("\\times", "\\cdot"), Map.entry("\\ast", "*"), Map.entry("\\digamma", "\\psi"),
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
                case '+', '-', '*', '/', '=', '<', '>', '(', ')', '[', ']', ',', '|', '\'', '!', '.', ':', ';' ->
                        out.add(new Token(Kind.SYM, String.valueOf(c), start));
                default -> throw new ParseException("unexpected character '" + printable(c) + "' in a formula", start + 1);
            }
        }
        return out;
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
            // ':=' is a definition written as a relation
            if (t.isSym(":") && i + 1 < in.size() && in.get(i + 1).isSym("=")) {
                continue;
            }
            out.add(t);
        }
        out.add(new Token(Kind.END, "the end of the formula", length));
        return out;
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
