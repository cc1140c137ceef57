package org.derivcheck.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a document and its line starts, to turn offsets into 1-based lines and columns: a student's document and a
 * graded LaTeX submission alike.
 */
public final class SourceText {
    private final String text;
    private final int[] lineStarts;

    public SourceText(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public String text() {
        return text;
    }

    public int lines() {
        return lineStarts.length;
    }

    /** The 1-based line of a 0-based offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** The 1-based column of a 0-based offset. */
    public int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** The text of a 1-based line, without its line break. */
    public String line(int line) {
        int s = lineStarts[line - 1];
        int e = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        return text.substring(s, Math.max(s, e));
    }

    /** The 0-based offset where a 1-based line starts. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** LaTeX text with every comment (from an unescaped % to the end of its line) replaced by spaces. */
    public static String withoutLatexComments(String s) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '%') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                    i++;
                }
            }
        }
        return sb.toString();
    }
}
