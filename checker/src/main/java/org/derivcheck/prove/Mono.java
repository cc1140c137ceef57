package org.derivcheck.prove;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A product of atoms with nonzero integer exponents, in canonical order (by the atoms' keys). */
final class Mono {
    /** One factor atom^exp. */
    record Factor(Atom atom, int exp) {
    }

    static final Mono ONE = new Mono(new TreeMap<>());
    private final TreeMap<String, Factor> factors;
    final String key;
    private Set<String> free;

    private Mono(TreeMap<String, Factor> factors) {
        this.factors = factors;
        StringBuilder sb = new StringBuilder();
        for (Factor f : factors.values()) {
            sb.append(sb.length() == 0 ? "" : "*").append(f.atom().key);
            if (f.exp() != 1) {
                sb.append('^').append(f.exp());
            }
        }
        this.key = sb.toString();
    }

    static Mono of(Atom a) {
        return of(a, 1);
    }

    static Mono of(Atom a, int exp) {
        if (exp == 0) {
            return ONE;
        }
        TreeMap<String, Factor> m = new TreeMap<>();
        m.put(a.key, new Factor(a, exp));
        return new Mono(m);
    }

    static Mono of(List<Factor> fs, Norm n) {
        Mono m = ONE;
        for (Factor f : fs) {
            m = m.mul(of(f.atom(), f.exp()), n);
        }
        return m;
    }

    List<Factor> factors() {
        return List.copyOf(factors.values());
    }

    boolean isOne() {
        return factors.isEmpty();
    }

    /** The product; an atom whose exponents cancel must be provably nonzero. */
    Mono mul(Mono o, Norm n) {
        if (o.isOne()) {
            return this;
        }
        if (isOne()) {
            return o;
        }
        TreeMap<String, Factor> m = new TreeMap<>(factors);
        for (Factor f : o.factors.values()) {
            Factor g = m.get(f.atom().key);
            if (g == null) {
                m.put(f.atom().key, f);
                continue;
            }
            int e = g.exp() + f.exp();
            if (e == 0) {
                if (!f.atom().positive(n)) {
                    throw new NotProvable("cannot cancel " + f.atom().key + ", which may be 0");
                }
                n.used(Rule.CANCEL);
                m.remove(f.atom().key);
            } else {
                m.put(f.atom().key, new Factor(f.atom(), e));
            }
        }
        return new Mono(m);
    }

    Mono pow(int k, Norm n) {
        if (k == 0) {
            return ONE;
        }
        TreeMap<String, Factor> m = new TreeMap<>();
        for (Factor f : factors.values()) {
            m.put(f.atom().key, new Factor(f.atom(), f.exp() * k));
        }
        if (k < 0) {
            for (Factor f : factors.values()) {
                if (!f.atom().positive(n)) {
                    throw new NotProvable("cannot divide by " + f.atom().key + ", which may be 0");
                }
            }
        }
        return new Mono(m);
    }

    boolean positive(Norm n) {
        for (Factor f : factors.values()) {
            if (!f.atom().positive(n)) {
                return false; // even an even power may be 0
            }
        }
        return true;
    }

    Set<String> free() {
        if (free == null) {
            Set<String> s = new LinkedHashSet<>();
            for (Factor f : factors.values()) {
                s.addAll(f.atom().free());
            }
            free = Collections.unmodifiableSet(s);
        }
        return free;
    }

    /** The factors with the names substituted, multiplied out again. */
    Poly subst(Norm n, Map<String, Poly> s) {
        Poly p = Poly.ONE;
        for (Factor f : factors.values()) {
            Poly a = f.atom().rebuild(n, s);
            p = p.mul(n.power(a, f.exp()), n);
        }
        return p;
    }

    /** Splits into the factors whose free names meet {@code names} and the rest. */
    Mono[] split(Set<String> names) {
        TreeMap<String, Factor> in = new TreeMap<>();
        TreeMap<String, Factor> out = new TreeMap<>();
        for (Factor f : factors.values()) {
            boolean meets = false;
            for (String x : f.atom().free()) {
                if (names.contains(x)) {
                    meets = true;
                    break;
                }
            }
            (meets ? in : out).put(f.atom().key, f);
        }
        return new Mono[] {new Mono(in), new Mono(out)};
    }

    static Mono ofFactors(List<Factor> fs) {
        TreeMap<String, Factor> m = new TreeMap<>();
        for (Factor f : fs) {
            m.put(f.atom().key, f);
        }
        return new Mono(m);
    }

    List<Factor> asList() {
        return new ArrayList<>(factors.values());
    }

    @Override
    public String toString() {
        return key.isEmpty() ? "1" : key;
    }
}
