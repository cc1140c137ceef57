package org.derivcheck.math;

import java.math.BigInteger;
import java.util.List;

/**
 * A resolved expression as plain data, without Symja types: what the prover (package {@code prove})
 * reasons over. Definitions are already substituted, marginals are sums, conditionals are ratios and KL
 * is a sum, exactly as the finite instances evaluate them. Heads of derivcheck's own operators start
 * with '@': {@code @FiniteSum(body, v)}, {@code @Expectation(body, @Distributed(List(vars), @Abstract(w)))},
 * {@code @Iid(body, z, K, q)}, {@code @EntryDerivative(f, q, idx...)}, {@code @Density(q, args...)},
 * {@code @Indexed(z, k)}; Symja's built-ins keep their names (Plus, Times, Power, Log, D, Sum, List, ...).
 */
public sealed interface Tree permits Tree.Num, Tree.Sym, Tree.Call {
    /** An exact rational num/den (den > 0). */
    record Num(BigInteger num, BigInteger den) implements Tree {
        @Override
        public String toString() {
            return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
        }
    }

    /** What a name stands for. */
    enum Kind {
        /** a declared real symbol (any sign) */
        REAL,
        /** a declared symbol whose domain is positive */
        POSITIVE,
        /** a declared finite variable */
        FINITE,
        /** a declared finite variable drawn several times, z(1), ..., z(K) */
        FINITE_INDEXED,
        /** indexed real data x(n) */
        DATA,
        /** a summation index or other bound name that is not declared */
        INDEX,
        /** an abstract density (normalized) */
        DENSITY,
        /** an abstract function (any real values) */
        FUNCTION,
        /** Pi, E, ... */
        CONSTANT
    }

    record Sym(String name, Kind kind) implements Tree {
        @Override
        public String toString() {
            return name;
        }
    }

    record Call(String head, List<Tree> args) implements Tree {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(head).append('(');
            for (int i = 0; i < args.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(args.get(i));
            }
            return sb.append(')').toString();
        }
    }
}
