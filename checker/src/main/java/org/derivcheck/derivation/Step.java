package org.derivcheck.derivation;

import java.util.List;
import java.util.Optional;

/**
 * One step: a claim ({@code lhs = rhs}, or a chain {@code a = b <= c} in one text) or a chain given line
 * by line, where every line after the first starts with its relation to the line before.
 *
 * @param number 1-based position in the file
 * @param lines  one line for a claim; several for a chain
 * @param tex    optional LaTeX of the same claim
 * @param expect optional expected verdict (test corpora)
 * @param maximize set for a "maximizes" claim instead of lines
 * @param by       the inequality rule the step cites ({@code by: jensen}), checked as an instance of the rule
 */
public record Step(int number, Optional<String> name, List<Line> lines, Optional<String> tex, Optional<Expected> expect,
        int line, Optional<Maximize> maximize, Optional<String> by) {
    public Step(int number, Optional<String> name, List<Line> lines, Optional<String> tex, Optional<Expected> expect,
            int line) {
        this(number, name, lines, tex, expect, line, Optional.empty(), Optional.empty());
    }

    public Step(int number, Optional<String> name, List<Line> lines, Optional<String> tex, Optional<Expected> expect,
            int line, Optional<Maximize> maximize) {
        this(number, name, lines, tex, expect, line, maximize, Optional.empty());
    }

    public Step {
        lines = List.copyOf(lines);
    }
}
