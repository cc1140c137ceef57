package org.derivcheck.notation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one chain grammar, for derivation files, rubrics and submissions alike: the first line of a chain may hold a
 * whole chain ({@code a = b <= c}); every later line starts with its relation to the line before ({@code = b},
 * {@code <= c}; {@code ==} is {@code =}). LaTeX lines are translated first ({@link TexInput}); a LaTeX line may start
 * with a relation ({@code &= ...}) and may hold several.
 */
public final class ChainReader {
    private static final Pattern LEADING_RELATION = Pattern.compile("^\\s*(<=|>=|==|=|<|>)(.*)$", Pattern.DOTALL);
    /** The message for a later line without a relation (column 0: the whole line). */
    public static final String NEEDS_RELATION = "each chain line after the first starts with its relation to the line "
            + "before (=, <=, >=, <, >)";
    private static final int[] NO_MAP = new int[0];

    private ChainReader() {
    }

    /**
     * One line of a chain in derivcheck's syntax.
     *
     * @param first whether it is the chain's first line (then it may hold a whole chain)
     * @throws ParseException with the column in {@code text} (for a later line: in the text after its relation)
     */
    public static List<Link> line(String text, boolean first, String file, int line) {
        List<Link> out = new ArrayList<>();
        if (!first) {
            Matcher m = LEADING_RELATION.matcher(text);
            if (!m.matches()) {
                throw new ParseException(NEEDS_RELATION, 0);
            }
            out.add(new Link(Relation.parse(m.group(1)), single(m.group(2)), m.group(2).trim(), new Span(file, line, 1),
                    NO_MAP));
            return out;
        }
        for (SyntaxParser.Link l : SyntaxParser.parseChain(text)) {
            out.add(new Link(l.relation().isEmpty() ? Optional.empty() : Relation.parse(l.relation()), l.expr(), l.text(),
                    new Span(file, line, l.column()), NO_MAP));
        }
        return out;
    }

    /** A whole chain written on one line, e.g. an assumption {@code a > 1}. */
    public static Chain chain(String text, String file, int line) {
        return new Chain(line(text, true, file, line));
    }

    /**
     * One LaTeX line of a chain: translated, then every piece parsed.
     *
     * @throws ParseException with the column in {@code latex} when the translation fails; a piece that does not
     *                        parse throws {@link InLink} (its column is in the translated text)
     */
    public static List<Link> texLine(String latex, TexInput.Vocabulary vocabulary, String file, int line) {
        List<Link> out = new ArrayList<>();
        for (TexInput.Link l : TexInput.translate(latex, vocabulary)) {
            Link partial = new Link(l.relation().isEmpty() ? Optional.empty() : Relation.parse(l.relation()), null, l.text(),
                    new Span(file, line, 1), l.map());
            Syntax s;
            try {
                s = single(l.text());
            } catch (ParseException e) {
                throw new InLink(partial, e);
            }
            out.add(new Link(partial.relation(), s, l.text(), partial.span(), l.map()));
        }
        return out;
    }

    /** One expression, no relation. */
    public static Syntax single(String text) {
        List<SyntaxParser.Link> links = SyntaxParser.parseChain(text);
        if (links.size() != 1) {
            throw new ParseException("a definition is one expression, not a relation", links.get(1).column());
        }
        return links.get(0).expr();
    }

    /** A piece of a translated LaTeX line that does not parse: the piece (for its column map) and the cause. */
    public static final class InLink extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Link link;
        private final ParseException cause;

        InLink(Link link, ParseException cause) {
            super(cause.getMessage(), cause);
            this.link = link;
            this.cause = cause;
        }

        public Link link() {
            return link;
        }

        public ParseException parseError() {
            return cause;
        }
    }
}
