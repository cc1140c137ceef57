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
final class TexParser {
    private static final int MAX_DEPTH = 100;
    private static final Set<String> MATRIX_ENVS = Set.of("pmatrix", "bmatrix", "Bmatrix", "matrix", "smallmatrix",
            "array", "vmatrix");
    private static final Set<String> DECORATIONS = Set.of("\\hat", "\\bar", "\\tilde", "\\overline", "\\widehat",
            "\\widetilde", "\\dot");

    private final List<Token> tokens;
    private final TexInput.Vocabulary vocab;
    private int pos;
    private int depth;
    private int matrixDepth;
    /** Integrals open around the current position: their differentials ({@code dZ}) end a product. */
    private int integrals;

    TexParser(List<Token> tokens, TexInput.Vocabulary vocab, int depth) {
        this.tokens = tokens;
        this.vocab = vocab;
        this.depth = depth;
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

    private TexSrc term() {
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

    private TexSrc factor() {
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

    private boolean startsFactor(Token t) {
        return switch (t.kind()) {
            case NUMBER, LETTER, NAME, LBRACE -> true;
            case SYM -> t.text().equals("(") || t.text().equals("[");
            case CMD -> !t.isCmd("\\cdot") && !t.isCmd("\\le") && !t.isCmd("\\ge") && !t.isCmd("\\end")
                    && !t.isCmd("\\pm") && !t.isCmd("\\mp") && !t.isCmd("\\sim") && !isRefusedRelation(t);
            default -> false;
        };
    }

    private static boolean isRefusedRelation(Token t) {
        return Set.of("\\neq", "\\ne", "\\approx", "\\propto", "\\to", "\\rightarrow", "\\Rightarrow", "\\implies",
                "\\iff", "\\Leftrightarrow", "\\equiv", "\\simeq", "\\cong", "\\in", "\\quad").contains(t.text());
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

    private TexSrc primary() {
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

    private boolean isWordAhead(String w) {
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
    private static Optional<String> wordOf(List<Token> arg, Token at) {
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

    private List<TexSrc> arguments(Token open) {
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

    /** {@code KL(q(Z) \| p(Z | X))}, {@code \mathrm{KL}(..)}, {@code D_{KL}(..)}: the Kullback-Leibler divergence. */
    private TexSrc kl(Token t) {
        Token open = next();
        if (!open.isSym("(")) {
            throw unexpected(open, "'(' after KL");
        }
        TexSrc a = expr();
        if (!peek().isSym("|")) {
            throw unexpected(peek(), "'\\|' between the two densities of KL(q \\| p)");
        }
        Token bar = next();
        if (peek().isSym("|")) {
            next();
        }
        TexSrc b = expr();
        expectSym(")");
        return new TexSrc.Builder().add("KL(", t.pos()).add(a).add(" || ", bar.pos()).add(b).add(")", t.pos()).done(ATOM, false);
    }

    /**
     * {@code \int f \, dZ} and {@code \int_{Z} f \, dZ}: over a finite variable, the sum over its support (derivcheck's
     * {@code Sum(f, Z)}); the differential ends the integrand.
     */
    private TexSrc integral(Token t) {
        String declared = null;
        if (peek().kind() == Kind.SUB) {
            Token s = next();
            declared = sub(argTokens("the variable of \\int"), s).primaryOnly().text();
        }
        if (peek().kind() == Kind.SUP) {
            throw new ParseException("an integral with bounds is not understood: derivcheck reads \\int f \\, dZ over the "
                    + "support of a finite variable Z", peek().pos() + 1);
        }
        integrals++;
        TexSrc body;
        try {
            body = expr();
        } finally {
            integrals--;
        }
        integrals++;
        boolean closed;
        try {
            closed = atDifferential();
        } finally {
            integrals--;
        }
        if (!closed) {
            throw new ParseException("the integral has no differential of a declared variable: write \\int f \\, dZ",
                    peek().pos() + 1);
        }
        Token d = next();
        if (d.isCmd("\\mathrm")) {
            argTokens("d");
        }
        TexSrc v = primary();
        if (declared != null && !declared.equals(v.text())) {
            throw new ParseException("the integral's subscript (" + declared + ") and its differential (d" + v.text()
                    + ") name different variables", d.pos() + 1);
        }
        return new TexSrc.Builder().add("Sum(", t.pos()).add(body).add(", ", d.pos()).add(v).add(")", d.pos()).done(ATOM, false);
    }

    /** True at {@code dZ} (or {@code \mathrm{d}Z}) inside an integral, Z a declared symbol. */
    private boolean atDifferential() {
        if (integrals == 0) {
            return false;
        }
        Token t = peek();
        int k;
        if (t.is(Kind.LETTER, "d") && !vocab.knows("d")) {
            k = pos + 1;
        } else if (t.isCmd("\\mathrm") && tokens.get(pos + 1).kind() == Kind.LBRACE && tokens.get(pos + 2).is(Kind.LETTER, "d")
                && tokens.get(pos + 3).kind() == Kind.RBRACE) {
            k = pos + 4;
        } else {
            return false;
        }
        int save = pos;
        int saved = integrals;
        try {
            pos = k;
            integrals = 0;
            Token v = tokens.get(k);
            if (v.kind() != Kind.LETTER && !(v.kind() == Kind.CMD && TexNames.greek(v.text()).isPresent())) {
                return false;
            }
            String name = primary().text();
            return vocab.symbols().contains(name);
        } catch (ParseException e) {
            return false;
        } finally {
            pos = save;
            integrals = saved;
        }
    }

    /** {@code \psi}, {@code \psi_1}, {@code \psi_0}, {@code \psi'}, {@code \psi^{(1)}} applied to an argument. */
    private TexSrc polygamma(Token t) {
        int order = 0;
        if (peek().kind() == Kind.SUB) {
            Token s = next();
            List<Token> sub = argTokens("the order of \\psi");
            if (sub.size() != 1 || sub.get(0).kind() != Kind.NUMBER || sub.get(0).text().length() > 1) {
                throw new ParseException("\\psi_{k} takes a small whole order: \\psi_1 is trigamma", s.pos() + 1);
            }
            order = Integer.parseInt(sub.get(0).text());
        }
        while (peek().isSym("'")) {
            next();
            order++;
        }
        if (peek().kind() == Kind.SUP) {
            Token s = next();
            List<Token> sup = argTokens("the order of \\psi");
            if (sup.size() == 3 && sup.get(0).isSym("(") && sup.get(1).kind() == Kind.NUMBER && sup.get(2).isSym(")")
                    && sup.get(1).text().length() == 1) {
                order = Integer.parseInt(sup.get(1).text());
            } else if (sup.size() == 1 && sup.get(0).isCmd("\\prime")) {
                order++;
            } else {
                throw new ParseException("write \\psi^{(1)}(x) or \\psi_1(x) for trigamma; a power of \\psi needs "
                        + "parentheses: (\\psi(x))^2", s.pos() + 1);
            }
        }
        TexSrc arg = functionArgument(t);
        return switch (order) {
            case 0 -> call("psi", t.pos(), arg);
            case 1 -> call("psi1", t.pos(), arg);
            default -> call("PolyGamma", t.pos(), TexSrc.lit(String.valueOf(order), t.pos(), ATOM, false), arg);
        };
    }

    /**
     * The argument of a function: a parenthesized expression, a {group}, or, without parentheses, the run
     * of plain factors that follows ({@code \log 2\pi} is log(2 pi), {@code \log x_n} is log(x_n)).
     */
    private TexSrc functionArgument(Token fn) {
        if (peek().isSym("(")) {
            Token open = next();
            TexSrc inner = expr();
            if (peek().isSym(",")) {
                throw new ParseException(fn.text() + " takes one argument", peek().pos() + 1);
            }
            expectSym(")");
            return inner;
        }
        if (peek().kind() == Kind.LBRACE || peek().isSym("[") || peek().isCmd("\\mathbb") || peek().isCmd("\\E")) {
            return factor(); // \log \mathbb{E}_q[f]: the log of the expectation
        }
        if (!startsPlainFactor(peek())) {
            throw new ParseException(fn.text() + " needs an argument, e.g. " + fn.text() + "(x)", fn.pos() + 1);
        }
        TexSrc arg = factor();
        while (startsPlainFactor(peek()) && !atDifferential()) {
            Token at = peek();
            arg = mul(arg, factor(), at.pos());
        }
        return arg;
    }

    private boolean startsPlainFactor(Token t) {
        return switch (t.kind()) {
            case NUMBER, LETTER, NAME -> true;
            case CMD -> TexNames.greek(t.text()).isPresent() && !t.isCmd("\\Gamma") || t.isCmd("\\pi")
                    || t.isCmd("\\frac") || t.isCmd("\\sqrt") || t.isCmd("\\boldsymbol") || DECORATIONS.contains(t.text())
                    || t.isCmd("\\mathrm") && !isWordAhead("E");
            default -> false;
        };
    }

    private TexSrc fraction(Token t) {
        List<Token> num = argTokens("the numerator of \\frac");
        List<Token> den = argTokens("the denominator of \\frac");
        Optional<TexSrc> d = derivative(num, den, t);
        if (d.isPresent()) {
            return d.get();
        }
        TexSrc n = sub(num, t).whole();
        TexSrc q = sub(den, t).whole();
        return div(n, q, t.pos());
    }

    /** {@code \frac{\partial f}{\partial x}}, {@code \frac{\partial^2}{\partial x \partial y} f}, {@code \frac{d}{dx}}. */
    private Optional<TexSrc> derivative(List<Token> num, List<Token> den, Token t) {
        boolean partial = !num.isEmpty() && num.get(0).isCmd("\\partial") && !den.isEmpty() && den.get(0).isCmd("\\partial");
        boolean straight = !num.isEmpty() && isD(num, 0) && !den.isEmpty() && isD(den, 0) && den.size() >= 2;
        if (!partial && !straight) {
            return Optional.empty();
        }
        int i = dWidth(num, 0);
        if (i < num.size() && num.get(i).kind() == Kind.SUP) {
            i += 1 + (num.get(i + 1).kind() == Kind.LBRACE ? TexLexer.closingBrace(num, i + 1) - i : 1);
        }
        List<Token> f = num.subList(Math.min(i, num.size()), num.size());
        List<TexSrc> vars = new ArrayList<>();
        int j = 0;
        while (j < den.size()) {
            if (!(den.get(j).isCmd("\\partial") || isD(den, j))) {
                throw new ParseException("the denominator of a derivative lists \\partial x \\partial y ...", den.get(j).pos() + 1);
            }
            j += dWidth(den, j);
            int start = j;
            while (j < den.size() && !den.get(j).isCmd("\\partial") && !isD(den, j) && den.get(j).kind() != Kind.SUP) {
                j++;
            }
            if (start == j) {
                throw new ParseException("a \\partial without a variable", den.get(Math.max(0, j - 1)).pos() + 1);
            }
            TexSrc v = sub(den.subList(start, j), den.get(start)).primaryOnly();
            int times = 1;
            if (j < den.size() && den.get(j).kind() == Kind.SUP) {
                List<Token> rest = den.subList(j + 1, den.size());
                Token k = rest.isEmpty() ? den.get(j) : rest.get(0).kind() == Kind.LBRACE && rest.size() > 1 ? rest.get(1) : rest.get(0);
                if (k.kind() != Kind.NUMBER || k.text().length() > 1) {
                    throw new ParseException("the order of a derivative is a small whole number", k.pos() + 1);
                }
                times = Integer.parseInt(k.text());
                j += rest.get(0).kind() == Kind.LBRACE ? 4 : 2;
            }
            for (int k = 0; k < times; k++) {
                vars.add(v);
            }
        }
        TexSrc body = f.isEmpty() ? term() : sub(f, f.get(0)).whole();
        TexSrc[] args = new TexSrc[vars.size() + 1];
        args[0] = body;
        for (int k = 0; k < vars.size(); k++) {
            args[k + 1] = vars.get(k);
        }
        return Optional.of(call("D", t.pos(), args));
    }

    private boolean isD(List<Token> ts, int i) {
        if (ts.get(i).is(Kind.LETTER, "d") && !vocab.knows("d")) {
            return true;
        }
        return ts.get(i).isCmd("\\mathrm") && i + 3 < ts.size() + 1 && i + 2 < ts.size()
                && ts.get(i + 1).kind() == Kind.LBRACE && ts.get(i + 2).is(Kind.LETTER, "d");
    }

    private static int dWidth(List<Token> ts, int i) {
        return ts.get(i).isCmd("\\mathrm") ? 4 : 1;
    }

    /** An expression that fills this parser's tokens. */
    private TexSrc whole() {
        TexSrc s = expr();
        if (peek().kind() != Kind.END) {
            throw unexpected(peek(), "an operator or the end of the group");
        }
        return s;
    }

    /** A single primary and nothing else (a variable of a derivative). */
    private TexSrc primaryOnly() {
        TexSrc s = primary();
        if (peek().kind() != Kind.END) {
            throw unexpected(peek(), "a single variable");
        }
        return s;
    }

    private TexSrc sqrt(Token t) {
        if (peek().isSym("[")) {
            next();
            TexSrc n = expr();
            expectSym("]");
            TexSrc x = sub(argTokens("\\sqrt"), t).whole();
            TexSrc one = TexSrc.lit("1", t.pos(), ATOM, false);
            return pow(x, div(one, n, t.pos()), t.pos());
        }
        return call("Sqrt", t.pos(), sub(argTokens("\\sqrt"), t).whole());
    }

    /** {@code \sum_{n=1}^{N} body}: the body is the product that follows. */
    private TexSrc sum(Token t) {
        if (peek().kind() != Kind.SUB) {
            throw new ParseException(t.text() + " needs its range: " + t.text() + "_{n=1}^{N}", t.pos() + 1);
        }
        Token s = next();
        List<Token> range = argTokens("the range of " + t.text());
        int eq = -1;
        for (int i = 0; i < range.size(); i++) {
            if (range.get(i).isSym("=")) {
                eq = i;
                break;
            }
        }
        if (eq < 1) {
            throw new ParseException(t.text() + " needs its range: " + t.text() + "_{n=1}^{N}", s.pos() + 1);
        }
        String index = wordOf(range.subList(0, eq), s).orElseThrow(() -> new ParseException("the index of "
                + t.text() + " is a name, e.g. n", s.pos() + 1));
        TexSrc lo = sub(range.subList(eq + 1, range.size()), s).whole();
        if (peek().kind() != Kind.SUP) {
            throw new ParseException(t.text() + " needs its upper limit: " + t.text() + "_{n=1}^{N}", t.pos() + 1);
        }
        Token u = next();
        TexSrc hi = sub(argTokens("the upper limit of " + t.text()), u).whole();
        String fn = t.isCmd("\\sum") ? "Sum" : "Product";
        if (fn.equals("Sum") && peek().isCmd("\\nabla")) {
            // the sum of gradients is the gradient of the sum (finite sums are linear): derivcheck reduces the latter
            Token nabla = next();
            Nabla n = nablaVariables(nabla);
            TexSrc inner = term();
            TexSrc summed = new TexSrc.Builder().add("Sum(", t.pos()).add(inner).add(", {" + index + ", ", t.pos()).add(lo)
                    .add(", ", t.pos()).add(hi).add("})", t.pos()).done(ATOM, false);
            return new TexSrc.Builder().add(n.hessian() ? "Hessian(" : "Gradient(", nabla.pos()).add(summed)
                    .add(", " + n.vars() + ")", nabla.pos()).done(ATOM, true);
        }
        TexSrc body = term();
        return new TexSrc.Builder().add(fn + "(", t.pos()).add(body).add(", {" + index + ", ", t.pos()).add(lo)
                .add(", ", t.pos()).add(hi).add("})", t.pos()).done(ATOM, body.array());
    }

    /** {@code \nabla_{\alpha,\beta} f}, {@code \nabla_\theta f} (a variable list), {@code \nabla^2_\theta f}. */
    private TexSrc nabla(Token t) {
        Nabla n = nablaVariables(t);
        TexSrc body = term();
        if (!n.hessian() && n.vars().matches("\\{[A-Za-z][A-Za-z0-9_]*\\}") && !body.array()) {
            // the gradient in one scalar variable is the derivative
            return new TexSrc.Builder().add("D(", t.pos()).add(body).add(", " + n.vars().substring(1, n.vars().length() - 1)
                    + ")", t.pos()).done(ATOM, false);
        }
        return new TexSrc.Builder().add(n.hessian() ? "Hessian(" : "Gradient(", t.pos()).add(body).add(", " + n.vars() + ")", t.pos())
                .done(ATOM, true);
    }

    private record Nabla(String vars, boolean hessian) {
    }

    /** The subscript (and ^2, or a second \nabla ..^T) of a \nabla. */
    private Nabla nablaVariables(Token t) {
        boolean hessian = false;
        List<Token> subTokens = null;
        for (int k = 0; k < 2; k++) {
            if (peek().kind() == Kind.SUB && subTokens == null) {
                next();
                subTokens = argTokens("the variables of \\nabla");
            } else if (peek().kind() == Kind.SUP) {
                Token s = next();
                List<Token> sup = argTokens("a superscript of \\nabla");
                if (sup.size() != 1 || !sup.get(0).is(Kind.NUMBER, "2")) {
                    throw new ParseException("\\nabla^2 is the Hessian; other powers are not understood", s.pos() + 1);
                }
                hessian = true;
            }
        }
        if (subTokens == null) {
            throw new ParseException("\\nabla needs its variables: \\nabla_{\\alpha,\\beta} f", t.pos() + 1);
        }
        String vars = variables(subTokens, t);
        // \nabla_x \nabla_x^T f is the Hessian too
        if (!hessian && peek().isCmd("\\nabla")) {
            int save = pos;
            next();
            if (peek().kind() == Kind.SUB) {
                next();
                String again = variables(argTokens("the variables of \\nabla"), t);
                if (again.equals(vars) && peek().kind() == Kind.SUP) {
                    Token s = next();
                    List<Token> sup = argTokens("a superscript");
                    if (sup.size() == 1 && (sup.get(0).isCmd("\\top") || sup.get(0).is(Kind.LETTER, "T"))) {
                        hessian = true;
                    }
                }
            }
            if (!hessian) {
                pos = save;
            }
        }
        return new Nabla(vars, hessian);
    }

    private String variables(List<Token> ts, Token at) {
        List<Token> inner = ts;
        if (inner.size() >= 2 && inner.get(0).isSym("(") && inner.get(inner.size() - 1).isSym(")")) {
            inner = inner.subList(1, inner.size() - 1);
        }
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= inner.size(); i++) {
            if (i == inner.size() || inner.get(i).isSym(",")) {
                if (i == start) {
                    throw new ParseException("an empty variable in the subscript of \\nabla", at.pos() + 1);
                }
                TexSrc v = sub(inner.subList(start, i), inner.get(start)).primaryOnly();
                if (names.isEmpty() && i == inner.size() && vocab.variableLists().containsKey(v.text())) {
                    return "{" + String.join(", ", vocab.variableLists().get(v.text())) + "}";
                }
                names.add(v.text());
                start = i + 1;
            }
        }
        return "{" + String.join(", ", names) + "}";
    }

    /** {@code \partial_x f}: the derivative of the product that follows. */
    private TexSrc partial(Token t) {
        if (peek().kind() != Kind.SUB) {
            throw new ParseException("a lone \\partial: write \\frac{\\partial f}{\\partial x} or \\partial_x f", t.pos() + 1);
        }
        next();
        TexSrc v = sub(argTokens("the variable of \\partial"), t).primaryOnly();
        TexSrc body = term();
        return call("D", t.pos(), body, v);
    }

    /** {@code \mathbb{E}_{x \sim \mathrm{Gamma}(a,b)}[f]}, {@code \mathbb{E}_q[f]}, Var and Cov alike. */
    private TexSrc expectation(Token t, String fn) {
        String specs;
        if (peek().kind() == Kind.SUB) {
            Token s = next();
            List<Token> sub = argTokens("the subscript of the expectation");
            String key = key(sub);
            specs = vocab.expectations().containsKey(key) ? vocab.expectations().get(key)
                    : sub.stream().anyMatch(x -> x.isCmd("\\sim")) ? sub(sub, s).specs() : densitySpecs(sub, s);
        } else if (vocab.expectations().containsKey("")) {
            specs = vocab.expectations().get("");
        } else {
            throw new ParseException("say under which distribution: \\mathbb{E}_{x \\sim \\mathrm{Gamma}(a, b)}[...]",
                    t.pos() + 1);
        }
        Token open = peek();
        String close;
        if (open.isSym("[")) {
            close = "]";
        } else if (open.isSym("(")) {
            close = ")";
        } else if (open.kind() == Kind.LBRACE) {
            close = "}";
        } else {
            throw new ParseException("the expectation needs its argument in brackets: \\mathbb{E}_{...}[f]", open.pos() + 1);
        }
        next();
        TexSrc body = expr();
        if (close.equals("}")) {
            expect(Kind.RBRACE, "}");
        } else {
            expectSym(close);
        }
        return new TexSrc.Builder().add(fn + "(", t.pos()).add(body).add(", " + specs + ")", t.pos())
                .done(ATOM, body.array() || fn.equals("Cov"));
    }

    /**
     * The specs of {@code \mathbb{E}_{q(Z)}}, {@code \mathbb{E}_{q(Z | X)}}, {@code \mathbb{E}_{q_2(Z_2) q_3(Z_3)}}: each
     * density written with its variables; the expectation is over those variables.
     */
    private String densitySpecs(List<Token> sub, Token at) {
        TexSrc e = sub(sub, at).whole();
        List<String> out = new ArrayList<>();
        for (String factor : TexNames.topLevel(e.text(), '*')) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9_]*)\\((.*)\\)$").matcher(factor.strip());
            if (!m.matches() || !vocab.functions().containsKey(m.group(1))) {
                throw new ParseException("say under which distribution: \\mathbb{E}_{q(Z)}, \\mathbb{E}_{x \\sim "
                        + "\\mathrm{Gamma}(a, b)}, or map this subscript under 'expectations:' in the context", at.pos() + 1);
            }
            String args = m.group(2);
            int bar = args.indexOf(" | ");
            List<String> vars = TexNames.topLevel(bar >= 0 ? args.substring(0, bar) : args, ',');
            String lhs = vars.size() == 1 ? vars.get(0).strip() : "{" + String.join(", ", vars.stream().map(String::strip).toList()) + "}";
            out.add(lhs + " ~ " + (bar >= 0 ? factor.strip() : m.group(1)));
        }
        return String.join(", ", out);
    }

    /** Distribution specs {@code x \sim \mathrm{Gamma}(a, b), ...} as derivcheck text. */
    private String specs() {
        List<String> out = new ArrayList<>();
        while (true) {
            List<String> vars = new ArrayList<>();
            if (peek().isSym("(")) {
                next();
                vars.add(primary().text());
                while (peek().isSym(",")) {
                    next();
                    vars.add(primary().text());
                }
                expectSym(")");
            } else {
                vars.add(primary().text());
            }
            Token sim = next();
            if (!sim.isCmd("\\sim")) {
                throw new ParseException("expected '\\sim' after the variable, as in x \\sim \\mathrm{Gamma}(a, b)",
                        sim.pos() + 1);
            }
            Token fam = next();
            String famWord;
            if (fam.isCmd("\\Gamma")) {
                famWord = "\\Gamma";
            } else if (fam.kind() == Kind.LETTER) {
                famWord = fam.text();
            } else if (fam.kind() == Kind.CMD && Set.of("\\mathrm", "\\text", "\\operatorname", "\\mathcal")
                    .contains(fam.text())) {
                famWord = wordOf(argTokens("a family"), fam).orElse("?");
            } else {
                throw new ParseException("expected a family such as \\mathrm{Gamma}(a, b) or \\mathcal{N}(m, v)",
                        fam.pos() + 1);
            }
            String family = TexNames.family(famWord).orElseThrow(() -> new ParseException("unknown family '" + famWord
                    + "': Gamma, \\mathcal{N} (Normal), Exp, Bernoulli, Uniform, NormalGamma, Beta, Poisson, Bin, Geom, "
                    + "LogNormal, InvGamma, St, Laplace", fam.pos() + 1));
            Token open = next();
            if (!open.isSym("(")) {
                throw new ParseException("the family's parameters go in parentheses", open.pos() + 1);
            }
            List<TexSrc> params = arguments(open);
            List<String> ps = new ArrayList<>();
            for (TexSrc p : params) {
                ps.add(p.text());
            }
            String lhs = vars.size() == 1 ? vars.get(0) : "{" + String.join(", ", vars) + "}";
            out.add(lhs + " ~ " + family + "(" + String.join(", ", ps) + ")");
            if (peek().isSym(",")) {
                next();
                continue;
            }
            if (peek().kind() != Kind.END) {
                throw unexpected(peek(), "',' or the end of the subscript");
            }
            return String.join(", ", out);
        }
    }

    /** {@code \begin{pmatrix} a & b \\ c & d \end{pmatrix}}; one row or one column is a vector. */
    private TexSrc matrix(Token t) {
        List<Token> nameTokens = argTokens("\\begin");
        String env = wordOf(nameTokens, t).orElse("?");
        if (!MATRIX_ENVS.contains(env)) {
            throw new ParseException("environment '" + env + "' is not understood inside a formula (pmatrix, bmatrix, "
                    + "matrix and array are)", t.pos() + 1);
        }
        if (env.equals("vmatrix")) {
            throw new ParseException("vmatrix (a determinant) is not understood; write \\det(...)", t.pos() + 1);
        }
        if (env.equals("array") && peek().kind() == Kind.LBRACE) {
            argTokens("the columns of array");
        }
        matrixDepth++;
        List<List<TexSrc>> rows = new ArrayList<>();
        List<TexSrc> row = new ArrayList<>();
        try {
            while (!peek().isCmd("\\end")) {
                row.add(expr());
                if (peek().kind() == Kind.AMP) {
                    next();
                } else if (peek().kind() == Kind.NEWLINE) {
                    next();
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (!peek().isCmd("\\end")) {
                    throw unexpected(peek(), "'&', '\\\\' or \\end{" + env + "}");
                }
            }
        } finally {
            matrixDepth--;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        Token end = next();
        String endName = wordOf(argTokens("\\end"), end).orElse("?");
        if (!endName.equals(env)) {
            throw new ParseException("\\begin{" + env + "} is closed by \\end{" + endName + "}", end.pos() + 1);
        }
        if (rows.isEmpty()) {
            throw new ParseException("an empty matrix", t.pos() + 1);
        }
        TexSrc.Builder b = new TexSrc.Builder();
        boolean column = rows.stream().allMatch(r -> r.size() == 1);
        if (column || rows.size() == 1) {
            List<TexSrc> items = column ? rows.stream().map(r -> r.get(0)).toList() : rows.get(0);
            b.add("{", t.pos());
            for (int i = 0; i < items.size(); i++) {
                b.add(i == 0 ? "" : ", ", t.pos()).add(items.get(i));
            }
            return b.add("}", t.pos()).done(ATOM, true);
        }
        int width = rows.get(0).size();
        b.add("{", t.pos());
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != width) {
                throw new ParseException("row " + (r + 1) + " of the matrix has " + rows.get(r).size() + " entries, row 1 has "
                        + width, t.pos() + 1);
            }
            b.add(r == 0 ? "{" : ", {", t.pos());
            for (int c = 0; c < width; c++) {
                b.add(c == 0 ? "" : ", ", t.pos()).add(rows.get(r).get(c));
            }
            b.add("}", t.pos());
        }
        return b.add("}", t.pos()).done(ATOM, true);
    }

    // ---- emitting ------------------------------------------------------------------------------------

    private static TexSrc call(String fn, int pos, TexSrc... args) {
        TexSrc.Builder b = new TexSrc.Builder().add(fn + "(", pos);
        boolean array = false;
        for (int i = 0; i < args.length; i++) {
            b.add(i == 0 ? "" : ", ", pos).add(args[i]);
            array |= args[i].array();
        }
        return b.add(")", pos).done(ATOM, array && !fn.equals("Det") && !fn.equals("Tr"));
    }

    private static TexSrc mul(TexSrc a, TexSrc b, int pos) {
        if (a.array() && b.array()) {
            return new TexSrc.Builder().add(a.wrap(ATOM)).add(" . ", pos).add(b.wrap(ATOM)).done(MUL, true);
        }
        return new TexSrc.Builder().add(a.wrap(MUL)).add("*", pos).add(b.wrap(MUL)).done(MUL, a.array() || b.array());
    }

    private static TexSrc div(TexSrc a, TexSrc b, int pos) {
        return new TexSrc.Builder().add(a.wrap(MUL)).add("/", pos).add(b.wrap(POW)).done(MUL, a.array());
    }

    private static TexSrc add(TexSrc a, String op, TexSrc b, int pos) {
        return new TexSrc.Builder().add(a).add(" " + op + " ", pos).add(b.wrap(op.equals("-") ? MUL : NEG + 1))
                .done(ADD, a.array() || b.array());
    }

    private static TexSrc neg(TexSrc a, int pos) {
        return new TexSrc.Builder().add("-", pos).add(a.wrap(MUL)).done(NEG, a.array());
    }

    private static TexSrc pow(TexSrc a, TexSrc b, int pos) {
        return new TexSrc.Builder().add(a.wrap(ATOM)).add("^", pos).add(b.wrap(ATOM)).done(POW, false);
    }

    // ---- tokens ------------------------------------------------------------------------------------------

    private Token peek() {
        while (matrixDepth == 0 && tokens.get(pos).kind() == Kind.AMP) {
            pos++;
        }
        return tokens.get(pos);
    }

    private Token next() {
        Token t = peek();
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private void expect(Kind k, String what) {
        Token t = next();
        if (t.kind() != k) {
            throw unexpected(t, "'" + what + "'");
        }
    }

    private void expectSym(String s) {
        Token t = next();
        if (!t.isSym(s)) {
            throw unexpected(t, "'" + s + "'");
        }
    }

    private static ParseException unexpected(Token t, String expected) {
        String what = t.kind() == Kind.END ? "the end of the formula" : "'" + t.text() + "'";
        if (t.kind() == Kind.CMD && isRefusedRelation(t)) {
            return new ParseException("'" + t.text() + "' is not a relation derivcheck checks (=, \\le, \\ge, <, >); "
                    + "split the line into steps that are", t.pos() + 1);
        }
        return new ParseException("unexpected " + what + ": expected " + expected, t.pos() + 1);
    }

    /** The tokens of a {group} (without braces) or the single token that follows. */
    private List<Token> argTokens(String what) {
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
            throw new ParseException("TeX takes one digit here: write {" + t.text() + "} in braces", t.pos() + 1);
        }
        return List.of(t);
    }

    /** The normalized spelling of tokens, as {@link TexInput#normalized} gives for notation keys. */
    private String key(List<Token> ts) {
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

    /** A parser over a slice (a group's tokens), sharing the vocabulary and the depth budget. */
    private TexParser sub(List<Token> slice, Token at) {
        List<Token> ts = new ArrayList<>(slice);
        int end = slice.isEmpty() ? at.pos() : slice.get(slice.size() - 1).pos() + slice.get(slice.size() - 1).text().length();
        ts.add(new Token(Kind.END, "the end of the group", end));
        TexParser p = new TexParser(ts, vocab, depth + 1);
        if (p.depth > MAX_DEPTH) {
            throw new ParseException("the formula is nested too deeply (more than " + MAX_DEPTH + " levels)", at.pos() + 1);
        }
        return p;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ParseException("the formula is nested too deeply (more than " + MAX_DEPTH + " levels)",
                    peek().pos() + 1);
        }
    }
}
