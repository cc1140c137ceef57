package org.derivcheck.grade;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.derivcheck.check.Evidence;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;
import org.derivcheck.notation.Relation;

/**
 * The reach rules of docs/grading.md, applied to a checked chain and a goal once its relations and the
 * comparison of its final line are decided:
 * <ul>
 * <li>a chain relates its first and last lines by the composition of its relations ({@code =} with {@code <=}
 * is {@code <=}, {@code <=} with {@code >=} is nothing); it reaches a goal only when that composition implies
 * the goal's relation ({@code =}: every relation an equality);</li>
 * <li>a chain that does no work reaches nothing: its first and last lines the same expression, every relation
 * a syntactic identity {@code X = X}, or a final line that still contains the goal's left side
 * ({@code T = 2 T - T});</li>
 * <li>partial credit for a chain with a wrong final line needs the same of the chain before its final line.</li>
 * </ul>
 * A comparison that the rules rule out is replaced by an INVALID one whose message says why, so it neither
 * reaches the goal nor earns partial credit.
 */
final class Reach {
    private Reach() {
    }

    /** The composition of the relations, or empty when they mix directions or one is not a relation. */
    static Optional<Relation> compose(List<String> relations) {
        Relation out = Relation.EQUAL;
        for (String s : relations) {
            Optional<Relation> r = Relation.parse(s.equals(":=") ? "=" : s);
            if (r.isEmpty()) {
                return Optional.empty();
            }
            Relation x = r.get();
            if (out == Relation.EQUAL) {
                out = x;
            } else if (x != Relation.EQUAL) {
                boolean down = less(out);
                if (down != less(x)) {
                    return Optional.empty();
                }
                boolean strict = out == Relation.LESS || out == Relation.GREATER || x == Relation.LESS || x == Relation.GREATER;
                out = down ? (strict ? Relation.LESS : Relation.LESS_EQUAL) : (strict ? Relation.GREATER : Relation.GREATER_EQUAL);
            }
        }
        return Optional.of(out);
    }

    private static boolean less(Relation r) {
        return r == Relation.LESS || r == Relation.LESS_EQUAL;
    }

    /** True when {@code chain} between two expressions establishes {@code target} between them. */
    static boolean implies(Relation chain, Relation target) {
        return switch (target) {
            case EQUAL -> chain == Relation.EQUAL;
            case LESS_EQUAL -> chain == Relation.EQUAL || less(chain);
            case LESS -> chain == Relation.LESS;
            case GREATER_EQUAL -> chain == Relation.EQUAL || chain == Relation.GREATER || chain == Relation.GREATER_EQUAL;
            case GREATER -> chain == Relation.GREATER;
        };
    }

    /** Why the chain cannot reach the goal although its relations and its comparison hold; empty when it does. */
    static Optional<String> whyNotReached(ChainResult c, Goal g, Canon canon, Canon expanded, java.util.Set<String> own) {
        if (c.lines().size() < 2 || c.relations().size() != c.lines().size() - 1) {
            return Optional.of("its lines could not be related to the goal");
        }
        List<String> lines = c.lines();
        List<String> relations = c.relations();
        if (reversed(lines, g, canon)) {
            // written from the answer back to the left side: read it the other way round
            lines = new java.util.ArrayList<>(lines);
            java.util.Collections.reverse(lines);
            relations = new java.util.ArrayList<>(relations);
            java.util.Collections.reverse(relations);
        }
        Optional<String> rel = relationProblem(relations);
        if (rel.isPresent()) {
            return rel;
        }
        Optional<String> raw = noWork(lines, g);
        if (raw.isPresent() || trivial(g, canon)) {
            return raw;
        }
        String first = lines.get(0);
        String last = lines.get(lines.size() - 1);
        if (canon.same(first, last)) {
            return Optional.of("its first and last lines are the same expression once definitions are written out, terms "
                    + "and factors reordered and like terms collected (" + first.strip() + " and " + last.strip()
                    + "): the chain does no work");
        }
        if (!normal(first).equals(normal(g.lhs())) && canon.same(first, g.rhs())) {
            return Optional.of("its first line is the target's right side (" + first.strip() + "): a chain that starts at "
                    + "the answer does not derive it");
        }
        for (String name : own) {
            if (containsTerm(normal(last), name)) {
                // the header that defines it is a comment: a reader of the document does not see the answer
                return Optional.of("its final line uses " + name + ", a definition of the submission's own (a comment, "
                        + "which a reader of the document does not see): reach the target in the rubric's names");
            }
        }
        if (!normal(first).equals(normal(g.lhs())) && !canon.same(first, g.lhs())) {
            // equal in value is not enough: the answer plus a true zero (|x| + log e - 1) equals the left side too
            return Optional.of("its first line (" + first.strip() + ") is neither " + g.lhs().strip() + " nor its "
                    + "definition written out: a chain that starts elsewhere does not derive " + g.lhs().strip()
                    + ", however true its steps; start the chain at " + g.lhs().strip());
        }
        if (canon.holds(last, g.lhs()) && !canon.holds(g.rhs(), g.lhs())) {
            // equal in value, yet still the left side (or its definition) times a disguised 1, plus a disguised 0, or
            // inside an identity: (a + b)^2 (sin(a)^2 + cos(a)^2) for S: (a + b)^2 derives nothing, whatever form
            // the result accepts
            return Optional.of("its final line (" + last.strip() + ") still holds " + g.lhs().strip() + " (or its "
                    + "definition written out) with something equal to 1 or 0 around it: the chain does not derive "
                    + g.lhs().strip());
        }
        if (!g.anyForm() && !normal(last).equals(normal(g.rhs())) && !expanded.same(last, g.rhs())) {
            // equal in value is not enough here either: (a + b)^2 (sin(a)^2 + cos(a)^2) equals a^2 + 2ab + b^2
            return Optional.of("its final line (" + last.strip() + ") equals " + g.rhs().strip() + " in value but is not "
                    + "it written out (up to order, numbers and expanded products): a chain ends at the answer the "
                    + "result asks for (a rubric that takes any equal form says 'answer: value')");
        }
        return Optional.empty();
    }

    /**
     * True when the chain runs from the goal's right side (as written, up to reordering) back to its left side: a
     * derivation written the other way round, which establishes the goal as well.
     */
    static boolean reversed(List<String> lines, Goal g, Canon canon) {
        String first = lines.get(0);
        String last = lines.get(lines.size() - 1);
        return !normal(first).equals(normal(g.lhs())) && canon.same(first, g.rhs())
                && (normal(last).equals(normal(g.lhs())) || canon.same(last, g.lhs()));
    }

    /** True when the goal itself is a rewriting that does no work (a careless rubric): only the plain rules apply. */
    static boolean trivial(Goal g, Canon canon) {
        return canon.same(g.lhs(), g.rhs());
    }

    /** Why a chain whose final line is wrong earns no partial credit for the goal; empty when it may. */
    static Optional<String> whyNoPartial(ChainResult c, Goal g) {
        int n = c.lines().size();
        if (n < 3 || c.relations().size() != n - 1) {
            return Optional.of("it has fewer than two relations");
        }
        Optional<String> rel = relationProblem(c.relations());
        if (rel.isPresent()) {
            return rel;
        }
        List<String> before = c.lines().subList(0, n - 1);
        Optional<String> raw = noWork(before, g);
        if (raw.isPresent()) {
            return raw.map(w -> "before its final line, " + w);
        }
        if (Canon.plain().same(before.get(0), before.get(before.size() - 1))) {
            return Optional.of("before its final line, its lines are one expression with its terms and factors reordered "
                    + "or like terms collected: the chain does no work");
        }
        return Optional.empty();
    }

    private static Optional<String> relationProblem(List<String> relations) {
        Optional<Relation> r = compose(relations);
        if (r.isEmpty()) {
            return Optional.of("its relations mix directions (" + String.join(", ", relations) + "), which relates its first "
                    + "and last lines by nothing");
        }
        if (!implies(r.get(), Relation.EQUAL)) {
            return Optional.of("its relations compose to " + r.get().symbol() + ", which does not establish the target's =");
        }
        return Optional.empty();
    }

    /** Why the lines (first to last) do no work toward the goal; empty when they do some. */
    static Optional<String> noWork(List<String> lines, Goal g) {
        String first = normal(lines.get(0));
        String last = normal(lines.get(lines.size() - 1));
        if (first.equals(last)) {
            return Optional.of("its first and last lines are the same expression (" + lines.get(0).strip()
                    + "): the chain does no work");
        }
        boolean identities = true;
        for (int i = 0; i + 1 < lines.size() && identities; i++) {
            identities = normal(lines.get(i)).equals(normal(lines.get(i + 1)));
        }
        if (identities) {
            return Optional.of("every relation is a syntactic identity (X = X): the chain does no work");
        }
        String lhs = normal(g.lhs());
        if (containsTerm(last, lhs) && !containsTerm(normal(g.rhs()), lhs)) {
            return Optional.of("its last line still contains " + g.lhs() + ": the chain does not derive it");
        }
        return Optional.empty();
    }

    /** The chain with every comparison the rules rule out replaced by an INVALID one that says why. */
    static ChainResult gate(ChainResult c, List<Goal> goals, Canon canon, Canon expanded, java.util.Set<String> own) {
        if (c.comparisons().isEmpty()) {
            return c;
        }
        Map<String, StepResult> out = new LinkedHashMap<>();
        for (Map.Entry<String, StepResult> e : c.comparisons().entrySet()) {
            StepResult s = e.getValue();
            Optional<Goal> g = goals.stream().filter(x -> x.id().equals(e.getKey())).findFirst();
            Optional<String> why = Optional.empty();
            if (g.isPresent() && c.holds() && s.verdict().holds()) {
                why = whyNotReached(c, g.get(), canon, expanded, own).map(w -> "does not reach the target: " + w);
            } else if (g.isPresent() && s.verdict() == Verdict.REFUTED && c.holdsBeforeLast()) {
                why = whyNoPartial(c, g.get()).map(w -> "ends away from the target and earns no partial credit: " + w);
            }
            out.put(e.getKey(), why.map(w -> ruledOut(s, w)).orElse(s));
        }
        return c.withComparisons(out);
    }

    /**
     * A chain counts for one goal only: the one whose left side its first line is as written, else up to rewriting,
     * else the first in the rubric's order. Two results whose sides happen to agree in value are not both earned by
     * one chain, whether it is about no goal (compared with the goals left open) or about one by its first line and
     * another by its label.
     */
    static ChainResult oneGoal(ChainResult c, List<Goal> goals, Canon canon) {
        if (!c.holds() || c.lines().isEmpty()) {
            return c;
        }
        List<Goal> reached = goals.stream().filter(g -> c.reaches(g.id())).toList();
        if (reached.size() < 2) {
            return c;
        }
        String first = c.lines().get(0);
        Goal keep = reached.stream().filter(g -> normal(first).equals(normal(g.lhs()))).findFirst()
                .or(() -> reached.stream().filter(g -> canon.same(first, g.lhs())).findFirst()).orElse(reached.get(0));
        Map<String, StepResult> out = new LinkedHashMap<>();
        for (Map.Entry<String, StepResult> e : c.comparisons().entrySet()) {
            boolean other = reached.stream().anyMatch(g -> g.id().equals(e.getKey())) && !e.getKey().equals(keep.id());
            out.put(e.getKey(), other ? ruledOut(e.getValue(), "does not reach the target: this chain already counts for "
                    + keep.lhs() + " (one chain earns one result)") : e.getValue());
        }
        return c.withComparisons(out);
    }

    private static StepResult ruledOut(StepResult s, String why) {
        return new StepResult(s.index(), s.claim(), s.tex(), s.line(), Verdict.INVALID, "reach rules",
                List.of(new Evidence("reach rules", why)), java.util.Optional.empty(), List.of(), why, s.millis());
    }

    /** Spaces removed and redundant outer parentheses dropped: the spelling two lines are compared by. */
    static String normal(String s) {
        String t = Goal.squeeze(s);
        while (t.length() >= 2 && t.charAt(0) == '(' && t.charAt(t.length() - 1) == ')' && closesAtEnd(t)) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static boolean closesAtEnd(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth == 0 && i < t.length() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when {@code term} occurs in {@code s} as a whole (not inside a longer name). */
    static boolean containsTerm(String s, String term) {
        if (term.isEmpty()) {
            return false;
        }
        for (int i = s.indexOf(term); i >= 0; i = s.indexOf(term, i + 1)) {
            boolean before = i == 0 || !name(s.charAt(i - 1));
            int end = i + term.length();
            boolean after = end >= s.length() || !name(s.charAt(end)) || !name(term.charAt(term.length() - 1));
            boolean start = !name(term.charAt(0)) || before;
            if (start && after) {
                return true;
            }
        }
        return false;
    }

    private static boolean name(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_';
    }
}
