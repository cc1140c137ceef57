package org.derivcheck.notation;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens; rejects any character outside the expression language. */
final class Lexer {
    enum Kind { NUMBER, IDENT, OP, END }

    record Token(Kind kind, String text, int column) {
        boolean is(String s) {
            return kind != Kind.END && text.equals(s);
        }
    }

    private static final String[] OPS = {"||", "<=", ">=", "==", "!=", "->", "+", "-", "*", "/", "^", ".", "(", ")", "{", "}",
        "[", "]", ",", "=", "<", ">", "~", "'", "||", "|"};

    private Lexer() {
    }

    static List<Token> lex(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                if (i < n && text.charAt(i) == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                    i++;
                    while (i < n && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                }
                if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                        j++;
                    }
                    if (j < n && Character.isDigit(text.charAt(j))) {
                        i = j;
                        while (i < n && Character.isDigit(text.charAt(i))) {
                            i++;
                        }
                    }
                }
                out.add(new Token(Kind.NUMBER, text.substring(start, i), start + 1));
                continue;
            }
            if (Character.isLetter(c)) {
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, text.substring(start, i), start + 1));
                continue;
            }
            String op = null;
            for (String o : OPS) {
                if (text.startsWith(o, i)) {
                    op = o;
                    break;
                }
            }
            if (op == null) {
                String what = c == '"' ? "strings are not part of the expression language"
                        : c == '$' ? "'$' names are not allowed (no system variables)"
                        : c == ';' ? "';' is not allowed: one expression per claim"
                        : "unexpected character '" + c + "'";
                throw new ParseException(what, start + 1);
            }
            out.add(new Token(Kind.OP, op, start + 1));
            i += op.length();
        }
        out.add(new Token(Kind.END, "end of expression", n + 1));
        return out;
    }
}
