package org.derivcheck.grade;

import java.util.ArrayList;
import java.util.List;
import org.derivcheck.cas.Cas;
import org.derivcheck.notation.ChainReader;
import org.derivcheck.notation.Link;
import org.derivcheck.notation.ParseException;

/**
 * The lines of a submission chain read into parsed links: LaTeX translated (with the rubric's notation), derivcheck
 * text parsed, every link resolved in the submission's names, so an error names file, line and column before
 * anything is checked.
 */
final class ChainLines {
    private ChainLines() {
    }

    /** A line of a chain that cannot be read: its line and the message naming file, line and column. */
    static final class InvalidLine extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        InvalidLine(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Every line of a chain read into links, each resolved in the submission's names (errors name file, line, column). */
    static List<Link> read(Chain c, NameSpace ns) {
        List<Link> parsed = new ArrayList<>();
        for (Chain.ChainLine line : c.lines()) {
            parsed.addAll(c.tex() ? texLine(c, line, ns) : textLine(c, line, ns, parsed.isEmpty()));
        }
        return parsed;
    }

    /** Translates one LaTeX line and parses every piece; errors name file, line and column. */
    private static List<Link> texLine(Chain c, Chain.ChainLine line, NameSpace ns) {
        List<Link> links;
        try {
            links = ChainReader.texLine(line.source(), ns.vocabulary, c.file().toString(), line.line());
        } catch (ChainReader.InLink e) {
            throw inLink(c, line, e.link(), e.parseError());
        } catch (ParseException e) {
            throw new InvalidLine(line.line(), c.file().getFileName() + ":" + line.locate(e.column()) + ": " + e.getMessage());
        }
        List<Link> out = new ArrayList<>();
        for (Link l : links) {
            try {
                Cas.resolve(l, ns.table);
            } catch (ParseException e) {
                throw inLink(c, line, l, e);
            }
            out.add(l);
        }
        return out;
    }

    private static InvalidLine inLink(Chain c, Chain.ChainLine line, Link l, ParseException e) {
        return new InvalidLine(line.line(), c.file().getFileName() + ":" + line.locate(l.sourceColumn(e.column()))
                + ": " + e.getMessage() + " (read as: " + l.text() + ")");
    }

    /** A derivcheck-syntax line of a YAML submission: the first may hold a whole chain, later ones start with a relation. */
    private static List<Link> textLine(Chain c, Chain.ChainLine line, NameSpace ns, boolean first) {
        List<Link> out = new ArrayList<>();
        try {
            for (Link l : ChainReader.line(line.source(), first, c.file().toString(), line.line())) {
                Cas.resolve(l, ns.table);
                out.add(l);
            }
        } catch (ParseException e) {
            throw new InvalidLine(line.line(), c.file().getFileName() + ":" + line.line() + (e.column() > 0 ? ":" + e.column()
                    : "") + ": " + e.getMessage());
        }
        return out;
    }
}
