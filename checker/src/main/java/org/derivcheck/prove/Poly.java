package org.derivcheck.prove;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A sum of rational multiples of monomials, in canonical order: the normal form the prover compares. */
final class Poly {
    /** One term coef * mono. */
    record Term(Mono mono, Rat coef) {
    }

    static final Poly ZERO = new Poly(new TreeMap<>());
    static final Poly ONE = constant(Rat.ONE);
    /** Above this many terms an expansion is abandoned (the claim is left to the numeric checks). */
    static final int MAX_TERMS = 4000;
    private final TreeMap<String, Term> terms;
    final String key;
    private Set<String> free;

    private Poly(TreeMap<String, Term> terms) {
        if (terms.size() > MAX_TERMS) {
            throw new NotProvable("the expansion grew too large");
        }
        this.terms = terms;
        StringBuilder sb = new StringBuilder();
        for (Term t : terms.values()) {
            sb.append(sb.length() == 0 ? "" : " + ").append(t.coef()).append('*').append(t.mono().key);
        }
        this.key = sb.length() == 0 ? "0" : sb.toString();
    }

    static Poly constant(Rat c) {
        TreeMap<String, Term> m = new TreeMap<>();
        if (!c.isZero()) {
            m.put("", new Term(Mono.ONE, c));
        }
        return new Poly(m);
    }

    static Poly of(Mono m, Rat c) {
        TreeMap<String, Term> t = new TreeMap<>();
        if (!c.isZero()) {
            t.put(m.key, new Term(m, c));
        }
        return new Poly(t);
    }

    static Poly of(Atom a) {
        return of(Mono.of(a), Rat.ONE);
    }

    List<Term> terms() {
        return List.copyOf(terms.values());
    }

    boolean isZero() {
        return terms.isEmpty();
    }

    /** The rational value when this is a constant. */
    java.util.Optional<Rat> constantValue() {
        if (terms.isEmpty()) {
            return java.util.Optional.of(Rat.ZERO);
        }
        if (terms.size() == 1 && terms.containsKey("")) {
            return java.util.Optional.of(terms.get("").coef());
        }
        return java.util.Optional.empty();
    }

    /** The single monomial with its coefficient, when there is one term. */
    java.util.Optional<Term> single() {
        return terms.size() == 1 ? java.util.Optional.of(terms.firstEntry().getValue()) : java.util.Optional.empty();
    }

    /** The atom this is exactly (coefficient 1, one factor with exponent 1). */
    java.util.Optional<Atom> atom() {
        if (terms.size() != 1) {
            return java.util.Optional.empty();
        }
        Term t = terms.firstEntry().getValue();
        List<Mono.Factor> fs = t.mono().factors();
        return t.coef().isOne() && fs.size() == 1 && fs.get(0).exp() == 1 ? java.util.Optional.of(fs.get(0).atom())
                : java.util.Optional.empty();
    }

    Poly add(Poly o) {
        if (o.isZero()) {
            return this;
        }
        if (isZero()) {
            return o;
        }
        TreeMap<String, Term> m = new TreeMap<>(terms);
        for (Term t : o.terms.values()) {
            Term u = m.get(t.mono().key);
            if (u == null) {
                m.put(t.mono().key, t);
            } else {
                Rat c = u.coef().add(t.coef());
                if (c.isZero()) {
                    m.remove(t.mono().key);
                } else {
                    m.put(t.mono().key, new Term(t.mono(), c));
                }
            }
        }
        return new Poly(m);
    }

    Poly negate() {
        return scale(Rat.MINUS_ONE);
    }

    Poly scale(Rat c) {
        if (c.isZero()) {
            return ZERO;
        }
        TreeMap<String, Term> m = new TreeMap<>();
        for (Term t : terms.values()) {
            m.put(t.mono().key, new Term(t.mono(), t.coef().mul(c)));
        }
        return new Poly(m);
    }

    Poly mul(Poly o, Norm n) {
        if (isZero() || o.isZero()) {
            return ZERO;
        }
        if ((long) terms.size() * o.terms.size() > MAX_TERMS) {
            throw new NotProvable("the expansion grew too large");
        }
        Poly out = ZERO;
        for (Term a : terms.values()) {
            for (Term b : o.terms.values()) {
                out = out.add(of(a.mono().mul(b.mono(), n), a.coef().mul(b.coef())));
            }
        }
        return out;
    }

    /** Every term a positive multiple of a positive monomial. */
    boolean positive(Norm n) {
        if (terms.isEmpty()) {
            return false;
        }
        for (Term t : terms.values()) {
            if (t.coef().signum() <= 0 || !t.mono().positive(n)) {
                return false;
            }
        }
        return true;
    }

    Set<String> free() {
        if (free == null) {
            Set<String> s = new LinkedHashSet<>();
            for (Term t : terms.values()) {
                s.addAll(t.mono().free());
            }
            free = Collections.unmodifiableSet(s);
        }
        return free;
    }

    Poly subst(Norm n, Map<String, Poly> s) {
        Poly out = ZERO;
        for (Term t : terms.values()) {
            out = out.add(t.mono().subst(n, s).scale(t.coef()));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Poly p && p.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
