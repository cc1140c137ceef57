package org.derivcheck.notation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the LaTeX of one formula line (as students write it in {@code align} or {@code equation}) and
 * translates it into derivcheck's expression syntax, which {@link ChainReader} then parses (and {@code cas} resolves) with the
 * same allow-list as every other input: LaTeX never reaches Symja. {@code \log}/{@code \ln} are the
 * natural log, {@code \psi} digamma, {@code \psi_1}/{@code \psi'} trigamma; {@code \frac},
 * {@code \sqrt}, powers, subscripted names, matrices, sums, expectations, partial derivatives and
 * gradients are understood. Anything else is refused with a {@link ParseException} whose column is
 * the 1-based column in the LaTeX given: nothing is guessed.
 */
public final class TexInput {
    private TexInput() {
    }

    /**
     * The names a submission may use, from the rubric or derivation.
     *
     * @param symbols       declared scalar symbols
     * @param indexed       declared indexed data (written x_n in LaTeX, x(n) in derivcheck)
     * @param functions     defined functions and their number of arguments
     * @param constants     defined names without arguments
     * @param arrays        names (symbols or constants) whose value is a vector or matrix
     * @param variableLists names standing for a list of symbols, for {@code \nabla_\theta}
     * @param expectations  LaTeX subscripts of {@code \mathbb{E}} (e.g. "q", "" for none) to derivcheck
     *                      distribution text ("mu ~ Normal(m, 1/l), tau ~ Gamma(a, b)")
     * @param notation      LaTeX forms (e.g. "F(\theta)", "\log q(\mu,\tau)") to derivcheck text
     * @param indices       the range ("1, N") of an index a bare {@code \sum_n} or {@code \prod_n} runs over
     */
    public record Vocabulary(Set<String> symbols, Set<String> indexed, Map<String, Integer> functions,
            Set<String> constants, Set<String> arrays, Map<String, List<String>> variableLists,
            Map<String, String> expectations, Map<String, String> notation, Map<String, String> indices) {
        public Vocabulary {
            symbols = Set.copyOf(symbols);
            indexed = Set.copyOf(indexed);
            functions = Map.copyOf(functions);
            constants = Set.copyOf(constants);
            arrays = Set.copyOf(arrays);
            variableLists = Map.copyOf(variableLists);
            expectations = Map.copyOf(expectations);
            notation = Map.copyOf(notation);
            indices = Map.copyOf(indices);
        }

        public Vocabulary(Set<String> symbols, Set<String> indexed, Map<String, Integer> functions, Set<String> constants,
                Set<String> arrays, Map<String, List<String>> variableLists, Map<String, String> expectations,
                Map<String, String> notation) {
            this(symbols, indexed, functions, constants, arrays, variableLists, expectations, notation, Map.of());
        }

        public static Vocabulary empty() {
            return new Vocabulary(Set.of(), Set.of(), Map.of(), Set.of(), Set.of(), Map.of(), Map.of(), Map.of());
        }

        boolean knows(String name) {
            return symbols.contains(name) || indexed.contains(name) || functions.containsKey(name)
                    || constants.contains(name) || variableLists.containsKey(name);
        }
    }

    /**
     * One expression of a line and its relation to the expression before it ("" for the first
     * expression of a line that does not start with a relation).
     *
     * @param map the 0-based LaTeX offset of every character of {@code text}
     */
    public record Link(String relation, String text, int[] map) {
        /** The 1-based LaTeX column of the 1-based column {@code column} of {@link #text()}. */
        public int sourceColumn(int column) {
            if (map.length == 0) {
                return 1;
            }
            int i = Math.max(0, Math.min(map.length - 1, column - 1));
            return map[i] + 1;
        }
    }

    /**
     * Translates one line. A line may start with a relation ({@code &= ...}, the continuation of a chain)
     * and may hold several relations ({@code a = b \le c}).
     *
     * @throws ParseException with the 1-based column in {@code latex}
     */
    public static List<Link> translate(String latex, Vocabulary vocabulary) {
        List<TexLexer.Token> tokens = applyNotation(TexLexer.lex(latex), vocabulary);
        return new TexParser(tokens, vocabulary, 0).chain();
    }

    /** The normalized spelling of a LaTeX fragment: tokens without spaces, for matching notation keys. */
    public static String normalized(String latex) {
        StringBuilder sb = new StringBuilder();
        for (TexLexer.Token t : TexLexer.lex(latex)) {
            if (t.kind() != TexLexer.Kind.END) {
                sb.append(t.text());
                if (t.kind() == TexLexer.Kind.CMD) {
                    sb.append(' ');
                }
            }
        }
        return sb.toString().trim();
    }

    /** True when the derivcheck text is one name or one call, which needs no parentheses around it. */
    static boolean isAtom(String text) {
        try {
            List<SyntaxParser.Link> links = SyntaxParser.parseChain(text);
            return links.size() == 1 && (links.get(0).expr() instanceof Syntax.Name
                    || links.get(0).expr() instanceof Syntax.Call || links.get(0).expr() instanceof Syntax.ListLit);
        } catch (ParseException e) {
            return false;
        }
    }

    private record Pattern(List<TexLexer.Token> tokens, String replacement) {
    }

    /** Replaces every occurrence of a notation form by one NAME token holding its derivcheck text. */
    static List<TexLexer.Token> applyNotation(List<TexLexer.Token> tokens, Vocabulary v) {
        if (v.notation().isEmpty()) {
            return tokens;
        }
        List<Pattern> patterns = new ArrayList<>();
        for (var e : v.notation().entrySet()) {
            List<TexLexer.Token> p = new ArrayList<>(TexLexer.lex(e.getKey()));
            p.remove(p.size() - 1);
            if (!p.isEmpty()) {
                patterns.add(new Pattern(p, e.getValue()));
            }
        }
        patterns.sort(Comparator.comparingInt((Pattern p) -> -p.tokens().size()));
        List<TexLexer.Token> out = new ArrayList<>();
        int i = 0;
        outer:
        while (i < tokens.size()) {
            for (Pattern p : patterns) {
                if (matches(tokens, i, p.tokens())) {
                    out.add(new TexLexer.Token(TexLexer.Kind.NAME, p.replacement(), tokens.get(i).pos()));
                    i += p.tokens().size();
                    continue outer;
                }
            }
            out.add(tokens.get(i));
            i++;
        }
        return out;
    }

    private static boolean matches(List<TexLexer.Token> ts, int at, List<TexLexer.Token> p) {
        if (at + p.size() > ts.size()) {
            return false;
        }
        for (int k = 0; k < p.size(); k++) {
            TexLexer.Token a = ts.get(at + k);
            TexLexer.Token b = p.get(k);
            if (a.kind() != b.kind() || !a.text().equals(b.text())) {
                return false;
            }
        }
        return true;
    }
}
