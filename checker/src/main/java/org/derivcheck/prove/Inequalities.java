package org.derivcheck.prove;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.derivcheck.math.Tree;

/**
 * Named inequality rules a step may cite ({@code by: jensen}). A cited rule is checked as an instance: one
 * side is rewritten at one position by the rule (Jensen: f(E[Y]) against E[f(Y)] for log concave, square and
 * exp convex, under a probability measure whose weights are proved to sum to 1; AM-GM; log-sum) in the
 * direction the rule allows, the position's polarity is tracked through sums, positive factors, expectations
 * and log (monotonicity), and the rewritten side must then equal the other side by the equality prover.
 * Gibbs' inequality: larger - smaller must be KL(q || r) with q a density and r = q exp(-g) proved normalized.
 */
final class Inequalities {
    private final Prover prover;

    Inequalities(Prover prover) {
        this.prover = prover;
    }

    /** A position in a tree and its polarity: +1 if the whole increases with the subterm, -1 if it decreases. */
    private record Pos(List<Integer> path, Tree sub, int sign) {
    }

    /** A rewrite of a subterm with the direction of the change: +1 when the new term is >= the old. */
    private record Change(Tree replacement, int direction, String what) {
    }

    Prover.Result atMost(String rule, Tree small, Tree large) {
        try {
            return switch (rule) {
                case "monotonicity" -> monotone(small, large, rule);
                default -> rewriting(rule, small, large);
            };
        } catch (NotProvable e) {
            return Prover.Result.no(e.getMessage());
        }
    }

    private Prover.Result rewriting(String rule, Tree small, Tree large) {
        String last = "the rule's form was not found in either side";
        for (int side = 0; side < 2; side++) {
            Tree t = side == 0 ? small : large;
            Tree other = side == 0 ? large : small;
            List<Pos> positions = new ArrayList<>();
            walk(t, 1, new ArrayList<>(), positions);
            for (Pos p : positions) {
                for (Change c : changes(rule, p.sub())) {
                    int effect = p.sign() * c.direction();
                    // the smaller side may only grow, the larger only shrink, to meet the other side
                    if (effect != (side == 0 ? 1 : -1)) {
                        continue;
                    }
                    Tree rewritten = replace(t, p.path(), 0, c.replacement());
                    Prover.Result eq = prover.equal(rewritten, other);
                    if (eq.proved()) {
                        List<String> rules = new ArrayList<>();
                        rules.add(rule + " (" + c.what() + ")");
                        if (!p.path().isEmpty()) {
                            rules.add("monotonicity of sums, expectations and log");
                        }
                        rules.addAll(eq.rules());
                        return new Prover.Result(true, rules, "by " + rule + ": " + c.what());
                    }
                    last = "after " + c.what() + " the sides still differ (" + eq.detail() + ")";
                }
            }
        }
        return Prover.Result.no(last);
    }

    /** Positions reachable through monotone operators, with their polarity. */
    private void walk(Tree t, int sign, List<Integer> path, List<Pos> out) {
        if (out.size() > 60) {
            return;
        }
        out.add(new Pos(List.copyOf(path), t, sign));
        if (!(t instanceof Tree.Call c)) {
            return;
        }
        List<Tree> a = c.args();
        switch (c.head()) {
            case "Plus" -> {
                for (int i = 0; i < a.size(); i++) {
                    descend(a.get(i), sign, path, i, out);
                }
            }
            case "Times" -> {
                for (int i = 0; i < a.size(); i++) {
                    List<Tree> rest = new ArrayList<>(a);
                    rest.remove(i);
                    int s = prover.sign(new Tree.Call("Times", rest));
                    if (s != 0) {
                        descend(a.get(i), sign * s, path, i, out);
                    }
                }
            }
            case "@Expectation" -> {
                // weights must be positive for the body's polarity to carry over
                if (a.get(1) instanceof Tree.Call dist && dist.args().size() == 2 && dist.args().get(1) instanceof Tree.Call w
                        && w.head().equals("@Abstract") && prover.sign(w.args().get(0)) > 0) {
                    descend(a.get(0), sign, path, 0, out);
                }
            }
            case "@Iid" -> {
                if (a.get(3) instanceof Tree.Sym q && q.kind() == Tree.Kind.DENSITY) {
                    descend(a.get(0), sign, path, 0, out);
                }
            }
            case "@FiniteSum", "Log", "Exp" -> descend(a.get(0), sign, path, 0, out);
            case "Power" -> {
                if (isE(a.get(0))) {
                    descend(a.get(1), sign, path, 1, out);
                }
            }
            default -> {
            }
        }
    }

    private void descend(Tree t, int sign, List<Integer> path, int i, List<Pos> out) {
        path.add(i);
        walk(t, sign, path, out);
        path.remove(path.size() - 1);
    }

    private static Tree replace(Tree t, List<Integer> path, int depth, Tree sub) {
        if (depth == path.size()) {
            return sub;
        }
        Tree.Call c = (Tree.Call) t;
        List<Tree> a = new ArrayList<>(c.args());
        a.set(path.get(depth), replace(a.get(path.get(depth)), path, depth + 1, sub));
        return new Tree.Call(c.head(), a);
    }

    private static boolean isE(Tree t) {
        return t instanceof Tree.Sym s && s.kind() == Tree.Kind.CONSTANT && s.name().equals("E");
    }

    // ---- averages: E_mu[Y] in its written forms, with mu proved a probability measure ----

    /** M = wrap(body), where wrap(1) = 1 is proved and the weights are positive. */
    private record Avg(UnaryOperator<Tree> wrap, Tree body, String what) {
    }

    private Optional<Avg> average(Tree t, boolean uniformOnly) {
        if (!(t instanceof Tree.Call c)) {
            return Optional.empty();
        }
        List<Tree> a = c.args();
        Avg avg = null;
        if (!uniformOnly && (c.head().equals("@Expectation") || c.head().equals("@Iid"))) {
            avg = new Avg(b -> {
                List<Tree> x = new ArrayList<>(a);
                x.set(0, b);
                return new Tree.Call(c.head(), x);
            }, a.get(0), "an expectation");
        } else if (c.head().equals("Times")) {
            for (int i = 0; i < a.size() && avg == null; i++) {
                if (a.get(i) instanceof Tree.Call s && s.head().equals("Sum") && s.args().size() == 2) {
                    int at = i;
                    List<Tree> rest = new ArrayList<>(a);
                    rest.remove(i);
                    avg = new Avg(b -> {
                        List<Tree> x = new ArrayList<>(rest);
                        x.add(at, new Tree.Call("Sum", List.of(b, s.args().get(1))));
                        return new Tree.Call("Times", x);
                    }, s.args().get(0), "a uniform average");
                }
            }
        } else if (!uniformOnly && c.head().equals("@FiniteSum") && a.get(0) instanceof Tree.Call body
                && body.head().equals("Times")) {
            for (int i = 0; i < body.args().size() && avg == null; i++) {
                Tree w = body.args().get(i);
                List<Tree> rest = new ArrayList<>(body.args());
                rest.remove(i);
                Avg cand = new Avg(b -> new Tree.Call("@FiniteSum", List.of(new Tree.Call("Times", List.of(w, b)),
                        a.get(1))), rest.size() == 1 ? rest.get(0) : new Tree.Call("Times", rest), "a weighted sum");
                if (prover.sign(w) > 0 && probability(cand)) {
                    avg = cand;
                }
            }
            return Optional.ofNullable(avg);
        }
        return avg != null && probability(avg) ? Optional.of(avg) : Optional.empty();
    }

    private boolean probability(Avg a) {
        return prover.equal(a.wrap().apply(new Tree.Num(java.math.BigInteger.ONE, java.math.BigInteger.ONE)),
                new Tree.Num(java.math.BigInteger.ONE, java.math.BigInteger.ONE)).proved();
    }

    private static final Tree TWO = new Tree.Num(java.math.BigInteger.TWO, java.math.BigInteger.ONE);

    /** f(x) for the functions Jensen's rule knows: log (concave), square and exp (convex). */
    private record Fn(String name, UnaryOperator<Tree> apply, int curvature) {
    }

    private static Optional<Map.Entry<Fn, Tree>> fn(Tree t, boolean logOnly) {
        if (!(t instanceof Tree.Call c)) {
            return Optional.empty();
        }
        if (c.head().equals("Log") && c.args().size() == 1) {
            return Optional.of(Map.entry(new Fn("log", x -> new Tree.Call("Log", List.of(x)), -1), c.args().get(0)));
        }
        if (logOnly) {
            return Optional.empty();
        }
        if (c.head().equals("Power") && c.args().get(1).equals(TWO)) {
            return Optional.of(Map.entry(new Fn("square", x -> new Tree.Call("Power", List.of(x, TWO)), 1),
                    c.args().get(0)));
        }
        if (c.head().equals("Exp") || c.head().equals("Power") && isE(c.args().get(0))) {
            Tree arg = c.head().equals("Exp") ? c.args().get(0) : c.args().get(1);
            return Optional.of(Map.entry(new Fn("exp", x -> new Tree.Call("Exp", List.of(x)), 1), arg));
        }
        return Optional.empty();
    }

    /** The rewrites the rule allows at a subterm. */
    private List<Change> changes(String rule, Tree s) {
        List<Change> out = new ArrayList<>();
        boolean logOnly = rule.equals("am-gm");
        if (rule.equals("jensen") || logOnly) {
            // f(E[Y]) -> E[f(Y)]: smaller for concave f, larger for convex f
            fn(s, logOnly).ifPresent(f -> average(f.getValue(), logOnly).ifPresent(m -> {
                if (f.getKey().curvature() < 0 && prover.sign(m.body()) <= 0) {
                    return; // log needs Y > 0
                }
                out.add(new Change(m.wrap().apply(f.getKey().apply().apply(m.body())), f.getKey().curvature(),
                        f.getKey().name() + " of " + m.what() + " against " + m.what() + " of " + f.getKey().name()
                                + (f.getKey().curvature() < 0 ? ", log concave" : ", " + f.getKey().name() + " convex")));
            }));
            // E[f(Y)] -> f(E[Y]): larger for concave f, smaller for convex f
            average(s, logOnly).ifPresent(m -> fn(m.body(), logOnly).ifPresent(f -> {
                if (f.getKey().curvature() < 0 && prover.sign(f.getValue()) <= 0) {
                    return;
                }
                out.add(new Change(f.getKey().apply().apply(m.wrap().apply(f.getValue())), -f.getKey().curvature(),
                        m.what() + " of " + f.getKey().name() + " against " + f.getKey().name() + " of " + m.what()
                                + (f.getKey().curvature() < 0 ? ", log concave" : ", " + f.getKey().name() + " convex")));
            }));
        }
        if (logOnly && s instanceof Tree.Call c && c.head().equals("Power") && c.args().get(1) instanceof Tree.Num h
                && h.num().intValue() == 1 && h.den().intValue() == 2 && c.args().get(0) instanceof Tree.Call ab
                && ab.head().equals("Times") && ab.args().size() == 2 && prover.sign(ab.args().get(0)) > 0
                && prover.sign(ab.args().get(1)) > 0) {
            // sqrt(a b) <= (a + b)/2 for a, b > 0
            Tree mean = new Tree.Call("Times", List.of(new Tree.Num(java.math.BigInteger.ONE, java.math.BigInteger.TWO),
                    new Tree.Call("Plus", ab.args())));
            out.add(new Change(mean, 1, "sqrt(a b) <= (a + b)/2"));
        }
        if (rule.equals("log-sum")) {
            logSum(s).ifPresent(out::add);
        }
        return out;
    }

    /** Sum(a Log(a/b), z) >= Sum(a, z) Log(Sum(a, z)/Sum(b, z)) for positive a, b. */
    private Optional<Change> logSum(Tree s) {
        if (!(s instanceof Tree.Call c) || !c.head().equals("@FiniteSum") || !(c.args().get(0) instanceof Tree.Call body)
                || !body.head().equals("Times")) {
            return Optional.empty();
        }
        List<Tree> fs = body.args();
        for (int i = 0; i < fs.size(); i++) {
            if (fs.get(i) instanceof Tree.Call l && l.head().equals("Log")) {
                List<Tree> rest = new ArrayList<>(fs);
                rest.remove(i);
                Tree a = rest.size() == 1 ? rest.get(0) : new Tree.Call("Times", rest);
                Tree ratio = l.args().get(0);
                Tree b = new Tree.Call("Times", List.of(a, new Tree.Call("Power", List.of(ratio,
                        new Tree.Num(java.math.BigInteger.ONE.negate(), java.math.BigInteger.ONE)))));
                if (prover.sign(a) <= 0 || prover.sign(ratio) <= 0) {
                    continue;
                }
                Tree v = c.args().get(1);
                Tree sa = new Tree.Call("@FiniteSum", List.of(a, v));
                Tree sb = new Tree.Call("@FiniteSum", List.of(b, v));
                Tree r = new Tree.Call("Times", List.of(sa, new Tree.Call("Log", List.of(new Tree.Call("Times",
                        List.of(sa, new Tree.Call("Power", List.of(sb, new Tree.Num(java.math.BigInteger.ONE.negate(),
                                java.math.BigInteger.ONE)))))))));
                return Optional.of(new Change(r, -1, "Sum(a log(a/b)) >= Sum(a) log(Sum(a)/Sum(b)), a, b > 0"));
            }
        }
        return Optional.empty();
    }

    // ---- monotonicity: the sides differ only where the larger side is provably larger ----

    private Prover.Result monotone(Tree small, Tree large, String rule) {
        List<String> rules = new ArrayList<>();
        if (!compare(small, large, 1, rules)) {
            return Prover.Result.no("the sides do not differ only at positions where the larger one is provably larger");
        }
        List<String> out = new ArrayList<>();
        out.add("monotonicity of sums, expectations and log");
        out.addAll(rules);
        return new Prover.Result(true, out, "by monotonicity");
    }

    private boolean compare(Tree a, Tree b, int sign, List<String> rules) {
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof Tree.Call ca && b instanceof Tree.Call cb && ca.head().equals(cb.head())
                && ca.args().size() == cb.args().size()) {
            List<Pos> pa = new ArrayList<>();
            walk(a, sign, new ArrayList<>(), pa);
            boolean ok = true;
            for (int i = 0; i < ca.args().size() && ok; i++) {
                if (ca.args().get(i).equals(cb.args().get(i))) {
                    continue;
                }
                int s = 0;
                for (Pos p : pa) {
                    if (p.path().size() == 1 && p.path().get(0) == i) {
                        s = p.sign();
                    }
                }
                ok = s != 0 && compare(ca.args().get(i), cb.args().get(i), s, rules);
            }
            if (ok) {
                return true;
            }
        }
        // a leaf difference: sign * (b - a) must be a sum of positive terms
        Prover.Result nn = prover.nonnegative(sign > 0 ? b : a, sign > 0 ? a : b);
        if (nn.proved()) {
            rules.addAll(nn.rules());
        }
        return nn.proved();
    }
}
