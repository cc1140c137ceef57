package org.derivcheck.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** An annotation column at the end of a row ({@code && \text{(by the chain rule)}}): prose, not formula. */
    private static final Pattern ANNOTATION = Pattern.compile("(?m)(?:&\\s*){1,2}\\\\(?:text|textrm|textit|mbox)\\s*"
            + "\\{[^{}\\n]*\\}\\s*[.,;]?\\s*(?=\\\\\\\\|\\\\end\\s*\\{|\\\\label|\\\\tag|\\\\nonumber|\\\\notag|$)");
    /** A row's indentation after its {@code &} before an operator ({@code &\quad + b^2}): layout, not a separator. */
    private static final Pattern INDENT = Pattern.compile("(?m)(?:^|\\\\\\\\)\\s*&\\s*((?:\\\\q?quad\\s*)+)(?=[+\\-]|\\\\cdot|\\\\times)");
    /**
     * A row that continues the expression of the row before: aligned ({@code &}) and starting with an operator, not a
     * relation ({@code -S &= ...} is an equation of its own).
     */
    private static final Pattern OPERATOR_START = Pattern.compile(
            "^\\s*&\\s*(?:[+\\-]|\\\\cdot(?![A-Za-z])|\\\\times(?![A-Za-z]))");
    /** A command defined by the submission (a macro's name: its meaning in the PDF is not the one derivcheck reads). */
    private static final Pattern MACRO = Pattern.compile("\\\\(?:(?:re|provide)?newcommand\\*?|DeclareRobustCommand\\*?|"
            + "(?:New|Renew|Provide|Declare)DocumentCommand|(?:New|Renew)CommandCopy|DeclareMathOperator\\*?|[egx]?def|"
            + "let|futurelet|(?:re|provide)?newrobustcmd\\*?)\\s*\\{?\\s*(\\\\(?:[A-Za-z]+|.))");
    private static final Pattern CELLS = Pattern.compile(
            "\\\\begin\\s*\\{((?:p|b|B|v|V|small)?matrix\\*?|array|cases|dcases|rcases|tabular)\\}");
    private static final Pattern COMMAND = Pattern.compile("\\\\(?:[A-Za-z]+|.)");
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
        Document doc = DocumentReader.parse(file, DocumentReader.markupOf(file.toString()), layout(text));
        if (!doc.problems().isEmpty()) {
            throw error(doc.problems().get(0).offset(), doc.problems().get(0).message());
        }
        new Unseen(doc, text, this::error).refuse(masked, macros(masked));
        Map<String, Integer> macros = macros(doc.markup() == Document.Markup.LATEX ? masked : "");
        List<Chain> chains = new ArrayList<>();
        int lines = 0;
        int from = 0;
        int lastDisplay = -1;
        int previousDisplay = -1;
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
                Chain previous = chains.isEmpty() ? null : chains.get(chains.size() - 1);
                if (previous != null && previousDisplay == eq.display() && !st.parts().isEmpty()
                        && OPERATOR_START.matcher(st.parts().get(0).text()).find()) {
                    // the expression of the row before, broken over two rows: one line of that chain
                    lines += st.parts().size();
                    if (lines > MAX_LINES) {
                        throw error(st.parts().get(0).offset(), "more than " + MAX_LINES + " formula lines: a submission "
                                + "this long is not graded");
                    }
                    chains.set(chains.size() - 1, continued(previous, st, macros));
                    continue;
                }
                List<Chain.ChainLine> current = new ArrayList<>();
                Optional<String> unread = Optional.empty();
                for (Equation.Part part : st.parts()) {
                    if (unread.isEmpty()) {
                        unread = usedMacro(part, macros);
                    }
                    if (++lines > MAX_LINES) {
                        throw error(part.offset(), "more than " + MAX_LINES + " formula lines: a submission this long "
                                + "is not graded");
                    }
                    current.add(new Chain.ChainLine(part.text(), lineOf(part.offset()), columnOf(part.offset())));
                }
                chains.add(new Chain(firstChain + chains.size(), label, current, file, true, unread));
                previousDisplay = eq.display();
            }
        }
        return new Parsed(chains, symbols, defs, assumptions);
    }

    /**
     * The text with what is layout rather than formula blanked (offsets kept): an annotation column at the end of a
     * row, and the indentation of a row that continues an expression ({@code &\\quad + b^2}).
     */
    private static String layout(String text) {
        StringBuilder sb = new StringBuilder(text);
        // inside a matrix, an array or cases an & separates cells: a cell is formula, never an annotation
        List<int[]> cells = new ArrayList<>();
        Matcher env = CELLS.matcher(text);
        while (env.find()) {
            int end = text.indexOf("\\end{" + env.group(1) + "}", env.end());
            cells.add(new int[] {env.start(), end < 0 ? text.length() : end});
        }
        Matcher a = ANNOTATION.matcher(text);
        while (a.find()) {
            int at = a.start();
            if (cells.stream().anyMatch(r -> at >= r[0] && at < r[1])) {
                continue;
            }
            for (int i = a.start(); i < a.end(); i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        Matcher q = INDENT.matcher(text);
        while (q.find()) {
            for (int i = q.start(1); i < q.end(1); i++) {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    /** The chain with the statement's first part appended to its last line, and the statement's other parts after. */
    private Chain continued(Chain previous, Equation.Statement st, Map<String, Integer> macros) {
        List<Chain.ChainLine> lines = new ArrayList<>(previous.lines());
        Chain.ChainLine last = lines.remove(lines.size() - 1);
        Optional<String> unread = previous.refused();
        for (int i = 0; i < st.parts().size(); i++) {
            Equation.Part part = st.parts().get(i);
            if (unread.isEmpty()) {
                unread = usedMacro(part, macros);
            }
            String t = part.text();
            if (i == 0) {
                lines.add(new Chain.ChainLine(last.source() + "\n" + t.replaceFirst("^(\\s*)&", "$1 "), last.line(),
                        last.column()));
            } else {
                lines.add(new Chain.ChainLine(t, lineOf(part.offset()), columnOf(part.offset())));
            }
        }
        return new Chain(previous.number(), previous.label(), lines, previous.file(), true, unread);
    }

    /** The commands the submission defines or redefines, with the line of the definition. */
    private Map<String, Integer> macros(String masked) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Matcher m = MACRO.matcher(masked);
        while (m.find()) {
            out.putIfAbsent(m.group(1), lineOf(m.start()));
        }
        return out;
    }

    /**
     * A chain line that uses a command the submission defines is not read: the PDF shows the definition's meaning
     * ({@code \\renewcommand{\\cdot}{+}} shows a plus), derivcheck would read the command's own.
     */
    private static Optional<String> usedMacro(Equation.Part part, Map<String, Integer> macros) {
        if (macros.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = COMMAND.matcher(part.text());
        while (m.find()) {
            Integer line = macros.get(m.group());
            if (line != null) {
                return Optional.of("'" + m.group() + "' is defined by the submission itself (line " + line + "): what it "
                        + "shows is its definition, which derivcheck does not expand; write the formula without it");
            }
        }
        return Optional.empty();
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
