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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.report.JUnitReport;
import org.derivcheck.report.JsonReport;

/**
 * Writes a grading run under one folder and nowhere else. Each submission's feedback page, Gradescope
 * results file and progress line are written as soon as it is graded, so nothing already checked is lost
 * if the run stops; the class-wide files (scores.csv, scores.json, checks.json, junit.xml, index.html)
 * are written at the end, with {@code shard.json} (what {@link GradeMerge} needs to combine shards).
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

    /** Writes the class-wide files of a whole class (an unsharded run). */
    public void finish(List<SubmissionGrade> grades, Map<String, String> targetTex) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < grades.size(); i++) {
            positions.add(i);
        }
        finish(grades, targetTex, Shard.ALL, positions);
    }

    /**
     * Writes the class-wide files of this run (one shard of the class, or all of it) and {@code shard.json},
     * which {@code grade merge} reads: the rubric, the shard, each submission's position in the whole class
     * and the targets' TeX.
     */
    public void finish(List<SubmissionGrade> grades, Map<String, String> targetTex, Shard shard, List<Integer> positions) {
        List<ObjectNode> nodes = grades.stream().map(GradeOutput::scoreNode).toList();
        List<DerivationResult> checks = grades.stream().map(SubmissionGrade::asDerivationResult).toList();
        writeClassFiles(nodes, JsonReport.render(checks), JUnitReport.render("grade " + rubric.id(), checks),
                GradeHtml.table(rubric, grades, targetTex));
        ObjectNode run = MAPPER.createObjectNode();
        run.put("rubric", rubric.id());
        run.put("shard", shard.index());
        run.put("shards", shard.count());
        ObjectNode pos = run.putObject("positions");
        for (int i = 0; i < grades.size(); i++) {
            pos.put(grades.get(i).id(), positions.get(i));
        }
        ObjectNode tex = run.putObject("target_tex");
        new TreeMap<>(targetTex).forEach(tex::put);
        writeJson(Path.of(SHARD_FILE), run);
    }

    /** The name of the file that describes the run (see {@link #finish(List, Map, Shard, List)}). */
    public static final String SHARD_FILE = "shard.json";

    /** scores.csv, scores.json, checks.json, junit.xml and index.html, from the submissions' score nodes. */
    void writeClassFiles(List<ObjectNode> nodes, String checksJson, String junitXml, String indexHtml) {
        StringBuilder csv = new StringBuilder("submission");
        for (RubricResult r : rubric.results()) {
            csv.append(',').append(r.id());
        }
        csv.append(",total,max,status\n");
        for (ObjectNode g : nodes) {
            csv.append(csvField(g.get("id").asText()));
            for (var s : g.get("results")) {
                csv.append(',').append(GradeFormat.points(s.get("score").asDouble()));
            }
            csv.append(',').append(GradeFormat.points(g.get("score").asDouble())).append(',')
                    .append(GradeFormat.points(g.get("max_score").asDouble())).append(',')
                    .append(g.has("error") ? "unreadable" : g.get("review").asBoolean() ? "review" : "graded").append('\n');
        }
        write(Path.of("scores.csv"), csv.toString());
        ObjectNode root = MAPPER.createObjectNode();
        root.put("rubric", rubric.id());
        root.put("max_score", rubric.maxScore());
        root.putArray("submissions").addAll(nodes);
        writeJson(Path.of("scores.json"), root);
        write(Path.of("checks.json"), checksJson);
        write(Path.of("junit.xml"), junitXml);
        write(Path.of("index.html"), indexHtml);
    }

    void writeJson(Path relative, ObjectNode node) {
        try {
            write(relative, MAPPER.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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

    void write(Path relative, String content) {
        Path p = inside(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
