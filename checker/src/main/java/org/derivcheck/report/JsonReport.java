package org.derivcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.derivcheck.check.Counterexample;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.check.Evidence;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;
import org.derivcheck.diagnose.Diagnosis;

/**
 * JSON: {@code {derivations: [{id, file, verdict, steps: [{index, verdict, method, evidence,
 * counterexample, diagnosis}]}], summary: {...}}}.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(List<DerivationResult> results) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode ds = root.putArray("derivations");
        for (DerivationResult d : results) {
            ds.add(derivation(d));
        }
        Summary s = Summary.of(results);
        ObjectNode sum = root.putObject("summary");
        sum.put("derivations", s.derivations());
        sum.put("steps", s.steps());
        for (Verdict v : Verdict.values()) {
            sum.put(v.name(), s.counts().get(v));
        }
        sum.put("exitCode", s.exitCode());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode derivation(DerivationResult d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", d.id());
        n.put("title", d.title());
        n.put("source", d.source());
        n.put("file", d.file().toString());
        n.put("verdict", d.verdict().name());
        d.error().ifPresent(e -> n.put("error", e));
        n.put("millis", d.millis());
        ArrayNode steps = n.putArray("steps");
        for (StepResult s : d.steps()) {
            steps.add(step(s));
        }
        return n;
    }

    public static ObjectNode step(StepResult s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("index", s.index());
        n.put("line", s.line());
        if (!s.name().isEmpty()) {
            n.put("name", s.name());
        }
        n.put("claim", s.claim());
        n.put("tex", s.tex());
        if (!s.readAs().isEmpty()) {
            n.put("read_as", s.readAs());
        }
        n.put("verdict", s.verdict().name());
        n.put("method", s.method());
        n.put("message", s.message());
        ArrayNode ev = n.putArray("evidence");
        for (Evidence e : s.evidence()) {
            ev.addObject().put("method", e.method()).put("detail", e.detail());
        }
        if (s.counterexample().isPresent()) {
            Counterexample cx = s.counterexample().get();
            ObjectNode c = n.putObject("counterexample");
            c.put("entry", cx.entry());
            ObjectNode pt = c.putObject("point");
            cx.point().forEach(pt::put);
            ObjectNode data = c.putObject("data");
            cx.data().forEach((k, v) -> {
                ArrayNode a = data.putArray(k);
                for (double x : v) {
                    a.add(x);
                }
            });
            c.put("lhs", cx.lhs());
            c.put("rhs", cx.rhs());
            cx.lhsHighPrecision().ifPresent(v -> c.put("lhsHighPrecision", v));
            cx.rhsHighPrecision().ifPresent(v -> c.put("rhsHighPrecision", v));
            cx.precise().ifPresent(v -> c.put("precise", v));
            c.put("text", TextReport.counterexample(cx));
        } else {
            n.putNull("counterexample");
        }
        ArrayNode diags = n.putArray("diagnosis");
        for (Diagnosis d : s.diagnoses()) {
            diags.addObject().put("kind", d.kind().name()).put("where", d.where()).put("message", d.message())
                    .put("text", d.readable()).put("tex", d.tex()).put("repair", d.repair());
        }
        n.put("millis", s.millis());
        return n;
    }
}
