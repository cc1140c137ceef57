package org.derivcheck.grade;

import static org.derivcheck.report.HtmlPage.esc;

import java.util.List;
import org.derivcheck.check.StepResult;
import org.derivcheck.report.HtmlPage;
import org.derivcheck.report.HtmlReport;

/** The score table of a class and the feedback page of one student, as self-contained HTML. */
final class GradeHtml {
    private GradeHtml() {
    }

    static String table(Rubric rubric, List<SubmissionGrade> grades, java.util.Map<String, String> targetTex) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Scores: ").append(esc(rubric.title().isEmpty() ? rubric.id() : rubric.title())).append("</h1>\n");
        b.append("<p class=\"note\">rubric ").append(esc(rubric.file().toString())).append(" &middot; ").append(grades.size())
                .append(" submissions &middot; maximum ").append(GradeFormat.points(rubric.maxScore())).append("</p>\n");
        b.append("<table><tr><th>submission</th>");
        for (RubricResult r : rubric.results()) {
            b.append("<th>").append(esc(r.id())).append(" (").append(GradeFormat.points(r.points())).append(")</th>");
        }
        b.append("<th>total</th><th>note</th></tr>\n");
        for (SubmissionGrade g : grades) {
            b.append("<tr><td><a href=\"feedback/").append(esc(g.id())).append(".html\">").append(esc(g.id())).append("</a></td>");
            for (ResultScore s : g.scores()) {
                b.append("<td class=\"").append(s.status()).append("\">").append(GradeFormat.points(s.earned())).append("</td>");
            }
            b.append("<td><b>").append(GradeFormat.points(g.total())).append("</b></td><td>")
                    .append(g.error().isPresent() ? "unreadable" : g.needsReview() ? "review" : "").append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Targets</h2>\n<ul>");
        for (RubricResult r : rubric.results()) {
            String tex = targetTex.getOrDefault(r.id(), "");
            b.append("<li><b>").append(esc(r.id())).append("</b> ").append(esc(r.title())).append(": ")
                    .append(tex.isBlank() ? "<code>" + esc(r.target().relation()) + "</code>" : HtmlPage.math(tex, true))
                    .append("</li>");
        }
        b.append("</ul>\n");
        return HtmlPage.page("Scores " + rubric.id(), b.toString());
    }

    static String feedback(Rubric rubric, SubmissionGrade g) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Feedback for ").append(esc(g.id())).append("</h1>\n<p><b>Score: ").append(GradeFormat.points(g.total()))
                .append(" / ").append(GradeFormat.points(g.max())).append("</b>")
                .append(g.needsReview() ? " &middot; some steps could not be decided: a person will review them" : "")
                .append("</p>\n<p class=\"note\">");
        for (int i = 0; i < g.files().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(esc(String.valueOf(g.files().get(i).getFileName())));
        }
        b.append(" &middot; rubric ").append(esc(rubric.id())).append("</p>\n");
        g.error().ifPresent(e -> b.append("<div class=\"step INVALID\"><b>This submission could not be read.</b><br><code>")
                .append(esc(e)).append("</code></div>\n"));
        b.append("<table><tr><th>result</th><th>points</th><th>why</th></tr>\n");
        for (ResultScore s : g.scores()) {
            b.append("<tr class=\"").append(s.status()).append("\"><td>").append(esc(s.resultId()))
                    .append(s.title().isEmpty() ? "" : "<br><span class=\"note\">" + esc(s.title()) + "</span>").append("</td><td>")
                    .append(GradeFormat.points(s.earned())).append(" / ").append(GradeFormat.points(s.points()))
                    .append("</td><td>").append(esc(s.message())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (ChainResult c : g.chains()) {
            b.append("<h2>").append(esc(c.where())).append(c.about().isEmpty() ? "" : " &mdash; about " + esc(String.join(", ",
                    c.about()))).append("</h2>\n");
            b.append("<details><summary class=\"note\">as written in ").append(esc(String.valueOf(c.chain().file().getFileName())))
                    .append(" (the formulas below are derivcheck's reading, with the rubric's definitions filled in)</summary><pre><code>");
            for (Chain.ChainLine l : c.chain().lines()) {
                b.append(esc(l.line() + ": " + l.source().strip())).append('\n');
            }
            b.append("</code></pre></details>\n");
            for (StepResult s : c.steps()) {
                HtmlReport.step(s, b);
            }
        }
        return HtmlPage.page("Feedback " + g.id(), b.toString());
    }
}
