package org.derivcheck.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What LaTeX does not typeset, blanked (offsets and line breaks kept), so that a formula a reader of the PDF cannot
 * see is never read: the false branch of {@code \iffalse ... \else ... \fi} and {@code \iftrue ... \else ... \fi}
 * (nested conditionals counted), {@code \verb|...|} (shown as code, not as a formula), the preamble before
 * {@code \begin{document}}, and everything after {@code \end{document}}, {@code \endinput}, {@code \stop},
 * {@code \bye} or a bare {@code \end}. Comments and verbatim environments are blanked before ({@link Masking}).
 * Other conditionals ({@code \ifx}, {@code \ifnum}, {@code \newif}) cannot be evaluated without running TeX: they are
 * left as they are here, and the grader refuses them.
 */
final class Typeset {
    private static final Pattern CONDITIONAL = Pattern.compile("\\\\(if[A-Za-z]*|else|fi|or)(?![A-Za-z])");
    private static final Pattern VERB = Pattern.compile("\\\\verb\\*?(?![A-Za-z])");
    private static final Pattern BEGIN_DOCUMENT = Pattern.compile("\\\\begin\\s*\\{document\\}");
    private static final Pattern STOP = Pattern.compile(
            "\\\\end\\s*\\{document\\}|\\\\(?:endinput|stop|bye)(?![A-Za-z])|\\\\end(?![A-Za-z])(?!\\s*\\{)");

    private Typeset() {
    }

    /** The comment-masked LaTeX text with what is not typeset blanked as well. */
    static String latex(String masked) {
        StringBuilder sb = new StringBuilder(masked);
        verb(masked, sb);
        conditionals(sb.toString(), sb);
        String t = sb.toString();
        Matcher begin = BEGIN_DOCUMENT.matcher(t);
        int body = 0;
        if (begin.find()) {
            body = begin.end();
            Masking.blank(sb, 0, body);
        }
        Matcher stop = STOP.matcher(t);
        if (stop.find(body)) {
            Masking.blank(sb, stop.start(), sb.length());
        }
        return sb.toString();
    }

    /** {@code \verb<c>...<c>} on one line: shown as typewriter text, never as a formula. */
    private static void verb(String t, StringBuilder sb) {
        Matcher v = VERB.matcher(t);
        int from = 0;
        while (from < t.length() && v.find(from)) {
            int d = v.end();
            if (d >= t.length() || Character.isWhitespace(t.charAt(d))) {
                from = d;
                continue;
            }
            int close = t.indexOf(t.charAt(d), d + 1);
            int eol = t.indexOf('\n', d);
            int end = close < 0 || (eol >= 0 && close > eol) ? (eol < 0 ? t.length() : eol) : close + 1;
            Masking.blank(sb, v.start(), end);
            from = end;
        }
    }

    /**
     * Blanks the branches of {@code \iffalse} and {@code \iftrue} that TeX skips: from {@code \iffalse} to its
     * {@code \else} (or {@code \fi}), from {@code \iftrue}'s {@code \else} to its {@code \fi}; a conditional nested in a
     * skipped branch is skipped whole (TeX counts every {@code \if...} and {@code \fi} there). An {@code \iffalse} never
     * closed hides the rest of the file.
     */
    private static void conditionals(String t, StringBuilder sb) {
        Matcher m = CONDITIONAL.matcher(t);
        int from = 0;
        while (from < t.length() && m.find(from)) {
            String w = m.group(1);
            if (!w.equals("iffalse") && !w.equals("iftrue")) {
                from = m.end();
                continue;
            }
            Masking.blank(sb, m.start(), m.end()); // the conditional's own token is not shown
            boolean skipping = w.equals("iffalse");
            int hideFrom = m.start();
            int depth = 1;
            int end = t.length();
            while (m.find()) {
                String x = m.group(1);
                if (x.startsWith("if")) {
                    depth++;
                } else if (x.equals("fi") && --depth == 0) {
                    end = m.end();
                    Masking.blank(sb, m.start(), m.end());
                    break;
                } else if (depth == 1 && (x.equals("else") || x.equals("or"))) {
                    Masking.blank(sb, m.start(), m.end());
                    if (skipping) {
                        Masking.blank(sb, hideFrom, m.end());
                    } else {
                        hideFrom = m.start();
                    }
                    skipping = !skipping;
                }
            }
            if (skipping) {
                Masking.blank(sb, hideFrom, end);
            }
            from = end;
        }
    }
}
