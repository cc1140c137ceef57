package org.derivcheck.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A document as read: its displays in order, the problems found in it (each at an offset), the context text
 * it carries (front matter or {@code % derivcheck:} comments), its headings, and the macros it defines.
 *
 * @param macros macro name (with its backslash) to the 1-based line of its {@code \newcommand}
 */
public record Document(Path file, Markup markup, SourceText source, List<Display> displays, List<Problem> problems,
        Optional<Embedded> context, List<Heading> headings, Map<String, Integer> macros) {
    public Document {
        displays = List.copyOf(displays);
        problems = List.copyOf(problems);
        headings = List.copyOf(headings);
        macros = Map.copyOf(macros);
    }

    /** How the document is written. */
    public enum Markup { MARKDOWN, LATEX }

    /**
     * One display as found: its environment ("$$", "\\[", "equation", "align*", ...), where it starts, and its
     * body (between the delimiters) at {@code bodyStart}.
     */
    public record Display(int ordinal, String env, int start, int bodyStart, String body) {
        /** True for an environment LaTeX numbers (equation, align, gather, multline, flalign, eqnarray). */
        public boolean numbered() {
            return !env.endsWith("*") && !env.equals("$$") && !env.equals("\\[") && !env.equals("displaymath");
        }
    }

    /** Something wrong with the document at an offset; {@code display} is the display it spoils, or -1. */
    public record Problem(int offset, String message, int display) {
    }

    /** A heading ({@code ## Question 1.1.1}, {@code \section{...}}) at an offset. */
    public record Heading(int offset, int level, String text) {
    }

    /** The context YAML a document carries, and for every YAML line the 1-based document line it came from. */
    public record Embedded(String yaml, int[] lines) {
        public int documentLine(int yamlLine) {
            return yamlLine >= 1 && yamlLine <= lines.length ? lines[yamlLine - 1] : 0;
        }
    }
}
