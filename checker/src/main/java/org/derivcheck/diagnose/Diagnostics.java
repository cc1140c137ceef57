package org.derivcheck.diagnose;

import java.util.List;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.Scope;

/**
 * The one way to ask what is wrong with a refuted relation. Every diagnosis returned was checked: the repair it
 * names makes the relation hold at fresh points ({@link Probe}).
 */
public interface Diagnostics {
    List<Diagnosis> diagnose(Refutation refutation, Probe probe);

    /** The repairs of {@link Repairs}: structure (swapped components, transposed matrix), then each entry. */
    static Diagnostics standard(Cas cas, Scope table) {
        return new Repairs(cas, table);
    }
}
