package org.derivcheck.cas;

import java.util.LinkedHashMap;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The last reductions of {@link Cas#reduceChecked}, per derivation table: a chain a = b = c reduces b once. The CAS's
 * evaluation is a function of the expression and the table's declarations; a reduction that fails or runs out of time
 * is not kept. Each caller gets a copy of the expression (no caller changes another's).
 */
final class ReducedCache {
    /** A batch checks a few derivations at a time, so a small cache holds their chains. */
    private static final int SIZE = 256;

    /** An expression of one table (compared by identity: two derivations' symbols of one name are not the same). */
    private record Key(Scope table, IExpr ast) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.table == table && k.ast.equals(ast);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(table) * 31 + ast.hashCode();
        }
    }

    private final Map<Key, Cas.Reduced> map = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Cas.Reduced> eldest) {
            return size() > SIZE;
        }
    };

    synchronized Cas.Reduced get(Expr e) {
        Cas.Reduced r = map.get(new Key(e.table, e.ast));
        return r == null ? null : copy(r);
    }

    synchronized void put(Expr e, Cas.Reduced r) {
        map.put(new Key(e.table, Asts.deepCopy(e.ast)), copy(r)); // a key no evaluation of the written form changes
    }

    private static Cas.Reduced copy(Cas.Reduced r) {
        return new Cas.Reduced(new Expr(Asts.deepCopy(r.value().ast), r.value().table), r.conditions());
    }
}
