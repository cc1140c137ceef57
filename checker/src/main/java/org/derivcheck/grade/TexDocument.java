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
    /**
     * TeX whose effect on what is shown derivcheck cannot follow without running TeX: conditionals other than
     * {@code \iffalse}/{@code \iftrue} (whose skipped branch is not read), environments and hooks redefined, math
     * and category codes, the comment package's own environments. Refused anywhere in the submission.
     */
    private static final Pattern UNFOLLOWED = Pattern.compile("\\\\((?!iffalse(?![A-Za-z])|iftrue(?![A-Za-z]))if[A-Za-z]*|"
            + "If[A-Z][A-Za-z]*|unless|newif|(?:re)?newenvironment|(?:New|Renew|Provide|Declare)DocumentEnvironment|"
            + "NewEnvironmentCopy|AtBeginEnvironment|AtEndEnvironment|BeforeBeginEnvironment|AfterEndEnvironment|"
            + "AddToHook|AtBeginDocument|AtEndDocument|AtEndPreamble|every[a-z]+|aftergroup|afterassignment|mathcode|"
            + "delcode|mathchardef|chardef|lccode|uccode|scantokens|DeclareMath(?:Symbol|Delimiter|Accent|Radical)|"
            + "DeclareSymbolFont|SetSymbolFont|excludecomment|includecomment|specialcomment|processcomment|generalcomment|"
            + "includeonly|excludeversion|includeversion|markversion|processifversion|excludeonly)(?![A-Za-z])");
    /**
     * Commands that make text invisible, store it without showing it, or move it away: outside a display they could
     * hide a whole display (inside one the notation reader drops a phantom's argument and refuses the others).
     */
    private static final Pattern HIDING = Pattern.compile("\\\\(color|textcolor|colorbox|fcolorbox|pagecolor|"
            + "definecolor|colorlet|phantom|hphantom|vphantom|sbox|savebox|newsavebox|setbox|scalebox|resizebox|"
            + "fontsize|transparent|texttransparent|raisebox|put|moveleft|moveright|raise|lower)(?![A-Za-z])"
            + "|\\\\begin\\s*\\{(lrbox|picture|textblock\\*?)\\}");
    /** A negative space, anywhere (inside a formula too): it can move a part of a formula off the page or over another. */
    private static final Pattern NEGATIVE_SKIP = Pattern.compile("\\\\(?:[hv]space\\*?|mspace)\\s*\\{\\s*-"
            + "|\\\\(?:kern|hskip|vskip|mkern|mskip)\\s*-|\\\\\\\\\\s*\\*?\\s*\\[\\s*-");
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
    /**
     * Markdown: an HTML element that is never shown, or a tag with attributes (a style, a class, {@code hidden}, a
     * colour or a size can hide what follows); a tag that holds a display (an {@code alt="$$...$$"}) is refused where
     * the display is found.
     */
    private static final Pattern HTML_HIDING = Pattern.compile(
            "(?i)<(script|style|template|noscript|head)(?![a-z0-9])|<[a-z][a-z0-9]*\\s+[a-z-]+[^<>]*>");
    private static final Pattern HTML_TAG = Pattern.compile("(?i)<[a-z][a-z0-9]*\\s[^<>]*>");
    /** A command defined by the submission (a macro's name: its meaning in the PDF is not the one derivcheck reads). */
    private static final Pattern MACRO = Pattern.compile("\\\\(?:(?:re|provide)?newcommand\\*?|DeclareRobustCommand\\*?|"
            + "(?:New|Renew|Provide|Declare)DocumentCommand|(?:New|Renew)CommandCopy|DeclareMathOperator\\*?|[egx]?def|"
            + "let|futurelet|(?:re|provide)?newrobustcmd\\*?)\\s*\\{?\\s*(\\\\(?:[A-Za-z]+|.))");
    private static final Pattern CELLS = Pattern.compile(
            "\\\\begin\\s*\\{((?:p|b|B|v|V|small)?matrix\\*?|array|cases|dcases|rcases|tabular)\\}");
    /** The brace groups a display may be read in: a plain group, and arguments that are typeset where they stand. */
    private static final Pattern SHOWN_GROUP = Pattern.compile("|\\\\(text(bf|it|rm|sf|tt|up|sl|sc|normal|md)|emph|"
            + "footnote|footnotetext|marginpar|fbox|framebox|parbox|mbox|makebox|underline|centerline|noindent|item|question|"
            + "part|subpart|begingroup|small|large|Large|normalsize|footnotesize)");
    /** The environments a display may be read in (besides those of {@code \\newtheorem}). */
    private static final Pattern SHOWN_ENV = Pattern.compile("document|(itemize|enumerate|description|list|trivlist|"
            + "center|flushleft|flushright|quote|quotation|verse|minipage|figure|table|wrapfigure|proof|abstract|multicols|"
            + "subequations|questions|parts|subparts|subsubparts|framed|mdframed|tcolorbox|adjustwidth|spacing|singlespace|"
            + "onehalfspace|doublespace|samepage|small|normalsize|large|Large|footnotesize|theorem|lemma|proposition|"
            + "corollary|definition|example|remark|exercise|problem)\\*?");
    private static final Pattern SOLUTION = Pattern.compile("solution(orbox|ordottedlines|orlines|orgrid)?\\*?");
    private static final Pattern THEOREM = Pattern.compile("\\\\(?:newtheorem\\*?|declaretheorem(?:\\[[^\\]]*\\])?)"
            + "\\s*\\{([^}]*)\\}");
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
        hidden(doc, masked);
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

    /**
     * Refuses what could hide a formula from a reader of the PDF while derivcheck reads it, or change what it shows:
     * TeX derivcheck cannot follow ({@link #UNFOLLOWED}) anywhere; outside the displays, commands that hide or move
     * text ({@link #HIDING}) in LaTeX and hiding HTML in Markdown. (Comments, {@code \\iffalse}, the preamble and the
     * text after {@code \\end{document}} are blanked by the document reader and never read.)
     */
    private void hidden(Document doc, String masked) {
        boolean latex = doc.markup() == Document.Markup.LATEX;
        String scan = latex ? masked : text;
        Matcher neg = NEGATIVE_SKIP.matcher(scan);
        if (neg.find()) {
            throw error(neg.start(), "a negative space ('" + neg.group().trim() + "') is not allowed in a submission: it can "
                    + "move a part of a formula off the page or over another, and what a reader does not see is not graded");
        }
        Matcher u = UNFOLLOWED.matcher(scan);
        if (latex && u.find()) {
            throw error(u.start(), "'\\" + u.group(1) + "' is not allowed in a submission: derivcheck reads what LaTeX "
                    + "shows without running TeX, and cannot tell what this shows; write the formulas out");
        }
        Matcher h = (latex ? HIDING : HTML_HIDING).matcher(scan);
        while (h.find()) {
            if (!insideDisplay(doc, h.start())) {
                String what = h.group().trim();
                throw error(h.start(), "'" + (what.length() > 40 ? what.substring(0, 40) + "..." : what) + "' is not allowed "
                        + "outside a formula in a submission: it can hide or move text, and a formula a reader of the "
                        + "document does not see is not graded; remove it");
            }
        }
        if (latex) {
            enclosing(doc, masked, macros(masked));
        } else {
            Matcher t = HTML_TAG.matcher(text);
            while (t.find()) {
                for (Document.Display d : doc.displays()) {
                    if (d.start() >= t.start() && d.start() < t.end() && !insideDisplay(doc, t.start())) {
                        throw error(t.start(), "a formula inside an HTML tag is not shown; write it as a display");
                    }
                }
            }
        }
    }

    /**
     * Refuses a display inside what may not show it: the argument of a command the submission defines
     * ({@code \\newcommand{\\hide}[1]{}} swallows it), or an environment that places or paints its content
     * ({@code tikzpicture}, {@code picture}, {@code overpic}, {@code textblock}, {@code pspicture}: a node's opacity or
     * colour can hide it).
     */
    private void enclosing(Document doc, String masked, Map<String, Integer> macros) {
        java.util.Set<String> theorems = new java.util.HashSet<>();
        Matcher th = THEOREM.matcher(masked);
        while (th.find()) {
            theorems.add(th.group(1).trim());
        }
        boolean answers = Pattern.compile("\\\\printanswers(?![A-Za-z])").matcher(masked).find()
                && !Pattern.compile("\\\\noprintanswers(?![A-Za-z])").matcher(masked).find();
        List<String> groups = new ArrayList<>();
        List<String> envs = new ArrayList<>();
        String lastClosed = "";
        int next = 0;
        List<Document.Display> displays = doc.displays();
        Matcher env = Pattern.compile("\\\\(begin|end)\\s*\\{([^}]*)\\}").matcher(masked);
        for (int i = 0; i < masked.length() && next < displays.size(); i++) {
            if (i >= displays.get(next).start()) {
                for (String g : groups) {
                    if (g.matches("\\\\((re|provide)?newcommand|DeclareRobustCommand|(New|Renew|Provide|Declare)"
                            + "DocumentCommand|[egx]?def|newrobustcmd|renewrobustcmd|providerobustcmd)")) {
                        throw error(i, "a display inside the definition of a command ('" + g + "'): LaTeX shows it only "
                                + "where the command is used, which derivcheck cannot follow; write the display out");
                    }
                    if (macros.containsKey(g)) {
                        throw error(i, "a display inside the argument of '" + g + "', a command the submission defines "
                                + "(line " + macros.get(g) + "): derivcheck cannot tell whether LaTeX shows it; write the "
                                + "display without it");
                    }
                    if (!SHOWN_GROUP.matcher(g).matches()) {
                        throw error(i, "a display inside the argument of '" + g + "': derivcheck cannot tell whether LaTeX "
                                + "shows it (displays are read in the text, in plain groups and in \\textbf, \\emph, "
                                + "\\footnote, \\fbox, \\parbox and the like); write the display outside it");
                    }
                }
                for (String e : envs) {
                    if (e.matches("tikzpicture|picture|overpic|textblock\\*?|pspicture|lrbox")) {
                        throw error(i, "a display inside '" + e + "': what such an environment shows depends on how it "
                                + "places and paints its content, which derivcheck cannot tell; write the display outside it");
                    }
                    if (!SHOWN_ENV.matcher(e).matches() && !theorems.contains(e) && !(answers && SOLUTION.matcher(e).matches())) {
                        throw error(i, "a display inside the environment '" + e + "': derivcheck cannot tell whether LaTeX "
                                + "shows it (an exam class's solution without \\printanswers is not printed); displays are "
                                + "read in the document, in lists, quotes, centred or framed text, minipages, figures, "
                                + "proofs and the environments of \\newtheorem; write the display outside it");
                    }
                }
                i = displays.get(next).bodyStart() + displays.get(next).body().length();
                next++;
                continue;
            }
            char c = masked.charAt(i);
            if (c == '\\' && env.region(i, masked.length()).lookingAt()) {
                String name = env.group(2).trim();
                if (env.group(1).equals("begin")) {
                    envs.add(name);
                } else if (envs.lastIndexOf(name) >= 0) {
                    envs.subList(envs.lastIndexOf(name), envs.size()).clear();
                }
                i = env.end() - 1;
            } else if (c == '\\') {
                i++;
            } else if (c == '{') {
                int j = i - 1;
                while (j >= 0 && Character.isWhitespace(masked.charAt(j))) {
                    j--;
                }
                String cmd = "";
                if (j >= 0 && (masked.charAt(j) == '}' || masked.charAt(j) == ']')) {
                    cmd = lastClosed; // a further argument of the same command
                } else {
                    int k = j;
                    while (k >= 0 && Character.isLetter(masked.charAt(k))) {
                        k--;
                    }
                    if (k >= 0 && k < j && masked.charAt(k) == '\\') {
                        cmd = masked.substring(k, j + 1);
                    }
                }
                groups.add(cmd);
            } else if (c == '}' && !groups.isEmpty()) {
                lastClosed = groups.remove(groups.size() - 1);
            }
        }
    }

    private static boolean insideDisplay(Document doc, int offset) {
        for (Document.Display d : doc.displays()) {
            if (offset >= d.bodyStart() && offset < d.bodyStart() + d.body().length()) {
                return true;
            }
        }
        return false;
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
