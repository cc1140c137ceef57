package org.derivcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;
import org.derivcheck.diagnose.Diagnosis;
import org.derivcheck.document.DocumentResult;
import org.derivcheck.document.EquationResult;

/** A document's results, equation by equation ("eq. (14), line 130"), as text or JSON. */
public final class DocumentReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DocumentReport() {
    }

    /** The text report of one document. */
    public static void text(DocumentResult d, boolean verbose, PrintWriter out) {
        out.println(d.file() + "  (" + d.equations().stream().map(e -> e.equation()).distinct().count() + " equations)");
        for (String p : d.problems()) {
            out.println("  INVALID      " + p);
        }
        for (EquationResult e : d.equations()) {
            equation(e, verbose, out);
        }
        out.println();
        out.flush();
    }

    private static void equation(EquationResult e, boolean verbose, PrintWriter out) {
        String where = e.name() + ", line " + e.line();
        String head = e.verdict().map(Verdict::name).orElse(e.kind().words().toUpperCase(java.util.Locale.ROOT));
        if (e.kind() == EquationResult.Kind.DEFINITION && e.steps().isEmpty()) {
            head = "DEFINITION";
        }
        out.printf("  %-32s %-12s %s%n", where, head, abbreviate(e.latex(), 110));
        if (!e.note().isEmpty() && e.kind() != EquationResult.Kind.INVALID) {
            out.println("        " + e.note());
        }
        for (int i = 0; i < e.steps().size(); i++) {
            StepResult s = e.steps().get(i);
            String rel = e.steps().size() > 1 ? "relation " + (i + 1) + ": " : "";
            out.printf("        %s%-11s %s%n", rel, s.verdict(), method(s));
            if (verbose || s.verdict() != Verdict.PROVED && s.verdict() != Verdict.CONFIRMED) {
                out.println("          read as: " + abbreviate(s.claim(), 160));
            }
            switch (s.verdict()) {
                case REFUTED -> {
                    s.counterexample().ifPresent(cx -> out.println("          counterexample: " + TextReport.counterexample(cx)));
                    for (Diagnosis dg : s.diagnoses()) {
                        out.println("          diagnosis: " + dg.readable());
                    }
                }
                case INVALID -> out.println("          line " + e.line() + ", " + s.message());
                case INCONCLUSIVE -> out.println("          " + s.message());
                default -> {
                    if (!s.message().isEmpty() && (s.message().startsWith("follows") || s.message().contains("up to")
                            || s.message().contains("proportional"))) {
                        out.println("          " + s.message());
                    }
                }
            }
            if (verbose) {
                s.evidence().forEach(ev -> out.println("          [" + ev.method() + "] " + ev.detail()));
            }
        }
    }

    private static String method(StepResult s) {
        if (s.verdict() == Verdict.REFUTED) {
            return s.method() + ": " + s.message();
        }
        String d = s.evidence().stream().filter(ev -> ev.method().equals(s.method())).map(ev -> ev.detail()).findFirst()
                .orElse("");
        int cut = d.indexOf(';');
        return s.method() + (d.isEmpty() || s.verdict() == Verdict.INVALID ? "" : " (" + (cut > 0 ? d.substring(0, cut) : d) + ")");
    }

    /** Counts of every statement's relations and the exit code: 0 all hold, 1 refuted/undecided, 2 invalid. */
    public record Counts(Map<Verdict, Integer> counts, int equations, int exitCode) {
        public String line() {
            StringBuilder sb = new StringBuilder(equations + (equations == 1 ? " equation, " : " equations, "));
            int rels = counts.values().stream().mapToInt(Integer::intValue).sum();
            sb.append(rels).append(rels == 1 ? " relation: " : " relations: ");
            boolean first = true;
            for (Verdict v : Verdict.values()) {
                sb.append(first ? "" : ", ").append(counts.get(v)).append(' ').append(v);
                first = false;
            }
            return sb.toString();
        }
    }

    public static Counts counts(List<DocumentResult> docs) {
        Map<Verdict, Integer> c = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            c.put(v, 0);
        }
        int eqs = 0;
        boolean problems = false;
        for (DocumentResult d : docs) {
            problems |= !d.problems().isEmpty();
            eqs += (int) d.equations().stream().map(EquationResult::equation).distinct().count();
            for (EquationResult e : d.equations()) {
                for (StepResult s : e.steps()) {
                    c.merge(s.verdict(), 1, Integer::sum);
                }
            }
        }
        int exit = problems || c.get(Verdict.INVALID) > 0 ? 2 : c.get(Verdict.REFUTED) + c.get(Verdict.INCONCLUSIVE) > 0 ? 1 : 0;
        return new Counts(c, eqs, exit);
    }

    /** JSON: {documents: [{file, problems, equations: [{equation, name, line, column, latex, kind, verdict, ...}]}]}. */
    public static String json(List<DocumentResult> docs) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode ds = root.putArray("documents");
        for (DocumentResult d : docs) {
            ObjectNode n = ds.addObject();
            n.put("file", d.file().toString());
            n.put("verdict", d.verdict().name());
            ArrayNode ps = n.putArray("problems");
            d.problems().forEach(ps::add);
            ArrayNode es = n.putArray("equations");
            for (EquationResult e : d.equations()) {
                ObjectNode x = es.addObject();
                if (e.equation().number().isPresent()) {
                    x.put("equation", e.equation().number().get());
                } else {
                    x.putNull("equation");
                }
                x.put("name", e.name());
                e.equation().label().ifPresent(l -> x.put("label", l));
                x.put("display", e.equation().display());
                x.put("statement", e.statement());
                x.put("line", e.line());
                x.put("column", e.column());
                x.put("section", e.equation().section());
                x.put("latex", e.latex());
                x.put("kind", e.kind().words());
                x.put("verdict", e.verdict().map(Verdict::name).orElse(null));
                x.put("note", e.note());
                ArrayNode steps = x.putArray("relations");
                e.steps().forEach(s -> steps.add(JsonReport.step(s)));
            }
        }
        Counts c = counts(docs);
        ObjectNode sum = root.putObject("summary");
        sum.put("equations", c.equations());
        c.counts().forEach((v, k) -> sum.put(v.name(), k));
        sum.put("exitCode", c.exitCode());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s, int max) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max - 3) + "...";
    }
}
