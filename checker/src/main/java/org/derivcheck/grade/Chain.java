package org.derivcheck.grade;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One chain of a submission: consecutive lines of a display, each related to the one before. Lines are
 * LaTeX for a .tex submission and derivcheck text for a .yaml one.
 *
 * @param number 1-based position in the submission
 * @param label  the result id it is meant for ({@code \label{fisher}} or {@code % derivcheck: result fisher})
 * @param refused why the chain is not read, when the document reader found a reason (a command the submission
 *               defines itself)
 */
public record Chain(int number, Optional<String> label, List<ChainLine> lines, Path file, boolean tex,
        Optional<String> refused) {
    public Chain {
        lines = List.copyOf(lines);
    }

    public Chain(int number, Optional<String> label, List<ChainLine> lines, Path file, boolean tex) {
        this(number, label, lines, file, tex, Optional.empty());
    }

    /** One line of a chain and where it starts in its file (1-based line and column). */
    public record ChainLine(String source, int line, int column) {
        /** "line:column" in the file of the 1-based column {@code at} of {@link #source()}. */
        public String locate(int at) {
            int i = Math.max(0, Math.min(source.length(), at - 1));
            int nl = source.lastIndexOf('\n', i - 1);
            int lines = (int) source.substring(0, i).chars().filter(c -> c == '\n').count();
            int col = nl < 0 ? column + i : i - nl;
            return (line + lines) + ":" + col;
        }
    }

    public int firstLine() {
        return lines.isEmpty() ? 0 : lines.get(0).line();
    }

    public int lastLine() {
        return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).line();
    }
}
