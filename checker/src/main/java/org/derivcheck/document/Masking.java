package org.derivcheck.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Blanks out what is not read as formulas, keeping every offset and line break where it was. */
final class Masking {
    /** A link reference definition: never shown ({@code [//]: # (a comment)} is Markdown's comment idiom). */
    private static final Pattern LINK_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]\\n]+\\]:[ \\t]*(?:<[^>\\n]*>|\\S+)"
            + "(?:[ \\t]+(?:\"[^\"\\n]*\"|'[^'\\n]*'|\\([^)\\n]*\\)))?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("(?m)^[ ]{0,3}(`{3,}|~{3,})");
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
            Pattern close = Pattern.compile("(?m)^[ ]{0,3}" + Pattern.quote(fence.substring(0, 1)) + "{" + fence.length()
                    + ",}[ \\t]*$");
            Matcher c = close.matcher(s);
            int end = c.find(lineEnd + 1) ? c.end() : s.length();
            blank(sb, f.start(), end);
            from = end;
            if (from >= s.length()) {
                break;
            }
        }
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
