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
        List<String> unread = GradescopeResults.parseErrors(g);
        if (!unread.isEmpty()) {
            b.append("<div class=\"step INVALID\"><b>Lines derivcheck could not read</b> (fix them and resubmit):<ul>");
            for (String u : unread) {
                b.append("<li><code>").append(esc(u)).append("</code></li>");
            }
            b.append("</ul></div>\n");
        }
        TargetTex targets = new TargetTex(rubric);
        java.util.Map<String, RubricResult> byId = new java.util.HashMap<>();
        rubric.results().forEach(r -> byId.put(r.id(), r));
        b.append("<table><tr><th>result</th><th>target</th><th>points</th><th>why</th></tr>\n");
        for (ResultScore s : g.scores()) {
            RubricResult r = byId.get(s.resultId());
            b.append("<tr class=\"").append(s.status()).append("\"><td>").append(esc(s.resultId()))
                    .append(s.title().isEmpty() ? "" : "<br><span class=\"note\">" + esc(s.title()) + "</span>").append("</td><td>")
                    .append(r == null ? "" : HtmlPage.math(targets.of(r), false)).append("</td><td>")
                    .append(GradeFormat.points(s.earned())).append(" / ").append(GradeFormat.points(s.points()))
                    .append("</td><td>").append(esc(s.message())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (ChainResult c : g.chains()) {
            b.append("<h2>").append(esc(c.where())).append(c.about().isEmpty() ? "" : " &mdash; about " + esc(String.join(", ",
                    c.about()))).append("</h2>\n");
            b.append("<div class=\"note\">as written in ").append(esc(String.valueOf(c.chain().file().getFileName())))
                    .append(":</div>\n");
            if (c.chain().tex()) {
                StringBuilder tex = new StringBuilder("\\begin{aligned}");
                for (int i = 0; i < c.chain().lines().size(); i++) {
                    String src = c.chain().lines().get(i).source().strip().replaceAll("\\\\label\\{[^}]*\\}", "");
                    tex.append(i == 0 ? "" : " \\\\ ").append(src.contains("&") ? src : "& " + src);
                }
                b.append(HtmlPage.math(tex.append("\\end{aligned}").toString(), true)).append('\n');
            }
            b.append("<pre><code>");
            for (Chain.ChainLine l : c.chain().lines()) {
                b.append(esc(l.line() + ": " + l.source().strip())).append('\n');
            }
            b.append("</code></pre>\n");
            for (StepResult s : c.steps()) {
                HtmlReport.step(s, b);
            }
        }
        return HtmlPage.page("Feedback " + g.id(), b.toString());
    }
}
