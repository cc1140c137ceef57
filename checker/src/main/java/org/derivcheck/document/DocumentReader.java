package org.derivcheck.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.document.Document.Display;
import org.derivcheck.document.Document.Embedded;
import org.derivcheck.document.Document.Heading;
import org.derivcheck.document.Document.Markup;
import org.derivcheck.document.Document.Problem;

/**
 * Finds the displays of a Markdown or LaTeX document: {@code $$..$$}, {@code \[..\]} and the environments
 * equation, align, gather, multline, flalign, eqnarray (starred or not). Markdown code (fenced blocks, inline
 * code) and HTML comments, and LaTeX comments, are masked first, so a formula inside them is not read. An
 * unclosed display, a {@code \begin} without its {@code \end}, and the commands that would read or write files
 * or run programs under TeX are problems at their line and column; the other displays are still read.
 */
public final class DocumentReader {
    /** Largest document read. */
    public static final long MAX_BYTES = 1 << 20;
    /** Most displays read from one document. */
    public static final int MAX_DISPLAYS = 2000;
    private static final Pattern DISPLAY = Pattern.compile(
            "\\\\begin\\s*\\{\\s*(equation|align|gather|multline|flalign|eqnarray|displaymath|math)(\\*?)\\s*\\}|\\\\\\[|\\$\\$");
    static final Pattern REFUSED = Pattern.compile(
            "\\\\(input|include|InputIfFileExists|write18|write|immediate|openin|openout|read|special|catcode|directlua|"
                    + "ShellEscape|verbatiminput|lstinputlisting|usepackage|RequirePackage|csname|"
                    + "expandafter|loop|makeatletter)(?![A-Za-z])");
    private static final Pattern MACRO = Pattern.compile(
            "\\\\(?:(?:re|provide)?newcommand\\*?|DeclareMathOperator\\*?|def|let|newenvironment|renewenvironment)"
                    + "\\s*\\{?\\s*(\\\\[A-Za-z]+)");
    private static final Pattern BEGIN_END = Pattern.compile("\\\\(begin|end)\\s*\\{([^}]*)\\}");
    private static final Pattern TEX_HEADING = Pattern.compile("\\\\(part|chapter|section|subsection|subsubsection|paragraph)"
            + "\\*?\\s*\\{([^}\\n]*)\\}");
    private static final Pattern MD_HEADING = Pattern.compile("(?m)^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t]*\n");
    private static final Pattern CONTEXT_LINE = Pattern.compile("^\\s*%\\s*derivcheck\\s*:(.*)$");

    private DocumentReader() {
    }

    /** The markup a file name implies: .tex is LaTeX, anything else (.md, .txt, standard input) Markdown. */
    public static Markup markupOf(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".tex") ? Markup.LATEX : Markup.MARKDOWN;
    }

    /** True for a file name the document reader takes (.md, .markdown, .txt, .tex). */
    public static boolean isDocument(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".markdown") || n.endsWith(".txt") || n.endsWith(".tex") || n.equals("-");
    }

    /** Reads a file (not following a symbolic link) as strict UTF-8 text of at most {@link #MAX_BYTES}. */
    public static String readFile(Path file) {
        try {
            if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new DerivationException(file, 0, "not a plain file (a document is read only as a plain file)");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new DerivationException(file, 0, "the document is larger than " + MAX_BYTES / 1024 + " KiB; "
                        + "check the part with the derivation");
            }
            return decode(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DerivationException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /** Reads standard input the same way. */
    public static String readStream(Path name, InputStream in) {
        try {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new DerivationException(name, 0, "the document is larger than " + MAX_BYTES / 1024 + " KiB");
            }
            return decode(name, bytes);
        } catch (IOException e) {
            throw new DerivationException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    private static String decode(Path file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DerivationException(file, 0, "the file is not UTF-8 text (binary data?)");
        }
        SourceText src = new SourceText(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                throw new DerivationException(file, src.lineOf(i), "column " + src.columnOf(i) + ": the file holds binary "
                        + "data (control character " + (int) c + "), not text");
            }
        }
        return text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
    }

    /** Reads the displays of a document's text. */
    public static Document parse(Path file, Markup markup, String text) {
        String t = text.replace("\r\n", " \n").replace('\r', '\n');
        SourceText src = new SourceText(t);
        List<Problem> problems = new ArrayList<>();
        Optional<Embedded> context = Optional.empty();
        String masked;
        if (markup == Markup.MARKDOWN) {
            FrontMatter fm = FrontMatter.of(t);
            context = fm.yaml();
            masked = Masking.markdown(t, fm.end());
        } else {
            context = commentContext(src);
            masked = Masking.latexComments(t);
        }
        // what is typeset: the displays are looked for only there (macros and refused commands everywhere)
        String shown = markup == Markup.LATEX ? Typeset.latex(masked) : masked;
        List<Heading> headings = headings(markup, shown);
        Map<String, Integer> macros = new LinkedHashMap<>();
        Matcher mm = MACRO.matcher(masked);
        while (mm.find()) {
            macros.putIfAbsent(mm.group(1), src.lineOf(mm.start()));
        }
        List<Display> displays = new ArrayList<>();
        Matcher d = DISPLAY.matcher(shown);
        int from = 0;
        while (from < shown.length() && d.find(from)) {
            if (displays.size() >= MAX_DISPLAYS) {
                problems.add(new Problem(d.start(), "more than " + MAX_DISPLAYS + " displays: the rest is not read", -1));
                break;
            }
            String env = d.group(1) != null ? d.group(1) + d.group(2) : d.group();
            String closing = d.group(1) != null ? "\\end{" + env + "}" : env.equals("\\[") ? "\\]" : "$$";
            int bodyStart = d.end();
            int bodyEnd = shown.indexOf(closing, bodyStart);
            if (d.group(1) != null) {
                // \end {align*} and \end{ align* } are the same end to LaTeX
                Matcher end = Pattern.compile("\\\\end\\s*\\{\\s*" + Pattern.quote(env) + "\\s*\\}").matcher(shown);
                bodyEnd = end.find(bodyStart) ? end.start() : -1;
                closing = bodyEnd < 0 ? closing : end.group();
            }
            if (env.equals("\\[") && markup == Markup.MARKDOWN && bodyEnd < 0) {
                from = d.end(); // in Markdown, a lone \[ is an escaped bracket
                continue;
            }
            if (bodyEnd < 0) {
                problems.add(new Problem(d.start(), "'" + d.group() + "' is never closed by '" + closing + "'; the text "
                        + "after it is not read as formulas", -1));
                break;
            }
            Matcher blank = BLANK_LINE.matcher(shown).region(bodyStart, bodyEnd);
            if (env.equals("$$") && markup == Markup.MARKDOWN && blank.find()) {
                // a paragraph ends inside: this $$ was never closed, and the next $$ opens the next display
                problems.add(new Problem(d.start(), "'$$' is not closed before the blank line at line "
                        + src.lineOf(blank.end() - 1) + "; close the display with '$$'", -1));
                from = blank.end();
                continue;
            }
            String body = shown.substring(bodyStart, bodyEnd);
            // Markdown finds the display first, then KaTeX or MathJax read its body: a % there starts a TeX comment
            displays.add(new Display(displays.size() + 1, env, d.start(), bodyStart,
                    markup == Markup.MARKDOWN ? SourceText.withoutLatexComments(body) : body));
            from = bodyEnd + closing.length();
        }
        unbalanced(shown, src, displays, problems);
        Matcher r = REFUSED.matcher(masked);
        while (r.find()) {
            if (r.group(1).equals("usepackage") || r.group(1).equals("RequirePackage")) {
                if (!masked.startsWith("{shellesc", r.end()) && !masked.substring(r.end(), Math.min(masked.length(),
                        r.end() + 40)).contains("shellesc")) {
                    continue; // an ordinary package: derivcheck never runs TeX, so it is simply not loaded
                }
            }
            problems.add(new Problem(r.start(), "'\\" + r.group(1) + "' is refused: derivcheck reads this one file and "
                    + "never runs TeX, so nothing is read, written or run; put the formulas in this file",
                    displayAt(displays, r.start())));
        }
        return new Document(file, markup, src, displays, problems, context, headings, macros);
    }

    private static int displayAt(List<Display> displays, int offset) {
        for (Display d : displays) {
            if (offset >= d.bodyStart() && offset <= d.bodyStart() + d.body().length()) {
                return d.ordinal();
            }
        }
        return -1;
    }

    /** A {@code \begin{x}} without its {@code \end{x}} (or the reverse) is a problem at its line and column. */
    private static void unbalanced(String masked, SourceText src, List<Display> displays, List<Problem> problems) {
        Matcher m = BEGIN_END.matcher(masked);
        List<int[]> stack = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            String name = m.group(2).trim();
            if (m.group(1).equals("begin")) {
                stack.add(new int[] {m.start()});
                names.add(name);
            } else {
                int k = names.lastIndexOf(name);
                if (k < 0) {
                    problems.add(new Problem(m.start(), "'\\end{" + name + "}' has no '\\begin{" + name + "}' before it",
                            displayAt(displays, m.start())));
                    continue;
                }
                for (int j = names.size() - 1; j > k; j--) {
                    problems.add(new Problem(stack.get(j)[0], "'\\begin{" + names.get(j) + "}' is never closed by '\\end{"
                            + names.get(j) + "}' (closed instead by '\\end{" + name + "}' at line " + src.lineOf(m.start())
                            + ")", displayAt(displays, stack.get(j)[0])));
                    stack.remove(j);
                    names.remove(j);
                }
                stack.remove(k);
                names.remove(k);
            }
        }
        for (int j = 0; j < names.size(); j++) {
            problems.add(new Problem(stack.get(j)[0], "'\\begin{" + names.get(j) + "}' is never closed by '\\end{"
                    + names.get(j) + "}'", displayAt(displays, stack.get(j)[0])));
        }
    }

    private static List<Heading> headings(Markup markup, String masked) {
        List<Heading> out = new ArrayList<>();
        if (markup == Markup.MARKDOWN) {
            Matcher m = MD_HEADING.matcher(masked);
            while (m.find()) {
                out.add(new Heading(m.start(), m.group(1).length(), m.group(2).replace("*", "").trim()));
            }
        }
        Matcher m = TEX_HEADING.matcher(masked);
        while (m.find()) {
            int level = switch (m.group(1)) {
                case "part" -> 0;
                case "chapter" -> 1;
                case "section" -> 2;
                case "subsection" -> 3;
                case "subsubsection" -> 4;
                default -> 5;
            };
            out.add(new Heading(m.start(), level, m.group(2).trim()));
        }
        out.sort(java.util.Comparator.comparingInt(Heading::offset));
        return out;
    }

    /**
     * The {@code % derivcheck:} comments of a LaTeX document as one YAML text: every line that starts with
     * {@code % derivcheck:} contributes what follows the colon; a line {@code % derivcheck:} with nothing after it
     * starts a block that runs over the comment lines after it.
     */
    static Optional<Embedded> commentContext(SourceText src) {
        StringBuilder yaml = new StringBuilder();
        List<Integer> lines = new ArrayList<>();
        boolean block = false;
        for (int ln = 1; ln <= src.lines(); ln++) {
            String line = src.line(ln);
            Matcher m = CONTEXT_LINE.matcher(line);
            if (m.matches()) {
                String rest = m.group(1);
                if (rest.isBlank()) {
                    block = true;
                    continue;
                }
                block = false;
                yaml.append(rest.startsWith(" ") ? rest.substring(1) : rest).append('\n');
                lines.add(ln);
            } else if (block && line.stripLeading().startsWith("%")) {
                String rest = line.stripLeading().substring(1);
                yaml.append(rest.startsWith(" ") ? rest.substring(1) : rest).append('\n');
                lines.add(ln);
            } else {
                block = false;
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Embedded(yaml.toString(), lines.stream().mapToInt(Integer::intValue).toArray()));
    }
}
