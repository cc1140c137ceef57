package org.derivcheck.report;

import java.util.List;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.check.StepResult;

/**
 * The verified formulas as a LaTeX document (article, amsmath, amssymb): every PROVED or CONFIRMED step as
 * an {@code equation*}, preceded by a comment naming its source file, line, verdict and method. Refuted,
 * undecided and invalid steps are left out; a derivation with none left is left out too.
 */
public final class LatexReport {
    private LatexReport() {
    }

    public static String render(List<DerivationResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("% Written by derivcheck: the formulas below were checked; each comment says how.\n")
                .append("\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\usepackage[margin=2cm]{geometry}\n")
                .append("\\allowdisplaybreaks\n\\begin{document}\n");
        int written = 0;
        for (DerivationResult d : results) {
            List<StepResult> ok = d.steps().stream().filter(s -> s.verdict().holds() && !s.tex().isBlank()).toList();
            if (ok.isEmpty()) {
                continue;
            }
            b.append("\n\\section*{").append(text(d.title().isEmpty() ? d.id() : d.title())).append("}\n");
            if (!d.source().isEmpty()) {
                b.append("\\noindent Source: ").append(text(d.source())).append(".\n");
            }
            for (StepResult s : ok) {
                b.append("% ").append(comment(d.file() + ":" + s.line() + " step " + s.index() + ": " + s.verdict() + " by "
                        + s.method() + " (" + s.message() + ")")).append('\n');
                if (s.evidence().stream().anyMatch(e -> e.method().equals("tex") && e.detail().startsWith("shown as the claim"))) {
                    b.append("% the step's tex: form could not be read, so the claim is shown as derivcheck read it\n");
                }
                b.append("\\begin{equation*}\n").append(s.tex().strip()).append("\n\\end{equation*}\n");
                written++;
            }
        }
        if (written == 0) {
            b.append("No step was proved or confirmed.\n");
        }
        return b.append("\\end{document}\n").toString();
    }

    /** Text for LaTeX prose: the special characters escaped. */
    static String text(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '#', '$', '%', '&', '_', '{', '}' -> sb.append('\\').append(c);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                default -> sb.append(c < 32 ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /** One comment line: no line breaks. */
    private static String comment(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
