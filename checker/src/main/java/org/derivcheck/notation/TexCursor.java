package org.derivcheck.notation;

import static org.derivcheck.notation.TexSrc.ADD;
import static org.derivcheck.notation.TexSrc.ATOM;
import static org.derivcheck.notation.TexSrc.MUL;
import static org.derivcheck.notation.TexSrc.NEG;
import static org.derivcheck.notation.TexSrc.POW;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.derivcheck.notation.TexLexer.Kind;
import org.derivcheck.notation.TexLexer.Token;

/**
 * The state and the token-level helpers of the LaTeX reader ({@link TexParser}): the tokens, the position, the
 * depth budget, the vocabulary, and how derivcheck text is emitted. The reader is split by subject over
 * {@code TexCursor} (tokens), {@link TexBinders} (integrals, expectations, KL, matrices), {@link TexCalculus}
 * (derivatives, gradients, sums, functions) and {@link TexParser} (relations, expressions, names).
 */
abstract class TexCursor {
    static final int MAX_DEPTH = 100;
    static final Set<String> DECORATIONS = Set.of("\\hat", "\\bar", "\\tilde", "\\overline", "\\widehat",
            "\\widetilde", "\\dot");

    final List<Token> tokens;
    final TexInput.Vocabulary vocab;
    int pos;
    int depth;
    int matrixDepth;
    /** Integrals open around the current position: their differentials ({@code dZ}) end a product. */
    int integrals;

    TexCursor(List<Token> tokens, TexInput.Vocabulary vocab, int depth) {
        this.tokens = tokens;
        this.vocab = vocab;
        this.depth = depth;
    }

    abstract TexSrc expr();

    abstract TexSrc term();

    abstract TexSrc factor();

    abstract TexSrc primary();

    /** A parser over a slice (a group's tokens), sharing the vocabulary and the depth budget. */
    abstract TexParser sub(List<Token> slice, Token at);

    static boolean isRefusedRelation(Token t) {
        return Set.of("\\neq", "\\ne", "\\approx", "\\propto", "\\to", "\\rightarrow", "\\Rightarrow", "\\implies",
                "\\iff", "\\Leftrightarrow", "\\equiv", "\\simeq", "\\cong", "\\in", "\\quad").contains(t.text());
    }

    boolean isWordAhead(String w) {
        Token a = peek();
        if (!(a.isCmd("\\mathrm") || a.isCmd("\\operatorname"))) {
            return false;
        }
        int save = pos;
        try {
            next();
            List<Token> arg = argTokens("a name");
            return wordOf(arg, a).map(w::equals).orElse(false);
        } catch (ParseException e) {
            return false;
        } finally {
            pos = save;
        }
    }

    /** The name spelled by letters, digits and '_' in a group, if that is all it holds. */
    static Optional<String> wordOf(List<Token> arg, Token at) {
        StringBuilder sb = new StringBuilder();
        for (Token a : arg) {
            if (a.kind() == Kind.LETTER || a.kind() == Kind.NUMBER) {
                sb.append(a.text());
            } else if (a.kind() == Kind.SUB && sb.length() > 0) {
                sb.append('_');
            } else if (a.kind() == Kind.CMD && TexNames.greek(a.text()).isPresent()) {
                sb.append(TexNames.greek(a.text()).get());
            } else {
                return Optional.empty();
            }
        }
        return sb.length() == 0 ? Optional.empty() : Optional.of(sb.toString());
    }

    List<TexSrc> arguments(Token open) {
        List<TexSrc> args = new ArrayList<>();
        if (!peek().isSym(")")) {
            args.add(expr());
            while (peek().isSym(",") || peek().isSym("|") && args.size() == 1) {
                Token sep = next();
                TexSrc a = expr();
                if (sep.isSym("|")) {
                    // p(z | x, y): the density of z given x and y
                    a = new TexSrc.Builder().add(args.remove(args.size() - 1)).add(" | ", sep.pos()).add(a).done(ATOM, false);
                }
                args.add(a);
            }
        }
        expectSym(")");
        return args;
    }

    // ---- emitting ------------------------------------------------------------------------------------

    static TexSrc call(String fn, int pos, TexSrc... args) {
        TexSrc.Builder b = new TexSrc.Builder().add(fn + "(", pos);
        boolean array = false;
        for (int i = 0; i < args.length; i++) {
            b.add(i == 0 ? "" : ", ", pos).add(args[i]);
            array |= args[i].array();
        }
        return b.add(")", pos).done(ATOM, array && !fn.equals("Det") && !fn.equals("Tr"));
    }

    static TexSrc mul(TexSrc a, TexSrc b, int pos) {
        if (a.array() && b.array()) {
            return new TexSrc.Builder().add(a.wrap(ATOM)).add(" . ", pos).add(b.wrap(ATOM)).done(MUL, true);
        }
        return new TexSrc.Builder().add(a.wrap(MUL)).add("*", pos).add(b.wrap(MUL)).done(MUL, a.array() || b.array());
    }

    static TexSrc div(TexSrc a, TexSrc b, int pos) {
        return new TexSrc.Builder().add(a.wrap(MUL)).add("/", pos).add(b.wrap(POW)).done(MUL, a.array());
    }

    static TexSrc add(TexSrc a, String op, TexSrc b, int pos) {
        return new TexSrc.Builder().add(a).add(" " + op + " ", pos).add(b.wrap(op.equals("-") ? MUL : NEG + 1))
                .done(ADD, a.array() || b.array());
    }

    static TexSrc neg(TexSrc a, int pos) {
        return new TexSrc.Builder().add("-", pos).add(a.wrap(MUL)).done(NEG, a.array());
    }

    static TexSrc pow(TexSrc a, TexSrc b, int pos) {
        return new TexSrc.Builder().add(a.wrap(ATOM)).add("^", pos).add(b.wrap(ATOM)).done(POW, false);
    }

    // ---- tokens ------------------------------------------------------------------------------------------

    Token peek() {
        while (matrixDepth == 0 && tokens.get(pos).kind() == Kind.AMP) {
            pos++;
        }
        return tokens.get(pos);
    }

    Token next() {
        Token t = peek();
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    void expect(Kind k, String what) {
        Token t = next();
        if (t.kind() != k) {
            throw unexpected(t, "'" + what + "'");
        }
    }

    void expectSym(String s) {
        Token t = next();
        if (!t.isSym(s)) {
            throw unexpected(t, "'" + s + "'");
        }
    }

    static ParseException unexpected(Token t, String expected) {
        String what = t.kind() == Kind.END ? "the end of the formula" : "'" + t.text() + "'";
        if (t.kind() == Kind.CMD && isRefusedRelation(t)) {
            return new ParseException("'" + t.text() + "' is not a relation derivcheck checks (=, \\le, \\ge, <, >); "
                    + "split the line into steps that are", t.pos() + 1);
        }
        return new ParseException("unexpected " + what + ": expected " + expected, t.pos() + 1);
    }

    /** The tokens of a {group} (without braces) or the single token that follows. */
    List<Token> argTokens(String what) {
        Token t = peek();
        if (t.kind() == Kind.LBRACE) {
            int close = TexLexer.closingBrace(tokens, pos);
            List<Token> inner = tokens.subList(pos + 1, close);
            pos = close + 1;
            return inner;
        }
        if (t.kind() == Kind.END || t.kind() == Kind.RBRACE) {
            throw new ParseException(what + " is missing", t.pos() + 1);
        }
        next();
        if (t.kind() == Kind.CMD && (t.isCmd("\\mathrm") || t.isCmd("\\text") || t.isCmd("\\operatorname")
                || t.isCmd("\\mathcal")) && peek().kind() == Kind.LBRACE) {
            int close = TexLexer.closingBrace(tokens, pos);
            List<Token> inner = new ArrayList<>(tokens.subList(pos - 1, close + 1));
            pos = close + 1;
            return inner;
        }
        if (t.kind() == Kind.NUMBER && t.text().length() > 1) {
            if (!t.text().matches("[0-9]+")) {
                throw new ParseException("TeX takes one digit here: write {" + t.text() + "} in braces", t.pos() + 1);
            }
            // as TeX reads it: \frac12 is \frac{1}{2}, \sqrt23 is \sqrt{2} 3; the digits after the first stay
            tokens.set(pos - 1, new Token(Kind.NUMBER, t.text().substring(1), t.pos() + 1));
            pos--;
            return List.of(new Token(Kind.NUMBER, t.text().substring(0, 1), t.pos()));
        }
        return List.of(t);
    }

    /** The normalized spelling of tokens, as {@link TexInput#normalized} gives for notation keys. */
    String key(List<Token> ts) {
        StringBuilder sb = new StringBuilder();
        for (Token t : ts) {
            if (t.kind() == Kind.NAME) {
                // a notation replacement: its LaTeX form, as the expectations table spells its keys
                String form = vocab.notation().entrySet().stream().filter(e -> e.getValue().equals(t.text()))
                        .map(e -> TexInput.normalized(e.getKey())).findFirst().orElse(t.text());
                sb.append(form);
                continue;
            }
            sb.append(t.text());
            if (t.kind() == Kind.CMD) {
                sb.append(' ');
            }
        }
        return sb.toString().trim();
    }

    void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ParseException("the formula is nested too deeply (more than " + MAX_DEPTH + " levels)",
                    peek().pos() + 1);
        }
    }
}
