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
 * Recursive-descent reader of normalized LaTeX math tokens, emitting derivcheck expression text. The
 * grammar follows how a formula is read: a product of juxtaposed factors binds tighter than + and -,
 * {@code \sum}, {@code \nabla} and {@code \frac{\partial}{\partial x}} apply to the product that follows,
 * and {@code \log x_n} without parentheses takes the run of plain factors after it.
 */
final class TexParser extends TexCalculus {
    TexParser(List<Token> tokens, TexInput.Vocabulary vocab, int depth) {
        super(tokens, vocab, depth);
    }

    // ---- chain and relations ---------------------------------------------------------------------------

    List<TexInput.Link> chain() {
        List<TexInput.Link> links = new ArrayList<>();
        String rel = "";
        skipLineBreaks();
        if (relationAhead()) {
            rel = relation();
        }
        while (true) {
            skipLineBreaks();
            TexSrc e = expr();
            links.add(new TexInput.Link(rel, e.text(), e.map()));
            skipLineBreaks();
            if ((peek().isSym(".") || peek().isSym(",")) && tokens.get(pos + 1).kind() == Kind.END) {
                next(); // punctuation at the end of a displayed formula
            }
            if (peek().kind() == Kind.END) {
                return links;
            }
            if (!relationAhead()) {
                throw unexpected(peek(), "a relation (=, \\le, \\ge, <, >), an operator or the end of the line");
            }
            rel = relation();
        }
    }

    private void skipLineBreaks() {
        while (peek().kind() == Kind.NEWLINE) {
            next();
        }
    }

    private boolean relationAhead() {
        Token t = peek();
        return t.isSym("=") || t.isSym("<") || t.isSym(">") || t.isCmd("\\le") || t.isCmd("\\ge");
    }

    private String relation() {
        Token t = next();
        if (t.isSym("<") || t.isSym(">")) {
            if (peek().isSym("=")) {
                next();
                return t.text() + "=";
            }
            return t.text();
        }
        return t.isCmd("\\le") ? "<=" : t.isCmd("\\ge") ? ">=" : "=";
    }

    // ---- expressions --------------------------------------------------------------------------------

    @Override
    TexSrc expr() {
        enter();
        try {
            TexSrc left;
            if (peek().isSym("-")) {
                Token m = next();
                left = neg(term(), m.pos());
            } else {
                if (peek().isSym("+")) {
                    next();
                }
                left = term();
            }
            while (peek().isSym("+") || peek().isSym("-") || peek().isCmd("\\pm") || peek().isCmd("\\mp")) {
                Token op = next();
                if (op.kind() == Kind.CMD) {
                    throw new ParseException("'" + op.text() + "' stands for two formulas; write each one", op.pos() + 1);
                }
                TexSrc right = term();
                left = add(left, op.text(), right, op.pos());
            }
            return left;
        } finally {
            depth--;
        }
    }

    @Override
    TexSrc term() {
        TexSrc left = factor();
        while (true) {
            Token t = peek();
            if (t.isSym("*") || t.isCmd("\\cdot")) {
                next();
                left = mul(left, factor(), t.pos());
            } else if (t.isSym("/")) {
                next();
                left = div(left, factor(), t.pos());
            } else if (startsFactor(t) && !atDifferential()) {
                left = mul(left, factor(), t.pos());
            } else {
                return left;
            }
        }
    }

    @Override
    TexSrc factor() {
        enter();
        try {
            Token t = peek();
            if (t.isSym("-")) {
                next();
                return neg(factor(), t.pos());
            }
            if (t.isSym("+")) {
                next();
                return factor();
            }
            return postfix(primary());
        } finally {
            depth--;
        }
    }

    /** True when a bare bar here opens an absolute value: a closing bar follows, with an operand between. */
    private boolean bareBarOpens(int from) {
        int depthHere = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token u = tokens.get(i);
            if (u.isSym("(") || u.isSym("[") || u.kind() == Kind.LBRACE) {
                depthHere++;
            } else if (u.isSym(")") || u.isSym("]") || u.kind() == Kind.RBRACE) {
                if (--depthHere < 0) {
                    return false;
                }
            } else if (u.isSym("|") && depthHere == 0) {
                return i > from;
            } else if (u.kind() == Kind.END || u.kind() == Kind.NEWLINE) {
                return false;
            }
        }
        return false;
    }

    /** How many bare-bar absolute values enclose the position: inside one, a bar closes it. */
    private int bareBars;

    private boolean startsFactor(Token t) {
        return switch (t.kind()) {
            case NUMBER, LETTER, NAME, LBRACE -> true;
            case SYM -> t.text().equals("(") || t.text().equals("[") || t.text().equals(TexLexer.ABS_OPEN)
                    || t.text().equals("|") && bareBars == 0 && bareBarOpens(pos + 1);
            case CMD -> !t.isCmd("\\cdot") && !t.isCmd("\\le") && !t.isCmd("\\ge") && !t.isCmd("\\end")
                    && !t.isCmd("\\pm") && !t.isCmd("\\mp") && !t.isCmd("\\sim") && !isRefusedRelation(t);
            default -> false;
        };
    }


    /** Powers, transposes, inverses and factorials after a factor. */
    private TexSrc postfix(TexSrc base) {
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.SUP) {
                next();
                base = superscript(base, t);
            } else if (t.isSym("!")) {
                next();
                base = call("Factorial", t.pos(), base);
            } else if (t.isSym("'")) {
                throw new ParseException("a prime is only understood on \\psi (\\psi' is trigamma); write "
                        + "\\frac{\\partial}{\\partial x} for a derivative", t.pos() + 1);
            } else if (t.kind() == Kind.SUB) {
                throw new ParseException("a subscript here is not part of a name; write names like \\mu_N or x_n, "
                        + "or map this form under notation:", t.pos() + 1);
            } else {
                return base;
            }
        }
    }

    private TexSrc superscript(TexSrc base, Token sup) {
        List<Token> arg = argTokens("a superscript");
        if (arg.size() == 1 && (arg.get(0).isCmd("\\top") || arg.get(0).is(Kind.LETTER, "T") && !vocab.knows("T")
                || arg.get(0).isCmd("\\mathrm") || arg.get(0).isCmd("\\prime"))) {
            if (arg.get(0).isCmd("\\prime")) {
                throw new ParseException("a prime is only understood on \\psi", arg.get(0).pos() + 1);
            }
            return call("Transpose", sup.pos(), base).withArray(true);
        }
        if (arg.size() == 4 && arg.get(0).isCmd("\\mathrm") && arg.get(2).is(Kind.LETTER, "T")) {
            return call("Transpose", sup.pos(), base).withArray(true);
        }
        TexSrc exponent = sub(arg, sup).whole();
        if (base.array() && exponent.text().equals("-1")) {
            return call("Inverse", sup.pos(), base).withArray(true);
        }
        return pow(base, exponent, sup.pos());
    }

    // ---- primaries ----------------------------------------------------------------------------------

    @Override
    TexSrc primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return TexSrc.lit(t.text(), t.pos(), ATOM, false);
            case NAME: {
                String head = t.text().replaceFirst("\\(.*$", "").strip();
                boolean array = vocab.arrays().contains(t.text()) || t.text().startsWith("{") || vocab.arrays().contains(head);
                return TexSrc.lit(t.text(), t.pos(), TexInput.isAtom(t.text()) ? ATOM : ADD, array).wrap(ATOM);
            }
            case LETTER:
                if (t.text().equals("K") && peek().is(Kind.LETTER, "L") && tokens.get(pos + 1).isSym("(") && !vocab.knows("K")) {
                    next();
                    return kl(t);
                }
                if (t.text().equals("e") && !vocab.knows("e")) {
                    if (peek().kind() == Kind.SUP) {
                        Token sup = next();
                        return call("Exp", t.pos(), sub(argTokens("the exponent"), sup).whole());
                    }
                    return TexSrc.lit("E", t.pos(), ATOM, false);
                }
                return name(t.text(), t);
            case LBRACE: {
                TexSrc inner = expr();
                expect(Kind.RBRACE, "}");
                return inner.wrap(ATOM);
            }
            case SYM:
                if (t.text().equals("(") || t.text().equals("[")) {
                    TexSrc inner = expr();
                    expectSym(t.text().equals("(") ? ")" : "]");
                    return inner.wrap(ATOM);
                }
                if (t.text().equals(TexLexer.ABS_OPEN)) {
                    // \lvert x \rvert, \left| x \right|: the absolute value
                    TexSrc inner = expr();
                    expectSym(TexLexer.ABS_CLOSE);
                    return call("Abs", t.pos(), inner);
                }
                if (t.text().equals("|") && bareBarOpens(pos)) {
                    // |x| where an operand begins: the absolute value (a 'given' bar never starts an operand)
                    bareBars++;
                    try {
                        TexSrc inner = expr();
                        expectSym("|");
                        return call("Abs", t.pos(), inner);
                    } finally {
                        bareBars--;
                    }
                }
                if (t.text().equals("|")) {
                    throw new ParseException("a bar '|' is ambiguous (absolute value or 'given'); map the form that "
                            + "uses it (e.g. p(x|\\alpha,\\beta)) to a name under notation: in the rubric", t.pos() + 1);
                }
                throw unexpected(t, "a number, a name or '('");
            case CMD:
                return command(t);
            case END:
                throw new ParseException("the formula ends too early", t.pos() + 1);
            default:
                throw unexpected(t, "a number, a name or '('");
        }
    }

    private TexSrc command(Token t) {
        String c = t.text();
        Optional<String> greek = TexNames.greek(c);
        if (c.equals("\\psi")) {
            return polygamma(t);
        }
        if (c.equals("\\Gamma") && !peek().isSym("(") && !vocab.knows("Gamma")) {
            throw new ParseException("\\Gamma needs its argument in parentheses: \\Gamma(\\alpha)", t.pos() + 1);
        }
        if (c.equals("\\log") && (peek().isCmd("\\Gamma") || isWordAhead("Gamma"))) {
            if (next().kind() == Kind.CMD && !tokens.get(pos - 1).isCmd("\\Gamma")) {
                argTokens("\\mathrm"); // \log\mathrm{Gamma}
            }
            return call("LogGamma", t.pos(), functionArgument(t));
        }
        if (TexNames.FUNCTION_COMMANDS.containsKey(c)) {
            if (peek().kind() == Kind.SUP) {
                // \sin^2 x is (\sin x)^2; \sin^{-1} x (an inverse or a reciprocal?) is refused, not guessed
                Token sup = next();
                TexSrc k = sub(argTokens("the power of " + c), sup).whole();
                if (!k.text().strip().matches("[1-9][0-9]?")) {
                    throw new ParseException(c + "^{" + k.text().strip() + "} is ambiguous (a power of the function, or its "
                            + "inverse): write (" + c + " x)^{" + k.text().strip() + "}, or the inverse function by name",
                            sup.pos() + 1);
                }
                return pow(call(TexNames.FUNCTION_COMMANDS.get(c), t.pos(), functionArgument(t)), k, sup.pos());
            }
            return call(TexNames.FUNCTION_COMMANDS.get(c), t.pos(), functionArgument(t));
        }
        if (greek.isPresent()) {
            return name(greek.get(), t);
        }
        switch (c) {
            case "\\pi":
                return TexSrc.lit("Pi", t.pos(), ATOM, false);
            case "\\frac":
                return fraction(t);
            case "\\binom": {
                TexSrc n = sub(argTokens("the upper argument of \\binom"), t).whole();
                TexSrc k = sub(argTokens("the lower argument of \\binom"), t).whole();
                return call("Binomial", t.pos(), n, k);
            }
            case "\\sqrt":
                return sqrt(t);
            case "\\sum":
            case "\\prod":
                return sum(t);
            case "\\int":
                return integral(t);
            case "\\nabla":
                return nabla(t);
            case "\\partial":
                return partial(t);
            case "\\mathbb":
            case "\\mathrm":
            case "\\operatorname":
            case "\\text":
            case "\\mathcal":
                return word(t);
            case "\\E":
                return expectation(t, "Expectation");
            case "\\boldsymbol":
                return postfixName(argTokens("\\boldsymbol"), t);
            case "\\begin":
                return matrix(t);
            case "\\cdots":
            case "\\vdots":
            case "\\ddots":
                throw new ParseException("an elision ('" + c + "') cannot be checked; write the sum with "
                        + "\\sum_{n=1}^{N} or list every entry", t.pos() + 1);
            case "\\infty":
                throw new ParseException("\\infty is not supported: derivcheck checks finite expressions", t.pos() + 1);
            default:
                break;
        }
        if (DECORATIONS.contains(c)) {
            List<Token> inner = argTokens(c);
            String base = wordOf(inner, t).orElseThrow(() -> new ParseException(c + "{..} decorates a single name",
                    t.pos() + 1));
            String deco = c.replace("\\", "").replace("overline", "bar").replace("wide", "");
            return nameWithSubscript(TexNames.pick(TexNames.decorated(deco, base), vocab), t);
        }
        throw new ParseException("unknown command '" + c + "': derivcheck reads the LaTeX subset listed in "
                + "docs/grading.md (macros from \\newcommand are not expanded)", t.pos() + 1);
    }

    /** {@code \mathrm{Fisher}}, {@code \operatorname{Var}}, {@code \mathbb{E}}, {@code \mathcal{N}}... */
    private TexSrc word(Token t) {
        List<Token> arg = argTokens(t.text());
        String w = wordOf(arg, t).orElseThrow(() -> new ParseException(t.text() + "{..} must hold a name "
                + "(letters, digits, '_')", t.pos() + 1));
        if (t.isCmd("\\mathbb") && !w.equals("E") && !w.equals("V")) {
            throw new ParseException("\\mathbb{" + w + "} is not an expression (only \\mathbb{E} for an expectation)",
                    t.pos() + 1);
        }
        switch (w) {
            case "E":
                if (!vocab.knows("E")) {
                    return expectation(t, "Expectation");
                }
                break;
            case "V", "Var":
                return expectation(t, "Var");
            case "Cov":
                return expectation(t, "Cov");
            case "KL":
                if (peek().isSym("(") && !vocab.knows("KL")) {
                    return kl(t);
                }
                break;
            case "e":
                return TexSrc.lit("E", t.pos(), ATOM, false);
            default:
                break;
        }
        if (!vocab.knows(w) && TexNames.FUNCTION_WORDS.containsKey(w)) {
            return call(TexNames.FUNCTION_WORDS.get(w), t.pos(), functionArgument(t));
        }
        return nameWithSubscript(w, t);
    }

    private TexSrc postfixName(List<Token> inner, Token at) {
        TexParser p = sub(inner, at);
        TexSrc s = p.primary();
        if (p.peek().kind() != Kind.END) {
            throw unexpected(p.peek(), "the end of \\boldsymbol{..}");
        }
        // a subscript written after \boldsymbol{x}_n belongs to the name
        return s;
    }

    private TexSrc name(String base, Token t) {
        return nameWithSubscript(base, t);
    }

    /** A name, its subscript (part of the name, or the index of indexed data) and its arguments. */
    private TexSrc nameWithSubscript(String base, Token t) {
        String name = base;
        if (peek().kind() == Kind.SUB) {
            Token s = next();
            List<Token> sub = argTokens("a subscript");
            if (vocab.indexed().contains(base)) {
                TexSrc index = sub(sub, s).whole();
                return new TexSrc.Builder().add(base + "(", t.pos()).add(index).add(")", t.pos()).done(ATOM, false);
            }
            String subName = wordOf(sub, s).orElseThrow(() -> new ParseException("the subscript of " + base
                    + " is not a name; declare " + base + " as indexed data to write " + base + "_{n+1}", s.pos() + 1));
            name = TexNames.pick(TexNames.subscripted(base, subName), vocab);
        }
        if ((name.equals("D_KL") || name.equals("DKL")) && peek().isSym("(") && !vocab.knows(name)) {
            return kl(t);
        }
        if (vocab.functions().containsKey(name)) {
            if (!peek().isSym("(")) {
                throw new ParseException("'" + name + "' is a function of " + vocab.functions().get(name)
                        + " argument(s): write " + name + "(...)", t.pos() + 1);
            }
            Token open = next();
            List<TexSrc> args = arguments(open);
            TexSrc c = call(name, t.pos(), args.toArray(new TexSrc[0]));
            return vocab.arrays().contains(name) ? c.withArray(true) : c;
        }
        if (vocab.indexed().contains(name) && peek().isSym("(")) {
            Token open = next();
            List<TexSrc> args = arguments(open);
            return call(name, t.pos(), args.toArray(new TexSrc[0]));
        }
        if (peek().isSym("(") && !vocab.knows(name)) {
            throw new ParseException("'" + name + "(...)': " + name + " is not defined by the rubric; write it as a "
                    + "rubric name, or map this form under notation:", t.pos() + 1);
        }
        return TexSrc.lit(name, t.pos(), ATOM, vocab.arrays().contains(name));
    }

    /** An expression that fills this parser's tokens. */
    TexSrc whole() {
        TexSrc s = expr();
        if (peek().kind() != Kind.END) {
            throw unexpected(peek(), "an operator or the end of the group");
        }
        return s;
    }

    /** A single primary and nothing else (a variable of a derivative). */
    TexSrc primaryOnly() {
        TexSrc s = primary();
        if (peek().kind() != Kind.END) {
            throw unexpected(peek(), "a single variable");
        }
        return s;
    }

    @Override
    TexParser sub(List<Token> slice, Token at) {
        List<Token> ts = new ArrayList<>(slice);
        int end = slice.isEmpty() ? at.pos() : slice.get(slice.size() - 1).pos() + slice.get(slice.size() - 1).text().length();
        ts.add(new Token(Kind.END, "the end of the group", end));
        TexParser p = new TexParser(ts, vocab, depth + 1);
        if (p.depth > MAX_DEPTH) {
            throw new ParseException("the formula is nested too deeply (more than " + MAX_DEPTH + " levels)", at.pos() + 1);
        }
        return p;
    }
}
