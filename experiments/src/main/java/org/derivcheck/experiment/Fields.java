package org.derivcheck.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.derivcheck.vi.MeanField;
import org.derivcheck.vi.NormalGamma;

/** Ordered key/value maps for result.json. */
final class Fields {
    private Fields() {
    }

    /** A map from alternating keys (strings) and values, in the given order. */
    static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate, got " + keysAndValues.length + " items");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static Map<String, Object> of(MeanField q) {
        return of("m", q.m(), "lambda", q.lambda(), "a", q.a(), "b", q.b(), "E[mu]", q.meanMu(), "E[tau]", q.meanTau());
    }

    static Map<String, Object> of(NormalGamma p) {
        return of("muN", p.mu(), "lambdaN", p.lambda(), "aN", p.a(), "bN", p.b(), "E[mu]", p.meanMu(),
                "E[tau]", p.meanTau());
    }
}
