package org.derivcheck.report;

import static org.derivcheck.report.HtmlPage.esc;

import java.util.List;
import org.derivcheck.check.DefinitionShown;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.check.Evidence;
import org.derivcheck.check.StepResult;
import org.derivcheck.diagnose.Diagnosis;

/**
 * The check report as one self-contained HTML page: every derivation and step with its formula rendered by
 * KaTeX, a verdict colour, the method and evidence, and for a refuted step its counterexample and diagnoses.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(String title, List<DerivationResult> results) {
        return render(title, results, false);
    }

    /** @param verbose also show each step as derivcheck read it (definitions expanded) */
    public static String render(String title, List<DerivationResult> results, boolean verbose) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(title)).append("</h1>\n<p>").append(esc(Summary.of(results).line())).append("</p>\n");
        for (DerivationResult d : results) {
            derivation(d, b, verbose);
        }
        return HtmlPage.page(title, b.toString());
    }

    public static void derivation(DerivationResult d, StringBuilder b) {
        derivation(d, b, false);
    }

    public static void derivation(DerivationResult d, StringBuilder b, boolean verbose) {
        b.append("<h2>").append(esc(d.id())).append(d.title().isEmpty() ? "" : " &mdash; " + esc(d.title())).append("</h2>\n");
        b.append("<p class=\"note\">").append(esc(d.file().toString()))
                .append(d.source().isEmpty() ? "" : " &middot; " + esc(d.source())).append("</p>\n");
        d.error().ifPresent(e -> b.append("<div class=\"step ").append(d.verdict()).append("\">").append(badge(d.verdict().name()))
                .append(" <code>").append(esc(e)).append("</code></div>\n"));
        if (!d.definitions().isEmpty()) {
            b.append("<div class=\"defs\"><span class=\"note\">Definitions (the steps use them by name):</span>\n");
            for (DefinitionShown def : d.definitions()) {
                b.append(def.tex().isBlank() ? "<div><code>" + esc(def.name() + " := " + def.text()) + "</code></div>"
                        : HtmlPage.math(display(def.tex()), true)).append('\n');
            }
            b.append("</div>\n");
        }
        for (StepResult s : d.steps()) {
            step(s, b, verbose);
        }
    }

    /** A formula for display: one relation per row, long sides broken ({@link TexLayout}). */
    static String display(String tex) {
        List<String> rows = tex.contains(" := ") ? LatexReport.definitionRows(tex) : TexLayout.rows(tex);
        if (rows.size() <= 1) {
            return tex;
        }
        return "\\begin{aligned}" + String.join(" \\\\ ", rows) + "\\end{aligned}";
    }

    /** One step: verdict, formula, method, and what backs or refutes it. */
    public static void step(StepResult s, StringBuilder b) {
        step(s, b, false);
    }

    public static void step(StepResult s, StringBuilder b, boolean verbose) {
        b.append("<div class=\"step ").append(s.verdict()).append("\">").append(badge(s.verdict().name()))
                .append(" step ").append(esc(s.index())).append(s.line() > 0 ? " &middot; line " + s.line() : "")
                .append(" &middot; ").append(esc(s.method()))
                .append(s.name().isEmpty() ? "" : " &middot; <b>" + esc(s.name()) + "</b>").append('\n');
        if (!s.tex().isEmpty()) {
            b.append(HtmlPage.math(display(s.tex()), true)).append('\n');
        } else {
            b.append("<div><code>").append(esc(s.claim())).append("</code></div>\n");
        }
        if (verbose && !s.readAs().isEmpty()) {
            b.append("<div class=\"note\">as derivcheck read it: <code>").append(esc(s.readAs())).append("</code></div>\n");
        }
        b.append("<div>").append(esc(s.message())).append("</div>\n");
        s.counterexample().ifPresent(cx -> b.append("<div><b>Counterexample:</b> ").append(esc(TextReport.counterexample(cx)))
                .append("</div>\n"));
        if (!s.diagnoses().isEmpty()) {
            b.append("<ul>");
            for (Diagnosis d : s.diagnoses()) {
                b.append("<li><b>Diagnosis:</b> ").append(withMath(d.tex())).append("</li>");
            }
            b.append("</ul>\n");
        }
        if (!s.evidence().isEmpty()) {
            b.append("<details><summary class=\"note\">evidence</summary><ul class=\"note\">");
            for (Evidence e : s.evidence()) {
                b.append("<li>[").append(esc(e.method())).append("] ").append(esc(e.detail())).append("</li>");
            }
            b.append("</ul></details>\n");
        }
        b.append("</div>\n");
    }

    /** Words with {@code $LaTeX$} expressions (a diagnosis in the user's notation): the words escaped, each expression by KaTeX. */
    static String withMath(String text) {
        StringBuilder b = new StringBuilder();
        String[] parts = text.split("\\$", -1);
        for (int i = 0; i < parts.length; i++) {
            b.append(i % 2 == 1 && i < parts.length - 1 ? HtmlPage.math(parts[i], false) : esc(parts[i]));
        }
        return b.toString();
    }

    static String badge(String verdict) {
        return "<span class=\"verdict v-" + esc(verdict) + "\">" + esc(verdict) + "</span>";
    }
}
