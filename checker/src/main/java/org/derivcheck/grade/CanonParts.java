package org.derivcheck.grade;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The parts {@link Canon}'s forms are made of: exact rationals, and sums of terms with rational coefficients. */
final class CanonParts {
    static final Q ONE = new Q(BigInteger.ONE, BigInteger.ONE);
    static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);

    private CanonParts() {
    }

    /** An exact rational, denominator positive. */
    record Q(BigInteger n, BigInteger d) {
        static Q of(BigInteger n, BigInteger d) {
            if (d.signum() == 0) {
                throw new ArithmeticException();
            }
            if (d.signum() < 0) {
                n = n.negate();
                d = d.negate();
            }
            BigInteger g = n.gcd(d);
            return g.signum() == 0 || g.equals(BigInteger.ONE) ? new Q(n, d) : new Q(n.divide(g), d.divide(g));
        }

        Q add(Q o) {
            return of(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
        }

        Q mul(Q o) {
            return of(n.multiply(o.n), d.multiply(o.d));
        }

        boolean isZero() {
            return n.signum() == 0;
        }

        boolean isOne() {
            return n.equals(BigInteger.ONE) && d.equals(BigInteger.ONE);
        }

        boolean isInteger() {
            return d.equals(BigInteger.ONE);
        }

        @Override
        public String toString() {
            return isInteger() ? n.toString() : n + "/" + d;
        }
    }

    /** A sum of terms, each a rational coefficient times a product of factors (factor key to its exponent). */
    static final class Sum {
        final TreeMap<String, Q> coeff = new TreeMap<>();
        final Map<String, TreeMap<String, Q>> factors = new HashMap<>();

        static Sum constant(Q q) {
            Sum s = new Sum();
            s.add(new TreeMap<>(), q);
            return s;
        }

        static Sum atom(String key) {
            TreeMap<String, Q> f = new TreeMap<>();
            f.put(key, ONE);
            Sum s = new Sum();
            s.add(f, ONE);
            return s;
        }

        void add(TreeMap<String, Q> f, Q c) {
            String key = monomial(f);
            Q now = coeff.getOrDefault(key, ZERO).add(c);
            if (now.isZero()) {
                coeff.remove(key);
                factors.remove(key);
            } else {
                coeff.put(key, now);
                factors.put(key, f);
            }
        }

        boolean single() {
            return coeff.size() == 1;
        }

        Optional<Q> asConstant() {
            if (coeff.isEmpty()) {
                return Optional.of(ZERO);
            }
            return single() && coeff.firstKey().isEmpty() ? Optional.of(coeff.firstEntry().getValue()) : Optional.empty();
        }

        static String monomial(TreeMap<String, Q> f) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Q> e : f.entrySet()) {
                sb.append(sb.length() == 0 ? "" : "*").append(e.getKey());
                if (!e.getValue().isOne()) {
                    sb.append("^(").append(e.getValue()).append(')');
                }
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            if (coeff.isEmpty()) {
                return "0";
            }
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Q> e : coeff.entrySet()) {
                sb.append(sb.length() == 0 ? "" : " + ").append(e.getKey().isEmpty() ? e.getValue().toString()
                        : e.getValue().isOne() ? e.getKey() : e.getValue() + "*" + e.getKey());
            }
            return sb.toString();
        }
    }
}
