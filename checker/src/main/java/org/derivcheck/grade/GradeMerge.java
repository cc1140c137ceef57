package org.derivcheck.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.derivcheck.check.Verdict;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.report.Summary;

/**
 * {@code grade merge}: combines the output folders of the shards {@code 0/N .. N-1/N} of one class into the
 * folder an unsharded run writes: one score table (scores.csv, scores.json, index.html), one checks.json and
 * junit.xml, every feedback page and Gradescope results file, in the class's order. It refuses shards of
 * another rubric, a missing or repeated shard, and a submission graded twice.
 */
public final class GradeMerge {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern SUITES = Pattern.compile("<testsuites name=\"[^\"]*\" tests=\"(\\d+)\" failures=\"(\\d+)\" "
            + "errors=\"(\\d+)\" time=\"([0-9.]+)\">\\n");
    private static final Pattern SUITE_NAME = Pattern.compile("^  <testsuite name=\"([^\"]*)\"");

    private GradeMerge() {
    }

    /** Merges the shard folders into {@code out}; returns the number of submissions. */
    public static int merge(Rubric rubric, List<Path> shardDirs, Path out) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        for (Path d : shardDirs) {
            runs.add(readJson(d.resolve(GradeOutput.SHARD_FILE), d));
        }
        int n = runs.isEmpty() ? 0 : runs.get(0).path("shards").asInt();
        Path[] byIndex = new Path[Math.max(n, 1)];
        for (int i = 0; i < runs.size(); i++) {
            JsonNode r = runs.get(i);
            Path d = shardDirs.get(i);
            if (!rubric.id().equals(r.path("rubric").asText())) {
                throw fail(d, "graded with rubric '" + r.path("rubric").asText() + "', not '" + rubric.id() + "'");
            }
            int k = r.path("shard").asInt(-1);
            if (r.path("shards").asInt() != n || k < 0 || k >= n) {
                throw fail(d, "is shard " + k + "/" + r.path("shards").asInt() + ", the first folder is one of " + n);
            }
            if (byIndex[k] != null) {
                throw fail(d, "is shard " + k + "/" + n + " again (also " + byIndex[k] + ")");
            }
            byIndex[k] = d;
        }
        for (int k = 0; k < n; k++) {
            if (byIndex[k] == null) {
                throw new IllegalArgumentException("shard " + k + "/" + n + " is missing: give every shard's output folder");
            }
        }
        // every submission: its position in the class and the folder that graded it
        Map<String, Integer> position = new HashMap<>();
        Map<String, Path> from = new HashMap<>();
        Map<String, String> targetTex = new TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Path d = shardDirs.get(i);
            runs.get(i).path("target_tex").fields().forEachRemaining(e -> targetTex.put(e.getKey(), e.getValue().asText()));
            for (var it = runs.get(i).path("positions").fields(); it.hasNext();) {
                var e = it.next();
                if (from.put(e.getKey(), d) != null) {
                    throw fail(d, "grades submission '" + e.getKey() + "' again (also " + from.get(e.getKey()) + ")");
                }
                position.put(e.getKey(), e.getValue().asInt());
            }
        }
        Comparator<String> order = Comparator.comparing(position::get);

        List<ObjectNode> nodes = new ArrayList<>();
        List<JsonNode> derivations = new ArrayList<>();
        Map<String, String> suites = new HashMap<>();
        int[] junit = new int[3];
        double seconds = 0;
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        int steps = 0;
        for (Path d : shardDirs) {
            readJson(d.resolve("scores.json"), d).path("submissions").forEach(s -> nodes.add((ObjectNode) s));
            JsonNode checks = readJson(d.resolve("checks.json"), d);
            checks.path("derivations").forEach(derivations::add);
            steps += checks.path("summary").path("steps").asInt();
            for (Verdict v : Verdict.values()) {
                counts.merge(v, checks.path("summary").path(v.name()).asInt(), Integer::sum);
            }
            String xml = Files.readString(d.resolve("junit.xml"), StandardCharsets.UTF_8);
            Matcher m = SUITES.matcher(xml);
            if (!m.find()) {
                throw fail(d, "junit.xml is not the file a grading run writes");
            }
            for (int j = 0; j < 3; j++) {
                junit[j] += Integer.parseInt(m.group(j + 1));
            }
            seconds += Double.parseDouble(m.group(4));
            String body = xml.substring(m.end(), xml.lastIndexOf("</testsuites>"));
            for (String suite : body.split("(?m)(?=^  <testsuite )")) {
                Matcher nm = SUITE_NAME.matcher(suite);
                if (nm.find()) {
                    suites.put(nm.group(1), suite);
                }
            }
        }
        nodes.sort(Comparator.comparing(s -> s.get("id").asText(), order));
        derivations.sort(Comparator.comparing(s -> s.get("id").asText(), order));

        GradeOutput output = new GradeOutput(out, rubric);
        ObjectNode checks = MAPPER.createObjectNode();
        checks.putArray("derivations").addAll(derivations);
        ObjectNode sum = checks.putObject("summary");
        sum.put("derivations", derivations.size());
        sum.put("steps", steps);
        counts.forEach((v, c) -> sum.put(v.name(), c));
        sum.put("exitCode", new Summary(derivations.size(), steps, counts, 0).exitCode());
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"grade ").append(rubric.id()).append("\" tests=\"").append(junit[0]).append("\" failures=\"")
                .append(junit[1]).append("\" errors=\"").append(junit[2]).append("\" time=\"")
                .append(String.format(Locale.ROOT, "%.3f", seconds)).append("\">\n");
        position.keySet().stream().sorted(order).forEach(id -> xml.append(suites.getOrDefault(id, "")));
        xml.append("</testsuites>\n");
        List<SubmissionGrade> table = nodes.stream().map(s -> tableRow(rubric, s)).toList();
        output.writeClassFiles(nodes, MAPPER.writeValueAsString(checks), xml.toString(), GradeHtml.table(rubric, table, targetTex));

        StringBuilder progress = new StringBuilder();
        for (Path d : shardDirs) {
            copyTree(d.resolve("feedback"), output.folder().resolve("feedback"));
            copyTree(d.resolve("gradescope"), output.folder().resolve("gradescope"));
            Path p = d.resolve("progress.jsonl");
            if (Files.isRegularFile(p)) {
                progress.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        output.write(Path.of("progress.jsonl"), progress.toString());
        ObjectNode run = MAPPER.createObjectNode();
        run.put("rubric", rubric.id());
        run.put("shard", 0);
        run.put("shards", 1);
        ObjectNode pos = run.putObject("positions");
        position.keySet().stream().sorted(order).forEach(id -> pos.put(id, position.get(id)));
        ObjectNode tex = run.putObject("target_tex");
        targetTex.forEach(tex::put);
        run.putArray("merged_from").addAll(Stream.of(byIndex).map(p -> MAPPER.getNodeFactory().textNode(p.toString())).toList());
        output.writeJson(Path.of(GradeOutput.SHARD_FILE), run);
        return nodes.size();
    }

    /** A row of the score table rebuilt from scores.json (the chains are not needed for the table). */
    private static SubmissionGrade tableRow(Rubric rubric, JsonNode s) {
        List<ResultScore> scores = new ArrayList<>();
        for (JsonNode r : s.path("results")) {
            String title = rubric.results().stream().filter(x -> x.id().equals(r.path("id").asText())).map(RubricResult::title)
                    .findFirst().orElse("");
            scores.add(new ResultScore(r.path("id").asText(), title, r.path("score").asDouble(), r.path("max_score").asDouble(),
                    ResultScore.Status.valueOf(r.path("status").asText()), r.path("message").asText(),
                    r.path("review").asBoolean()));
        }
        List<Path> files = new ArrayList<>();
        s.path("files").forEach(f -> files.add(Path.of(f.asText())));
        return new SubmissionGrade(s.path("id").asText(), files, List.of(), scores,
                s.has("error") ? Optional.of(s.get("error").asText()) : Optional.empty(), s.path("millis").asLong());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString()).normalize();
                if (!target.startsWith(to)) {
                    throw new IllegalArgumentException("refusing to copy outside " + to + ": " + f);
                }
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static JsonNode readJson(Path file, Path dir) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw fail(dir, "has no " + file.getFileName() + ": not the output folder of a finished grading run");
        }
        try {
            return MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DerivationException(file, 0, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static IllegalArgumentException fail(Path dir, String why) {
        return new IllegalArgumentException(dir + " " + why);
    }
}
