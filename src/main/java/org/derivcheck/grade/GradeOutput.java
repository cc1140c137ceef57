package org.derivcheck.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.report.JUnitReport;
import org.derivcheck.report.JsonReport;

/**
 * Writes a grading run under one folder and nowhere else. Each submission's feedback page, Gradescope
 * results file and progress line are written as soon as it is graded, so nothing already checked is lost
 * if the run stops; the class-wide files (scores.csv, scores.json, checks.json, junit.xml, index.html)
 * are written at the end.
 */
public final class GradeOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path out;
    private final Rubric rubric;

    public GradeOutput(Path out, Rubric rubric) throws IOException {
        this.out = out.toAbsolutePath().normalize();
        this.rubric = rubric;
        Files.createDirectories(this.out.resolve("feedback"));
        Files.createDirectories(this.out.resolve("gradescope"));
        Files.deleteIfExists(this.out.resolve("progress.jsonl"));
    }

    public Path folder() {
        return out;
    }

    /** Writes what belongs to one submission, at once. */
    public synchronized void accept(SubmissionGrade g) {
        write(Path.of("feedback", g.id() + ".html"), GradeHtml.feedback(rubric, g));
        write(Path.of("gradescope", g.id(), "results.json"), GradescopeResults.render(rubric, g));
        ObjectNode line = scoreNode(g);
        try {
            Files.writeString(inside(Path.of("progress.jsonl")), new ObjectMapper().writeValueAsString(line) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the class-wide files. */
    public void finish(List<SubmissionGrade> grades, java.util.Map<String, String> targetTex) {
        StringBuilder csv = new StringBuilder("submission");
        for (RubricResult r : rubric.results()) {
            csv.append(',').append(r.id());
        }
        csv.append(",total,max,status\n");
        for (SubmissionGrade g : grades) {
            csv.append(csvField(g.id()));
            for (ResultScore s : g.scores()) {
                csv.append(',').append(GradeFormat.points(s.earned()));
            }
            csv.append(',').append(GradeFormat.points(g.total())).append(',').append(GradeFormat.points(g.max())).append(',')
                    .append(g.error().isPresent() ? "unreadable" : g.needsReview() ? "review" : "graded").append('\n');
        }
        write(Path.of("scores.csv"), csv.toString());
        ObjectNode root = MAPPER.createObjectNode();
        root.put("rubric", rubric.id());
        root.put("max_score", rubric.maxScore());
        ArrayNode subs = root.putArray("submissions");
        for (SubmissionGrade g : grades) {
            subs.add(scoreNode(g));
        }
        try {
            write(Path.of("scores.json"), MAPPER.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<DerivationResult> checks = grades.stream().map(SubmissionGrade::asDerivationResult).toList();
        write(Path.of("checks.json"), JsonReport.render(checks));
        write(Path.of("junit.xml"), JUnitReport.render("grade " + rubric.id(), checks));
        write(Path.of("index.html"), GradeHtml.table(rubric, grades, targetTex));
    }

    static ObjectNode scoreNode(SubmissionGrade g) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", g.id());
        ArrayNode files = n.putArray("files");
        g.files().forEach(f -> files.add(f.toString()));
        n.put("score", g.total());
        n.put("max_score", g.max());
        n.put("review", g.needsReview());
        g.error().ifPresent(e -> n.put("error", e));
        n.put("millis", g.millis());
        ArrayNode rs = n.putArray("results");
        for (ResultScore s : g.scores()) {
            rs.addObject().put("id", s.resultId()).put("score", s.earned()).put("max_score", s.points())
                    .put("status", s.status().name()).put("review", s.review()).put("message", s.message());
        }
        return n;
    }

    private static String csvField(String s) {
        return s.matches("[A-Za-z0-9._-]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The path under the output folder; anything that would leave it is refused. */
    private Path inside(Path relative) {
        Path p = out.resolve(relative).normalize();
        if (!p.startsWith(out)) {
            throw new IllegalArgumentException("refusing to write outside " + out + ": " + relative);
        }
        return p;
    }

    private void write(Path relative, String content) {
        Path p = inside(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
