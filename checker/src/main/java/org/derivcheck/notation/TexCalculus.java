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

/** The LaTeX reader's calculus: derivatives, gradients, sums and products, functions and their arguments. */
abstract class TexCalculus extends TexBinders {
    TexCalculus(List<Token> tokens, TexInput.Vocabulary vocab, int depth) {
        super(tokens, vocab, depth);
    }

    /** {@code \psi}, {@code \psi_1}, {@code \psi_0}, {@code \psi'}, {@code \psi^{(1)}} applied to an argument. */
    TexSrc polygamma(Token t) {
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
    TexSrc functionArgument(Token fn) {
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

    boolean startsPlainFactor(Token t) {
        return switch (t.kind()) {
            case NUMBER, LETTER, NAME -> true;
            case CMD -> TexNames.greek(t.text()).isPresent() && !t.isCmd("\\Gamma") || t.isCmd("\\pi")
                    || t.isCmd("\\frac") || t.isCmd("\\sqrt") || t.isCmd("\\boldsymbol") || DECORATIONS.contains(t.text())
                    || t.isCmd("\\mathrm") && !isWordAhead("E");
            default -> false;
        };
    }

    TexSrc fraction(Token t) {
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
    Optional<TexSrc> derivative(List<Token> num, List<Token> den, Token t) {
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

    boolean isD(List<Token> ts, int i) {
        if (ts.get(i).is(Kind.LETTER, "d") && !vocab.knows("d")) {
            return true;
        }
        return ts.get(i).isCmd("\\mathrm") && i + 3 < ts.size() + 1 && i + 2 < ts.size()
                && ts.get(i + 1).kind() == Kind.LBRACE && ts.get(i + 2).is(Kind.LETTER, "d");
    }

    static int dWidth(List<Token> ts, int i) {
        return ts.get(i).isCmd("\\mathrm") ? 4 : 1;
    }

    TexSrc sqrt(Token t) {
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
    TexSrc sum(Token t) {
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
        String index;
        TexSrc lo;
        TexSrc hi;
        if (eq < 0 && peek().kind() != Kind.SUP && wordOf(range, s).isPresent()) {
            // a bare \sum_n: the range of n is the context's (indices: {n: "1, N"}); it is never guessed
            index = wordOf(range, s).get();
            String bounds = vocab.indices().get(index);
            if (bounds == null) {
                throw new ParseException(t.text() + "_" + index + " does not say the range of " + index + ": write "
                        + t.text() + "_{" + index + "=1}^{N}, or give it in the context under indices: (" + index
                        + ": 1, N)", s.pos() + 1);
            }
            List<String> ends = TexNames.topLevel(bounds, ',');
            lo = TexSrc.lit(ends.get(0).strip(), s.pos(), ATOM, false); // an element of {n, lo, hi}: no parentheses needed
            hi = TexSrc.lit(ends.get(1).strip(), s.pos(), ATOM, false);
        } else {
            if (eq < 1) {
                throw new ParseException(t.text() + " needs its range: " + t.text() + "_{n=1}^{N}", s.pos() + 1);
            }
            index = wordOf(range.subList(0, eq), s).orElseThrow(() -> new ParseException("the index of "
                    + t.text() + " is a name, e.g. n", s.pos() + 1));
            lo = sub(range.subList(eq + 1, range.size()), s).whole();
            if (peek().kind() != Kind.SUP) {
                throw new ParseException(t.text() + " needs its upper limit: " + t.text() + "_{n=1}^{N}", t.pos() + 1);
            }
            Token u = next();
            hi = sub(argTokens("the upper limit of " + t.text()), u).whole();
        }
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
    TexSrc nabla(Token t) {
        Nabla n = nablaVariables(t);
        TexSrc body = operand();
        if (!n.hessian() && n.vars().matches("\\{[A-Za-z][A-Za-z0-9_]*\\}") && !body.array()) {
            // the gradient in one scalar variable is the derivative
            return new TexSrc.Builder().add("D(", t.pos()).add(body).add(", " + n.vars().substring(1, n.vars().length() - 1)
                    + ")", t.pos()).done(ATOM, false);
        }
        return new TexSrc.Builder().add(n.hessian() ? "Hessian(" : "Gradient(", t.pos()).add(body).add(", " + n.vars() + ")", t.pos())
                .done(ATOM, true);
    }

    record Nabla(String vars, boolean hessian) {
    }

    /** The subscript (and ^2, or a second \nabla ..^T) of a \nabla. */
    Nabla nablaVariables(Token t) {
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

    String variables(List<Token> ts, Token at) {
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
    TexSrc partial(Token t) {
        if (peek().kind() != Kind.SUB) {
            throw new ParseException("a lone \\partial: write \\frac{\\partial f}{\\partial x} or \\partial_x f", t.pos() + 1);
        }
        next();
        TexSrc v = sub(argTokens("the variable of \\partial"), t).primaryOnly();
        TexSrc body = operand();
        return call("D", t.pos(), body, v);
    }

    /**
     * What {@code \nabla_x} or {@code \partial_x} applies to: the product that follows, except that a log written
     * first is the operand alone ({@code \nabla_\lambda \log q(z) (f - g)} is the score times (f - g), as the
     * score-function literature writes it).
     */
    private TexSrc operand() {
        if (peek().isCmd("\\log") || peek().isCmd("\\ln")) {
            return factor();
        }
        return term();
    }
}
