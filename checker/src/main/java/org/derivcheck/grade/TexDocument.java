package org.derivcheck.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.SymbolDecl;
import org.derivcheck.document.SourceText;
import org.derivcheck.document.Document;
import org.derivcheck.document.DocumentReader;
import org.derivcheck.document.Equation;
import org.derivcheck.document.Equations;

/**
 * Finds the chains of a LaTeX submission: every {@code align}, {@code equation}, {@code gather},
 * {@code \[..\]} and {@code $$..$$} display, split at {@code \\} into lines; a line that starts with a
 * relation ({@code &= ...}) continues the chain before it. Prose is ignored. Header comments
 * ({@code % derivcheck: symbol|assume|define|result ...}) add names or label the next display.
 * Commands that would read or write files or run programs under TeX are refused: derivcheck never runs
 * TeX, and a submission that relies on them is not what the student sees.
 */
final class TexDocument {
    static final int MAX_LINES = 400;
    private static final Pattern REFUSED = Pattern.compile(
            "\\\\(input|include|InputIfFileExists|write|immediate|openin|openout|read|special|catcode|directlua|"
                    + "ShellEscape|includegraphics|usepackage\\s*\\{\\s*shellesc|verbatiminput|lstinputlisting)(?![A-Za-z])");
    private static final Pattern HEADER = Pattern.compile("^\\s*%\\s*derivcheck\\s*:\\s*(\\w+)\\s*(.*)$");
    private static final Pattern LABEL = Pattern.compile("\\\\label\\s*\\{([^}]*)\\}");

    private final Path file;
    private final String text;
    private final SourceText source;

    private TexDocument(Path file, String text) {
        this.file = file;
        this.text = text;
        this.source = new SourceText(text);
    }

    /** What the document holds; an unreadable document throws a DerivationException naming line and column. */
    record Parsed(List<Chain> chains, List<SymbolDecl> symbols, List<Definition> definitions, List<Line> assumptions) {
    }

    static Parsed parse(Path file, String text, int firstChain) {
        return new TexDocument(file, text).parse(firstChain);
    }

    private Parsed parse(int firstChain) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                throw error(i, "the file holds binary data (control character " + (int) c + "), not LaTeX text");
            }
        }
        String masked = maskComments(text);
        Matcher refused = REFUSED.matcher(masked);
        if (refused.find()) {
            throw error(refused.start(), "'\\" + refused.group(1) + "' is not allowed in a submission: derivcheck reads "
                    + "one file and never runs TeX; put the formulas in this file");
        }
        List<SymbolDecl> symbols = new ArrayList<>();
        List<Definition> defs = new ArrayList<>();
        List<Line> assumptions = new ArrayList<>();
        List<int[]> resultLabels = new ArrayList<>(); // {offset, index into labels}
        List<String> labels = new ArrayList<>();
        for (int ln = 0; ln < source.lines(); ln++) {
            Matcher m = HEADER.matcher(source.line(ln + 1));
            if (m.matches()) {
                header(m.group(1), m.group(2).trim(), ln + 1, symbols, defs, assumptions, labels, resultLabels, source.lineStart(ln + 1));
            }
        }
        // the displays, their rows and statements, as the document reader finds them (derivcheck check FILE.tex)
        Document doc = DocumentReader.parse(file, DocumentReader.markupOf(file.toString()), text);
        if (!doc.problems().isEmpty()) {
            throw error(doc.problems().get(0).offset(), doc.problems().get(0).message());
        }
        List<Chain> chains = new ArrayList<>();
        int lines = 0;
        int from = 0;
        int lastDisplay = -1;
        Optional<String> label = Optional.empty();
        for (Equation eq : Equations.of(doc)) {
            Document.Display d = doc.displays().get(eq.display() - 1);
            if (eq.display() != lastDisplay) {
                label = Optional.empty();
                for (int[] rl : resultLabels) {
                    if (rl[0] < d.start() && rl[0] >= from) {
                        label = Optional.of(labels.get(rl[1]));
                    }
                }
                Matcher lm = LABEL.matcher(d.body());
                if (label.isEmpty() && lm.find()) {
                    label = Optional.of(lm.group(1).trim());
                }
                from = d.bodyStart() + d.body().length();
                lastDisplay = eq.display();
            }
            for (Equation.Statement st : eq.statements()) {
                if (st.link() == Equation.Link.NOTE) {
                    continue;
                }
                List<Chain.ChainLine> current = new ArrayList<>();
                for (Equation.Part part : st.parts()) {
                    if (++lines > MAX_LINES) {
                        throw error(part.offset(), "more than " + MAX_LINES + " formula lines: a submission this long "
                                + "is not graded");
                    }
                    current.add(new Chain.ChainLine(part.text(), lineOf(part.offset()), columnOf(part.offset())));
                }
                chains.add(new Chain(firstChain + chains.size(), label, current, file, true));
            }
        }
        return new Parsed(chains, symbols, defs, assumptions);
    }

    private void header(String key, String value, int line, List<SymbolDecl> symbols, List<Definition> defs,
            List<Line> assumptions, List<String> labels, List<int[]> resultLabels, int offset) {
        switch (key) {
            case "symbol" -> {
                String[] parts = value.split("[\\s:]+");
                if (parts.length != 2 || !parts[0].matches("[A-Za-z][A-Za-z0-9_]*")) {
                    throw error(offset, "write '% derivcheck: symbol NAME DOMAIN', e.g. '% derivcheck: symbol c positive'");
                }
                Domain dom = Domain.parse(parts[1]).orElseThrow(() -> error(offset, "unknown domain '" + parts[1]
                        + "' (real, positive, negative, nonnegative, probability, integer)"));
                if (dom == Domain.INTERVAL) {
                    throw error(offset, "an interval needs bounds: declare it in the rubric");
                }
                symbols.add(new SymbolDecl(parts[0], dom, false, dom == Domain.INTEGER ? 1 : Double.NaN,
                        dom == Domain.INTEGER ? 8 : Double.NaN, line));
            }
            case "assume" -> assumptions.add(new Line(value, line));
            case "define" -> {
                Matcher m = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\s*=(.*)").matcher(value);
                if (!m.matches()) {
                    throw error(offset, "write '% derivcheck: define NAME = EXPRESSION'");
                }
                defs.add(new Definition(m.group(1), List.of(), m.group(2).trim(), line));
            }
            case "result" -> {
                labels.add(value);
                resultLabels.add(new int[] {offset, labels.size() - 1});
            }
            default -> throw error(offset, "unknown header '% derivcheck: " + key + "' (symbol, assume, define, result)");
        }
    }

    /** The text with every comment (from an unescaped % to the end of its line) replaced by spaces. */
    static String maskComments(String s) {
        return SourceText.withoutLatexComments(s);
    }

    int lineOf(int offset) {
        return source.lineOf(offset);
    }

    int columnOf(int offset) {
        return source.columnOf(offset);
    }

    private DerivationException error(int offset, String message) {
        return new DerivationException(file, lineOf(offset), "column " + columnOf(offset) + ": " + message);
    }
}
