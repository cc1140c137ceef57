package org.derivcheck.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.derivcheck.cli.RootCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Feeds generated malformed and hostile submissions (LaTeX and YAML) to {@code derivcheck grade} and asserts
 * that each gets a defined outcome within its time limit, that none reaches a file, process or Java
 * function of the CAS, and that nothing is written outside --out.
 */
class HostileInputFuzzTest {
    /** Seed of the mutations: fixed, so a failure can be reproduced. */
    private static final long SEED = 20251125L;
    /** Step limit for the run (s); a submission has at most a handful of relations here. */
    private static final int STEP_SECONDS = 3;

    @TempDir
    Path root;

    /** Hostile or malformed LaTeX, each a whole file, with what must happen to it: "" means any defined outcome. */
    static Map<String, String> hostileTex() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        String j = "J = \\begin{bmatrix} 1 & 0 \\\\ 0 & -1 \\end{bmatrix}";
        m.put("\\input{/etc/passwd}\n\\[" + j + "\\]", "unreadable");
        m.put("\\include{secret}\n\\[" + j + "\\]", "unreadable");
        m.put("\\immediate\\write18{touch pwned}\n\\[" + j + "\\]", "unreadable");
        m.put("\\openout1=pwned.txt \\write1{x}\n\\[" + j + "\\]", "unreadable");
        m.put("\\catcode`\\@=11\n\\[" + j + "\\]", "unreadable");
        m.put("\\[ \\mathrm{Run}(\\alpha) = 0 \\]", "INVALID");
        m.put("\\[ \\operatorname{Export}(\\alpha, 1) = 1 \\]", "INVALID");
        m.put("\\[ \\mathrm{ReadString}(\\alpha) = \\beta \\]", "INVALID");
        m.put("\\[ \\mathrm{JavaNew}(\\alpha) = \\beta \\]", "INVALID");
        m.put("\\[ \\mathrm{ToExpression}(\\alpha) = \\beta \\]", "INVALID");
        m.put("\\[ \\mathrm{SystemDialogInput}(\\alpha) = 0 \\]", "INVALID");
        m.put("\\[ Run(\"ls\") = 0 \\]", "INVALID");
        m.put("\\[ $HomeDirectory = 0 \\]", "");
        m.put("\\[ \\alpha^{100000} = \\beta \\]", "INVALID");
        m.put("\\[ \\alpha^{99999999999999999999999999999999} = \\beta \\]", "INVALID");
        m.put("\\[ (\\alpha + \\beta)^{1000} = (\\beta + \\alpha)^{1000} \\]", "");
        m.put("\\[ " + "\\frac{1}{".repeat(300) + "\\alpha" + "}".repeat(300) + " = 1 \\]", "INVALID");
        m.put("\\[ " + "(".repeat(5000) + "\\alpha" + ")".repeat(5000) + " = \\alpha \\]", "INVALID");
        m.put("\\[ {{{ \\alpha = \\beta \\]", "INVALID");
        m.put("\\[ \\alpha = \\beta }}} \\]", "INVALID");
        m.put("\\begin{align} \\alpha &= \\beta", "unreadable");
        m.put("\\[ \\left( \\alpha = \\beta \\]", "INVALID");
        m.put("\\def\\x{\\x}\\x \\[ \\x = 1 \\]", "INVALID");
        m.put("\\newcommand{\\F}{\\psi_1} \\[ \\F(\\alpha) = \\psi_1(\\alpha) \\]", "INVALID");
        m.put("\\[ \\csname Run\\endcsname = 0 \\]", "INVALID");
        m.put("\\[ \\alpha = " + "\\alpha + ".repeat(3000) + "1 \\]", "");
        m.put("\\[ " + "x".repeat(30_000) + " = 1 \\]", "INVALID");
        m.put("\\begin{align*}\n" + "\\alpha &= \\alpha \\\\\n".repeat(500) + "\\end{align*}", "unreadable");
        m.put("\\[ \\sum_{n=1}^{10^{12}} x_n = 0 \\]", "");
        m.put("\\[ \\Gamma(10^{30}) = 1 \\]", "");
        m.put("\\[ e^{e^{e^{e^{e^{\\alpha}}}}} = 0 \\]", "");
        m.put("\\[ \\psi_{9}(\\alpha) = 0 \\]", "");
        m.put("\\[ \\mathbb{E}_{y \\sim \\mathrm{Gamma}(-1, -1)}[y] = 0 \\]", "");
        m.put("\\[ \\frac{1}{0} = \\alpha \\]", "");
        m.put("\\[ \\alpha = \\]", "INVALID");
        m.put("\\[ = \\alpha \\]", "INVALID");
        m.put("\\[ \\]", "unreadable");
        m.put("no math at all, only prose \\textbf{bold}", "unreadable");
        m.put("\\[ \u0000\u0001 \\]", "unreadable");
        m.put("\\[ \\alpha \u202e= \\beta \\]", "INVALID");
        return m;
    }

    static Map<String, String> hostileYaml() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        StringBuilder laughs = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                laughs.append(k == 0 ? "" : ",").append("*a").append(i - 1);
            }
            laughs.append("]\n");
        }
        laughs.append("steps: [\"J = {{1, 0}, {0, -1}}\"]\n");
        m.put(laughs.toString(), "unreadable");
        m.put("steps: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]",
                "unreadable");
        m.put("steps:\n  - claim: !!java.io.FileOutputStream [\"pwned\"]\n", "unreadable");
        m.put("steps:\n  - claim: Run(\"ls\") = 0\n", "INVALID");
        m.put("steps:\n  - claim: Run(ls) = 0\n", "INVALID");
        m.put("steps:\n  - claim: Export(out, 1) = 1\n", "INVALID");
        m.put("steps:\n  - claim: ReadString(etc) = 0\n", "INVALID");
        m.put("steps:\n  - claim: JavaNew(x) = 0\n", "INVALID");
        m.put("steps:\n  - claim: $HomeDirectory = 0\n", "INVALID");
        m.put("steps:\n  - claim: Expand((alpha + beta)^200000) = 0\n", "INVALID");
        m.put("steps:\n  - claim: alpha^100000 = beta\n", "INVALID");
        m.put("steps:\n  - claim: (alpha + beta)^1000 = (beta + alpha)^1000\n", "");
        m.put("steps:\n  - claim: " + "(".repeat(3000) + "alpha" + ")".repeat(3000) + " = alpha\n", "INVALID");
        m.put("steps:\n  - claim: alpha = \n", "INVALID");
        m.put("steps:\n  - claim: alpha; Run(ls) = 1\n", "INVALID");
        m.put("steps: [" + "[".repeat(100) + "]".repeat(100) + "]", "unreadable");
        m.put("steps:\n  - claim: \"" + "9".repeat(5000) + " = 1\"\n", "INVALID");
        m.put("symbols: {Run: real}\nsteps:\n  - claim: Run = Run\n", "");
        m.put("symbols: {alpha: real}\nsteps:\n  - claim: alpha = alpha\n", "");
        m.put("\u0000\u0001\u0002", "unreadable");
        m.put("steps: ", "unreadable");
        m.put("- just\n- a list", "unreadable");
        m.put("steps:\n  - chain:\n    - J\n    - Run(ls)\n", "INVALID");
        m.put("define:\n  boom: Export(x)\nsteps:\n  - claim: boom = 1\n", "unreadable");
        return m;
    }

    /** Random edits of a valid text: deletions, duplications and insertions of syntax characters. */
    static String mutate(String s, Random rng, String alphabet) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + rng.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = rng.nextInt(sb.length());
            switch (rng.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, alphabet.charAt(rng.nextInt(alphabet.length())));
                default -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + 1 + rng.nextInt(8))));
            }
        }
        return sb.toString();
    }

    @Test
    void everyHostileInputGetsADefinedOutcomeWithinItsLimitAndNothingLeavesOut() throws Exception {
        Path subs = Files.createDirectories(root.resolve("submissions"));
        Path out = root.resolve("out");
        Map<String, String> expect = new HashMap<>();
        int n = 0;
        for (var e : hostileTex().entrySet()) {
            String id = String.format("tex-%03d", n++);
            Files.writeString(subs.resolve(id + ".tex"), e.getKey(), StandardCharsets.UTF_8);
            expect.put(id, e.getValue());
        }
        for (var e : hostileYaml().entrySet()) {
            String id = String.format("yaml-%03d", n++);
            Files.writeString(subs.resolve(id + ".yaml"), e.getKey(), StandardCharsets.UTF_8);
            expect.put(id, e.getValue());
        }
        Random rng = new Random(SEED);
        String[] texSeeds = {
            "\\[ J = \\begin{bmatrix} 1 & 0 \\\\ 0 & -1 \\end{bmatrix} \\]",
            "\\begin{align*} \\nabla_\\eta A(\\eta) &= \\begin{bmatrix} \\psi(\\eta_1 + 1) - \\log(-\\eta_2) \\\\ "
                    + "-\\frac{\\eta_1 + 1}{\\eta_2} \\end{bmatrix} \\end{align*}",
            "\\begin{equation} F(\\theta) = \\begin{pmatrix} \\psi_1(\\alpha) & -1/\\beta \\\\ -1/\\beta & \\alpha/\\beta^2 "
                    + "\\end{pmatrix} \\end{equation}",
            "\\[ \\mathbb{E}_{y \\sim \\mathrm{Gamma}(\\alpha, \\beta)}[\\log y] = \\psi(\\alpha) - \\log\\beta \\]"};
        for (int i = 0; i < 110; i++) {
            String id = String.format("mut-tex-%03d", n++);
            Files.writeString(subs.resolve(id + ".tex"), mutate(texSeeds[i % texSeeds.length], rng, "{}[]()\\^_&$%=-+ \n0123456789"),
                    StandardCharsets.UTF_8);
            expect.put(id, "");
        }
        String yamlSeed = "steps:\n  - claim: J = {{1, 0}, {0, -1}}\n  - chain:\n      - Gradient(A(eta_1, eta_2), {eta_1, eta_2})\n"
                + "      - = {psi(eta_1 + 1) - Log(-eta_2), -(eta_1 + 1)/eta_2}\n";
        for (int i = 0; i < 50; i++) {
            String id = String.format("mut-yaml-%03d", n++);
            Files.writeString(subs.resolve(id + ".yaml"), mutate(yamlSeed, rng, "{}[](),:-&*!|>'\"\n =0123456789"), StandardCharsets.UTF_8);
            expect.put(id, "");
        }
        for (int i = 0; i < 20; i++) {
            // well-formed claims with random values: mostly wrong, so the checker must refute them in time
            String id = String.format("value-%03d", n++);
            int[] e = new int[4];
            for (int k = 0; k < 4; k++) {
                e[k] = rng.nextInt(7) - 3;
            }
            Files.writeString(subs.resolve(id + ".tex"), String.format("\\[ J = \\begin{bmatrix} %d & %d \\\\ %d & %d "
                    + "\\end{bmatrix} = \\begin{bmatrix} %d\\alpha & 0 \\\\ 0 & \\beta \\end{bmatrix} \\]", e[0], e[1], e[2], e[3],
                    e[0], e[3]), StandardCharsets.UTF_8);
            expect.put(id, "");
        }
        Path sentinel = Files.createDirectories(root.resolve("sentinel"));
        assertTrue(n >= 200, "at least 200 generated inputs: " + n);
        Set<String> cwdBefore = listing(Path.of("."));
        Set<String> rootBefore = tree(root);

        long t0 = System.nanoTime();
        StringWriter sw = new StringWriter();
        CommandLine cl = RootCommand.commandLine();
        cl.setOut(new PrintWriter(sw));
        StringWriter errs = new StringWriter();
        cl.setErr(new PrintWriter(errs));
        int exit = cl.execute("grade", "--rubric", GradingExampleTest.RUBRIC.toString(), "--submissions", subs.toString(),
                "--out", out.toString(), "--time-limit", String.valueOf(STEP_SECONDS));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertEquals(0, exit, () -> sw + "\n" + errs);

        JsonNode scores = new ObjectMapper().readTree(out.resolve("scores.json").toFile());
        JsonNode checks = new ObjectMapper().readTree(out.resolve("checks.json").toFile());
        assertEquals(n, scores.get("submissions").size(), "every input has an outcome");
        Map<String, JsonNode> derivations = new HashMap<>();
        checks.get("derivations").forEach(d -> derivations.put(d.get("id").asText(), d));
        for (JsonNode s : scores.get("submissions")) {
            String id = s.get("id").asText();
            double score = s.get("score").asDouble();
            assertTrue(score >= 0 && score <= 14, id + " score " + score);
            // a submission here has at most 4 relations and a few comparisons: 8 step limits and the 5 s margin
            // of each chain bound it; the limit is what matters, not the typical time
            assertTrue(s.get("millis").asLong() <= (8L * STEP_SECONDS + 10) * 1000, id + " took " + s.get("millis"));
            String want = expect.get(id);
            JsonNode d = derivations.get(id);
            if (want.equals("unreadable")) {
                assertTrue(s.has("error"), id + " should be unreadable: " + s);
            } else if (want.equals("INVALID")) {
                boolean invalid = s.has("error") || (d != null && d.get("verdict").asText().equals("INVALID"));
                assertTrue(invalid, id + " should be INVALID: " + d);
                assertEquals(0.0, score, 1e-9, id);
            }
        }
        // not a vacuous run: many mutants still parse and reach the checker, with verdicts both ways
        long decided = 0;
        long refuted = 0;
        for (JsonNode d : checks.get("derivations")) {
            boolean any = false;
            for (JsonNode st : d.get("steps")) {
                String v = st.get("verdict").asText();
                any |= v.equals("PROVED") || v.equals("CONFIRMED") || v.equals("REFUTED");
                refuted += v.equals("REFUTED") ? 1 : 0;
            }
            decided += any ? 1 : 0;
        }
        // 32 with this seed; the bound leaves room for changes of the checker, not of the inputs
        // with this seed: 30 mutants and most of the 20 random Jacobians are decided; the bounds leave room for
        // changes of the checker, not of the inputs
        assertTrue(decided >= 35, "submissions with a decided step: " + decided);
        assertTrue(refuted >= 10, "refuted steps: " + refuted);
        assertTrue(seconds < 600, "the whole batch ran in " + seconds + " s");
        assertEquals(cwdBefore, listing(Path.of(".")), "nothing new in the working folder");
        Set<String> rootAfter = tree(root);
        rootAfter.removeIf(p -> p.startsWith(root.relativize(out).toString()));
        assertEquals(rootBefore, rootAfter, "nothing written beside --out");
        try (Stream<Path> s = Files.list(sentinel)) {
            assertEquals(0, s.count());
        }
    }

    private static Set<String> listing(Path dir) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> out.add(p.getFileName().toString()));
        }
        return out;
    }

    private static Set<String> tree(Path dir) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                out.add(dir.relativize(p).toString() + (Files.isRegularFile(p) ? "#" + Files.size(p) : ""));
            }
        }
        return out;
    }

}
