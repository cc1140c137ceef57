package org.derivcheck.prove;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.derivcheck.math.Tree;

/**
 * Proves equalities between expressions over abstract densities by rewriting both sides to a normal form
 * (sums as linear operators over finite or abstract variables, marginals, normalization, log rules for
 * positive densities, derivatives under the sum) and comparing. A proof lists the rules it used. It never
 * refutes: a difference that does not reduce to 0 proves nothing, and the numeric checks decide.
 */
public final class Prover {
    /** A declared density (normalized over its variables) or function (any real values). */
    public record Density(String name, List<String> variables, List<String> params, boolean normalized) {
    }

    /** The outcome: proved with the rules used, or not, with the reason. */
    public record Result(boolean proved, List<String> rules, String detail) {
        static Result no(String why) {
            return new Result(false, List.of(), why);
        }
    }

    private final Map<String, Norm.Decl> decls = new LinkedHashMap<>();
    private final Set<String> integers;

    /**
     * @param densities the derivation's abstract densities and functions
     * @param integers  symbols declared integer with minimum >= 1 (counts of draws, upper limits of sums)
     */
    public Prover(List<Density> densities, Set<String> integers) {
        for (Density d : densities) {
            decls.put(d.name(), new Norm.Decl(d.name(), d.variables(), d.params(), d.normalized()));
        }
        this.integers = Set.copyOf(integers);
    }

    Norm norm() {
        Norm n = new Norm(decls);
        n.integers(integers);
        return n;
    }

    /** lhs = rhs for every positive density (and every value of the other symbols), if proved. */
    public Result equal(Tree lhs, Tree rhs) {
        Norm n = norm();
        try {
            FromTree r = new FromTree(n);
            Poly diff = r.read(lhs).add(r.read(rhs).negate());
            if (diff.isZero()) {
                return new Result(true, names(n.used()), "lhs - rhs reduced to 0");
            }
            return Result.no("lhs - rhs reduced to " + abbreviate(diff.toString()) + ", not 0");
        } catch (NotProvable e) {
            return Result.no(e.getMessage());
        } catch (ArithmeticException | StackOverflowError e) {
            return Result.no("the rewriting failed: " + e);
        }
    }

    /** The inequality rules a step may cite with {@code by:}. */
    public static final List<String> RULES = List.of("jensen", "gibbs", "log-sum", "am-gm", "monotonicity");

    /** The rule's canonical name for what a student may write ("Jensen's inequality", "KL >= 0", ...). */
    public static Optional<String> rule(String written) {
        String w = written.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace(' ', '-');
        if (w.startsWith("jensen")) {
            return Optional.of("jensen");
        }
        if (w.startsWith("gibbs") || w.equals("kl") || w.startsWith("kl->=") || w.startsWith("kl>=")) {
            return Optional.of("gibbs");
        }
        if (w.startsWith("log-sum") || w.startsWith("logsum")) {
            return Optional.of("log-sum");
        }
        if (w.startsWith("am-gm") || w.startsWith("amgm")) {
            return Optional.of("am-gm");
        }
        if (w.startsWith("monoton")) {
            return Optional.of("monotonicity");
        }
        return Optional.empty();
    }

    /** small <= large by the cited rule (a name from {@link #RULES}), checked as an instance of it. */
    public Result atMost(String rule, Tree small, Tree large) {
        if (rule.equals("gibbs")) {
            try {
                return new Gibbs(norm()).prove(small, large);
            } catch (NotProvable e) {
                return Result.no(e.getMessage());
            }
        }
        return new Inequalities(this).atMost(rule, small, large);
    }

    /** +1 when t is provably positive, -1 when provably negative, 0 when not known. */
    int sign(Tree t) {
        Norm n = norm();
        try {
            Poly p = new FromTree(n).read(t);
            Optional<Rat> c = p.constantValue();
            if (c.isPresent()) {
                return c.get().signum();
            }
            return p.positive(n) ? 1 : p.negate().positive(n) ? -1 : 0;
        } catch (NotProvable e) {
            return 0;
        }
    }

    /** big - small is 0 or a sum of positive terms. */
    Result nonnegative(Tree big, Tree small) {
        Norm n = norm();
        try {
            FromTree r = new FromTree(n);
            Poly d = r.read(big).add(r.read(small).negate());
            if (d.isZero() || d.positive(n)) {
                List<String> rules = new ArrayList<>(names(n.used()));
                rules.add(0, "larger - smaller is a sum of positive terms");
                return new Result(true, rules, "nonnegative difference");
            }
            return Result.no("larger - smaller reduced to " + abbreviate(d.toString()));
        } catch (NotProvable e) {
            return Result.no(e.getMessage());
        }
    }

    static List<String> names(Set<Rule> rules) {
        List<String> out = new ArrayList<>();
        for (Rule r : rules) {
            out.add(r.label);
        }
        return out;
    }

    static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    /** The normal form of one side, for tests. */
    Optional<String> normalForm(Tree t) {
        try {
            return Optional.of(new FromTree(norm()).read(t).toString());
        } catch (NotProvable e) {
            return Optional.empty();
        }
    }
}
