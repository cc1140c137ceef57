package org.derivcheck.notation;

import java.util.ArrayList;
import java.util.List;
import org.derivcheck.notation.Lexer.Kind;
import org.derivcheck.notation.Lexer.Token;

/** A Pratt parser from tokens to {@link Syntax}; relations are split off by {@link #parseChain}. */
final class SyntaxParser {
    private static final int MAX_DEPTH = 200;
    private final List<Token> tokens;
    private int pos;
    private int depth;

    private SyntaxParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** A relation and the expression that follows it; the first link has relation "". */
    record Link(String relation, Syntax expr, int column, String text) {
    }

    static List<Link> parseChain(String text) {
        SyntaxParser p = new SyntaxParser(Lexer.lex(text));
        List<Link> links = new ArrayList<>();
        if (p.peek().kind() == Kind.END) {
            throw new ParseException("empty expression", 1);
        }
        Syntax first = p.expr(0);
        links.add(new Link("", first, 1, text.substring(0, p.peek().column() - 1).trim()));
        while (p.peek().kind() != Kind.END) {
            Token t = p.next();
            String rel = switch (t.text()) {
                case "=", "==" -> "=";
                case "<=", "<" -> t.text();
                case ">=", ">" -> t.text();
                default -> throw new ParseException("unexpected '" + t.text() + "': expected an operator or the end", t.column());
            };
            if (t.kind() != Kind.OP) {
                throw new ParseException("unexpected '" + t.text() + "': a missing operator? (write a*b, not a b)", t.column());
            }
            if (p.peek().kind() == Kind.END) {
                throw new ParseException("nothing after '" + t.text() + "'", t.column());
            }
            int start = t.column() - 1 + t.text().length();
            Syntax e = p.expr(0);
            links.add(new Link(rel, e, t.column(), text.substring(start, p.peek().column() - 1).trim()));
        }
        return links;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private Token expect(String op) {
        Token t = next();
        if (!t.is(op) || t.kind() != Kind.OP) {
            throw new ParseException("expected '" + op + "' but found '" + t.text() + "'", t.column());
        }
        return t;
    }

    private static int infixPrecedence(Token t) {
        if (t.kind() != Kind.OP) {
            return -1;
        }
        return switch (t.text()) {
            case "~" -> 5;
            case "+", "-" -> 10;
            case "*", "/" -> 20;
            case "." -> 30;
            case "^" -> 40;
            default -> -1;
        };
    }

    private Syntax expr(int minPrec) {
        if (++depth > MAX_DEPTH) {
            throw new ParseException("expression nested too deeply (more than " + MAX_DEPTH + " levels)", peek().column());
        }
        try {
            Syntax left = prefix();
            while (true) {
                Token t = peek();
                int prec = infixPrecedence(t);
                if (prec < 0 || prec < minPrec) {
                    if (t.kind() == Kind.IDENT || t.kind() == Kind.NUMBER || t.is("(")) {
                        throw new ParseException("missing operator before '" + t.text() + "' (write a*b, not a b)", t.column());
                    }
                    return left;
                }
                next();
                int nextMin = t.is("^") ? prec : prec + 1; // ^ is right-associative
                Syntax right = expr(nextMin);
                left = new Syntax.Bin(t.text(), left, right, t.column());
            }
        } finally {
            depth--;
        }
    }

    private Syntax prefix() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Syntax.Num(t.text(), t.column());
            case IDENT:
                return postfix(t);
            case END:
                throw new ParseException("the expression ends too early", t.column());
            default:
                break;
        }
        switch (t.text()) {
            case "-":
                return new Syntax.Neg(expr(25), t.column());
            case "+":
                return expr(25);
            case "(": {
                Syntax inner = expr(0);
                expect(")");
                return inner;
            }
            case "{": {
                List<Syntax> items = new ArrayList<>();
                if (!peek().is("}")) {
                    items.add(expr(0));
                    while (peek().is(",")) {
                        next();
                        items.add(expr(0));
                    }
                }
                expect("}");
                return new Syntax.ListLit(items, t.column());
            }
            default:
                throw new ParseException("unexpected '" + t.text() + "'", t.column());
        }
    }

    private Syntax postfix(Token name) {
        Syntax fn = new Syntax.Name(name.text(), name.column());
        boolean prime = false;
        if (peek().is("'")) {
            next();
            prime = true;
        }
        if (peek().is("(") || peek().is("[")) {
            String close = peek().is("(") ? ")" : "]";
            next();
            List<Syntax> args = new ArrayList<>();
            int given = -1;
            if (!peek().is(close)) {
                args.add(expr(0));
                while (peek().is(",") || peek().is("|") || peek().is("||")) {
                    Token sep = next();
                    if (sep.is("|")) {
                        if (given >= 0) {
                            throw new ParseException("only one '|' (given) per call", sep.column());
                        }
                        given = args.size();
                    }
                    args.add(expr(0));
                }
            }
            expect(close);
            Syntax call = new Syntax.Call(name.text(), args, name.column(), given);
            return prime ? new Syntax.Prime(call, name.column()) : call;
        }
        if (prime) {
            throw new ParseException("a prime (') must follow a function name applied to arguments, e.g. psi'(a)", name.column());
        }
        return fn;
    }
}
