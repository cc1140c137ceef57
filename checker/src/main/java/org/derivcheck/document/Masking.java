package org.derivcheck.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Blanks out what is not read as formulas, keeping every offset and line break where it was. */
final class Masking {
    /** A link reference definition: never shown ({@code [//]: # (a comment)} is Markdown's comment idiom). */
    private static final Pattern LINK_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]\\n]+\\]:[ \\t]*(?:<[^>\\n]*>|\\S+)"
            + "(?:[ \\t]+(?:\"[^\"\\n]*\"|'[^'\\n]*'|\\([^)\\n]*\\)))?[ \\t]*$");
    /**
     * A code fence, at any indentation and inside block quotes: a fence in a list item (indented to its content) or in
     * a quote is code as well, and a fence inside an indented code block is code anyway.
     */
    private static final Pattern FENCE = Pattern.compile("(?m)^(?:[ \\t]*>)*[ \\t]*(`{3,}|~{3,})");
    private static final Pattern VERBATIM = Pattern.compile(
            "\\\\begin\\s*\\{(verbatim|Verbatim|BVerbatim|LVerbatim|spverbatim|lstlisting|minted|comment|filecontents)"
                    + "\\*?\\}");

    private Masking() {
    }

    /**
     * Markdown: front matter, fenced code blocks, link reference definitions, inline code, HTML comments and escaped
     * dollars.
     */
    static String markdown(String s, int frontMatterEnd) {
        StringBuilder sb = new StringBuilder(s);
        blank(sb, 0, frontMatterEnd);
        Matcher f = FENCE.matcher(s);
        int from = frontMatterEnd;
        while (f.find(from)) {
            String fence = f.group(1);
            int lineEnd = s.indexOf('\n', f.end());
            if (lineEnd < 0) {
                blank(sb, f.start(), s.length());
                break;
            }
            Pattern close = Pattern.compile("(?m)^(?:[ \\t]*>)*[ \\t]*" + Pattern.quote(fence.substring(0, 1)) + "{"
                    + fence.length() + ",}[ \\t]*$");
            Matcher c = close.matcher(s);
            int end = c.find(lineEnd + 1) ? c.end() : s.length();
            blank(sb, f.start(), end);
            from = end;
            if (from >= s.length()) {
                break;
            }
        }
        indentedCode(sb);
        unrenderedHtml(sb);
        Matcher link = LINK_DEFINITION.matcher(sb.toString());
        while (link.find()) {
            blank(sb, link.start(), link.end());
        }
        String t = sb.toString();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length() && t.charAt(i + 1) == '$') {
                sb.setCharAt(i, ' ');
                sb.setCharAt(i + 1, ' ');
                i++;
            } else if (c == '`') {
                int run = 1;
                while (i + run < t.length() && t.charAt(i + run) == '`') {
                    run++;
                }
                int close = t.indexOf("`".repeat(run), i + run);
                if (close > 0) {
                    blank(sb, i, close + run);
                    i = close + run - 1;
                } else {
                    i += run - 1;
                }
            } else if (t.startsWith("<!--", i)) {
                int close = t.indexOf("-->", i + 4);
                int end = close < 0 ? t.length() : close + 3;
                blank(sb, i, end);
                i = end - 1;
            }
        }
        return sb.toString();
    }

    private static final Pattern LIST_ITEM = Pattern.compile("^([-+*]|\\d{1,9}[.)])([ \t]+|$)");
    private static final Pattern QUOTE = Pattern.compile("^ {0,3}> ?");
    private static final Pattern BLOCK_START = Pattern.compile("^ {0,3}(#{1,6}(\\s|$)|([-*_])(\\s*\\3){2,}\\s*$)");

    /**
     * Blanks Markdown's indented code blocks (CommonMark): a line indented by four columns or more past the content of
     * the list item it is in, that does not continue a paragraph (a blank line, a heading or the start of the document
     * before it), and the indented or blank lines after it. Markdown shows such a block as code, never as math, so a
     * display written there is not read. Inside a list item the content's own indentation does not count
     * ({@code 1. step} then a blank line and an indented display is part of the item), nor does a block quote's
     * {@code >}.
     */
    static void indentedCode(StringBuilder sb) {
        String t = sb.toString();
        java.util.ArrayDeque<Integer> lists = new java.util.ArrayDeque<>();
        boolean paragraph = false;
        boolean code = false;
        boolean blankBefore = true;
        int display = 0;
        int start = 0;
        while (start <= t.length()) {
            int eol = t.indexOf('\n', start);
            int end = eol < 0 ? t.length() : eol;
            String line = t.substring(start, end);
            Matcher q = QUOTE.matcher(line);
            int skip = 0;
            while (q.find()) { // block quotes: the indentation counts after their markers
                skip += q.end();
                q = QUOTE.matcher(line.substring(skip));
            }
            String rest = line.substring(skip);
            if (display != 0 && !rest.isBlank()) {
                // inside a $$ or \[ display every line is the formula's, however indented
                display = displayAfter(rest, display);
                paragraph = display != 0;
                blankBefore = false;
            } else if (rest.isBlank()) {
                paragraph = false;
                blankBefore = true;
            } else {
                int indent = columns(rest);
                while (!lists.isEmpty() && indent < lists.peek() && blankBefore) {
                    lists.pop(); // a line less indented than an item's content after a blank line ends the item
                }
                int base = lists.isEmpty() ? 0 : lists.peek();
                if (indent >= base + 4 && (code || !paragraph)) {
                    blank(sb, start, end);
                    code = true;
                } else {
                    code = false;
                    String content = rest.substring(offsetOfColumn(rest, indent));
                    Matcher li = LIST_ITEM.matcher(content);
                    if (li.find()) {
                        int spaces = columns(li.group(2));
                        int width = li.group(1).length() + (spaces >= 1 && spaces <= 4 ? spaces : 1);
                        while (!lists.isEmpty() && indent < lists.peek()) {
                            lists.pop();
                        }
                        lists.push(indent + width);
                        paragraph = true;
                    } else {
                        paragraph = !BLOCK_START.matcher(rest).find();
                    }
                    // a display closed on this line ends the block: where a renderer takes $$ ... $$ as a block of its
                    // own, an indented line right after it is code
                    boolean closes = rest.contains("$$") || rest.contains("\\]");
                    display = displayAfter(rest, 0);
                    if (closes && display == 0) {
                        paragraph = false;
                    }
                }
                blankBefore = false;
            }
            if (eol < 0) {
                break;
            }
            start = eol + 1;
        }
    }

    /** The display open after the line (0 none, 1 {@code $$}, 2 {@code \\[}), given the one open before it. */
    private static int displayAfter(String line, int open) {
        int state = open;
        int i = 0;
        while (i < line.length()) {
            if (line.startsWith("\\$", i)) {
                i += 2;
                continue;
            }
            if (line.startsWith("$$", i) && state != 2) {
                state = state == 1 ? 0 : 1;
            } else if (line.startsWith("\\[", i) && state == 0) {
                state = 2;
            } else if (line.startsWith("\\]", i) && state == 2) {
                state = 0;
            } else {
                i++;
                continue;
            }
            i += 2;
        }
        return state;
    }

    /**
     * The elements whose text KaTeX's and MathJax's page renderers never typeset as math (their default ignored tags:
     * {@code pre}, {@code code}, {@code textarea}, {@code option}, {@code script}, {@code noscript}, {@code style},
     * {@code annotation}): shown as text or not at all, so a display there is not read. An element never closed runs to
     * the end of the file.
     */
    private static final Pattern UNRENDERED = Pattern.compile("(?i)<(pre|code|textarea|option|script|noscript|style|annotation"
            + "(?:-xml)?)(?=[\\s>/])[^>]*>");

    static void unrenderedHtml(StringBuilder sb) {
        String t = sb.toString();
        Matcher m = UNRENDERED.matcher(t);
        int from = 0;
        while (from < t.length() && m.find(from)) {
            Matcher close = Pattern.compile("(?i)</" + Pattern.quote(m.group(1)) + "\\s*>").matcher(t);
            int end = close.find(m.end()) ? close.end() : t.length();
            blank(sb, m.start(), end);
            from = end;
        }
    }

    /** The columns of leading white space (a tab to the next multiple of four). */
    private static int columns(String s) {
        int col = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                col++;
            } else if (c == '\t') {
                col += 4 - col % 4;
            } else {
                break;
            }
        }
        return col;
    }

    private static int offsetOfColumn(String s, int column) {
        int col = 0;
        int i = 0;
        while (i < s.length() && col < column && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            col += s.charAt(i) == '\t' ? 4 - col % 4 : 1;
            i++;
        }
        return i;
    }

    /** LaTeX: comments (from an unescaped % to the end of its line) and verbatim environments. */
    static String latexComments(String s) {
        StringBuilder sb = new StringBuilder(SourceText.withoutLatexComments(s));
        String t = sb.toString();
        Matcher v = VERBATIM.matcher(t);
        int from = 0;
        while (from < t.length() && v.find(from)) {
            Matcher end = Pattern.compile("\\\\end\\s*\\{" + Pattern.quote(v.group(1)) + "\\*?\\}").matcher(t);
            int stop = end.find(v.end()) ? end.end() : t.length();
            blank(sb, v.start(), stop);
            from = stop;
        }
        return sb.toString();
    }

    static void blank(StringBuilder sb, int from, int to) {
        for (int i = from; i < to && i < sb.length(); i++) {
            if (sb.charAt(i) != '\n') {
                sb.setCharAt(i, ' ');
            }
        }
    }
}
