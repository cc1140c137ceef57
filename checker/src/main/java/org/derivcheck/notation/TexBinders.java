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

/** The LaTeX reader's binders: integrals, expectations and their distributions, KL, matrices. */
abstract class TexBinders extends TexCursor {
    static final Set<String> MATRIX_ENVS = Set.of("pmatrix", "bmatrix", "Bmatrix", "matrix", "smallmatrix",
            "array", "vmatrix");

    TexBinders(List<Token> tokens, TexInput.Vocabulary vocab, int depth) {
        super(tokens, vocab, depth);
    }

    /** {@code KL(q(Z) \| p(Z | X))}, {@code \mathrm{KL}(..)}, {@code D_{KL}(..)}: the Kullback-Leibler divergence. */
    TexSrc kl(Token t) {
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
    TexSrc integral(Token t) {
        String declared = null;
        if (peek().kind() == Kind.SUB) {
            Token s = next();
            declared = sub(argTokens("the variable of \\int"), s).primaryOnly().text();
        }
        if (peek().kind() == Kind.SUP) {
            throw new ParseException("an integral with bounds is not understood: derivcheck reads \\int f \\, dZ over the "
                    + "support of a finite variable Z", peek().pos() + 1);
        }
        String law = lawAhead();
        integrals++;
        TexSrc body;
        try {
            body = law != null && atDifferential() ? TexSrc.lit("1", t.pos(), ATOM, false) : expr();
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
        if (law != null) {
            if (!law.startsWith(v.text() + " ~ ")) {
                throw new ParseException("the density written first is that of " + law + ", but the integral is over "
                        + v.text(), t.pos() + 1);
            }
            return new TexSrc.Builder().add("Expectation(", t.pos()).add(body).add(", " + law + ")", d.pos()).done(ATOM, false);
        }
        return new TexSrc.Builder().add("Sum(", t.pos()).add(body).add(", ", d.pos()).add(v).add(")", d.pos()).done(ATOM, false);
    }

    /**
     * {@code \int p(\theta) f(\theta) \, d\theta} over a real variable: when the integrand starts with a density that the
     * context names as a law under {@code expectations:} ({@code "p(\theta)": "theta ~ Beta(a, b)"}), the integral is
     * the expectation of the rest under that law; the density's tokens are consumed. Null otherwise (then the
     * integral is the sum over a finite variable's support).
     */
    private String lawAhead() {
        for (var e : vocab.expectations().entrySet()) {
            if (!e.getValue().matches("[A-Za-z][A-Za-z0-9_]* ~ [A-Za-z]+\\(.*\\)") || !e.getKey().matches(".+\\(.+\\)")) {
                continue; // only a density written with its variable, p(\\theta), under a law; an abstract density's
                          // expectation stays a sum over its support, and a bare subscript (E_p) is no density
            }
            List<Token> key = new ArrayList<>(TexLexer.lex(e.getKey()));
            key.remove(key.size() - 1);
            if (key.isEmpty() || pos + key.size() > tokens.size()) {
                continue;
            }
            boolean same = true;
            for (int k = 0; k < key.size() && same; k++) {
                Token a = tokens.get(pos + k);
                same = a.kind() == key.get(k).kind() && a.text().equals(key.get(k).text());
            }
            if (same) {
                pos += key.size();
                return e.getValue();
            }
        }
        return null;
    }

    /** True at {@code dZ} (or {@code \mathrm{d}Z}) inside an integral, Z a declared symbol. */
    boolean atDifferential() {
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

    /** {@code \mathbb{E}_{x \sim \mathrm{Gamma}(a,b)}[f]}, {@code \mathbb{E}_q[f]}, Var and Cov alike. */
    TexSrc expectation(Token t, String fn) {
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
    String densitySpecs(List<Token> sub, Token at) {
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
    String specs() {
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
            // a word that is not a built-in family may name one the context declares (families:): the resolver decides
            String family = TexNames.family(famWord).or(() -> famWord.matches("[A-Za-z][A-Za-z0-9]*") ? Optional.of(famWord)
                    : Optional.empty()).orElseThrow(() -> new ParseException("unknown family '" + famWord
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
    TexSrc matrix(Token t) {
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
}
