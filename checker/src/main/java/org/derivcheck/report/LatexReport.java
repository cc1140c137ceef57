package org.derivcheck.report;

import java.util.ArrayList;
import java.util.List;
import org.derivcheck.check.DefinitionShown;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.check.StepResult;

/**
 * The verified formulas as a LaTeX document to paste from (article, amsmath, amssymb): per derivation its
 * definitions once, then every PROVED or CONFIRMED step in the user's notation as an {@code align*}, one
 * relation per line (the lines of a chain continue one another) and long sides broken before a + or −
 * ({@link TexLayout}). A comment before each formula names its source file, line, verdict and method.
 * Refuted, undecided and invalid steps are left out; a derivation with none left is left out too.
 */
public final class LatexReport {
    private LatexReport() {
    }

    public static String render(List<DerivationResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("% Written by derivcheck: the formulas below were checked; each comment says how.\n")
                .append("\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\usepackage[margin=2cm]{geometry}\n")
                .append("\\allowdisplaybreaks\n\\begin{document}\n\\sloppy\n");
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
            definitions(d.definitions(), b);
            for (List<StepResult> group : chains(ok)) {
                step(d, group, b);
                written += group.size();
            }
        }
        if (written == 0) {
            b.append("No step was proved or confirmed.\n");
        }
        return b.append("\\end{document}\n").toString();
    }

    private static void definitions(List<DefinitionShown> defs, StringBuilder b) {
        List<DefinitionShown> shown = defs.stream().filter(x -> !x.tex().isBlank()).toList();
        if (shown.isEmpty()) {
            return;
        }
        b.append("\n\\noindent Definitions (the formulas below use them by name):\n\\begin{align*}\n");
        List<String> rows = new ArrayList<>();
        for (DefinitionShown def : shown) {
            rows.addAll(definitionRows(def.tex()));
        }
        b.append(String.join(" \\\\\n", rows)).append("\n\\end{align*}\n");
    }

    /** {@code name := body} as rows "name &:= body", the body broken like a side. */
    static List<String> definitionRows(String tex) {
        int at = tex.indexOf(" := ");
        if (at < 0) {
            return TexLayout.rows(tex);
        }
        List<String> rows = new ArrayList<>(TexLayout.rows(tex.substring(0, at) + " = " + tex.substring(at + 4)));
        if (!rows.isEmpty()) {
            rows.set(0, rows.get(0).replaceFirst("& = ", "&:= "));
        }
        return rows;
    }

    /** Consecutive relations of one step whose left side is the right side of the one before, together. */
    private static List<List<StepResult>> chains(List<StepResult> ok) {
        List<List<StepResult>> out = new ArrayList<>();
        for (StepResult s : ok) {
            List<StepResult> last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && stepOf(last.get(last.size() - 1)).equals(stepOf(s)) && s.index().contains(".")
                    && left(s).equals(right(last.get(last.size() - 1)))) {
                last.add(s);
            } else {
                List<StepResult> g = new ArrayList<>();
                g.add(s);
                out.add(g);
            }
        }
        return out;
    }

    private static String stepOf(StepResult s) {
        int dot = s.index().indexOf('.');
        return dot < 0 ? s.index() : s.index().substring(0, dot);
    }

    private static String left(StepResult s) {
        List<String> parts = TexLayout.splitTopLevel(s.tex(), true);
        return parts.size() == 3 ? parts.get(0).strip() : "\u0000";
    }

    private static String right(StepResult s) {
        List<String> parts = TexLayout.splitTopLevel(s.tex(), true);
        return parts.size() == 3 ? parts.get(2).strip() : "\u0001";
    }

    private static void step(DerivationResult d, List<StepResult> group, StringBuilder b) {
        StepResult first = group.get(0);
        b.append('\n');
        for (StepResult s : group) {
            b.append("% ").append(comment(d.file() + ":" + s.line() + " step " + s.index() + ": " + s.verdict() + " by "
                    + s.method() + " (" + s.message() + ")")).append('\n');
            if (s.evidence().stream().anyMatch(e -> e.method().equals("tex") && e.detail().startsWith("shown as the claim"))) {
                b.append("% the step's tex: form could not be read, so the claim is shown as written (in LaTeX)\n");
            }
        }
        String label = "Step " + stepOf(first) + (first.name().isEmpty() ? "" : ": " + first.name());
        b.append("\\noindent{\\small ").append(text(label)).append(" \\hfill ").append(text(verdicts(group)))
                .append("}\n");
        StringBuilder tex = new StringBuilder(first.tex().strip());
        for (StepResult s : group.subList(1, group.size())) {
            List<String> parts = TexLayout.splitTopLevel(s.tex(), true);
            tex.append(' ').append(parts.get(1).strip()).append(' ').append(parts.get(2).strip());
        }
        b.append("\\begin{align*}\n").append(String.join(" \\\\\n", TexLayout.rows(tex.toString())))
                .append("\n\\end{align*}\n");
    }

    private static String verdicts(List<StepResult> group) {
        List<String> out = new ArrayList<>();
        for (StepResult s : group) {
            String v = s.verdict() + " (" + s.method() + ")";
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return String.join(", ", out);
    }

    /** Text for LaTeX prose: the special characters escaped ({@code ||}, {@code <=} in math so they print as such). */
    static String text(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '#', '$', '%', '&', '_', '{', '}' -> sb.append('\\').append(c);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                case '|' -> {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '|') {
                        sb.append("$\\|$");
                        i++;
                    } else {
                        sb.append("$|$");
                    }
                }
                case '<', '>' -> {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '=') {
                        sb.append(c == '<' ? "$\\le$" : "$\\ge$");
                        i++;
                    } else {
                        sb.append('$').append(c).append('$');
                    }
                }
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
