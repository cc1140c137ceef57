package org.derivcheck.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.derivation.Derivation;
import org.derivcheck.derivation.Line;

/**
 * The side conditions in words of a display ({@code \text{for } x > 0}, {@code \text{if } a > 1}) read as assumptions
 * of its claims: the words, then one inequality between expressions of the document's names. A display whose every
 * note reads so has its claims checked under them; a note that does not read (several conditions, words after the
 * formula, an index range) leaves the display's refutations INCONCLUSIVE (Conditions).
 */
final class SideConditions {
    private static final Pattern LEAD = Pattern.compile("^[\\s,;.]*\\\\(?:text|mathrm|textrm|mbox)\\s*\\{\\s*(for|if|when|where|"
            + "with|given)(?:\\s+(?:all|every|each|any))?\\s*\\}(.*)$", Pattern.DOTALL);
    private static final Set<String> INEQUALITIES = Set.of("<", ">", "<=", ">=");

    private SideConditions() {
    }

    /** The assumptions the notes of a display state, in derivcheck's syntax; empty when it has none or one does not read. */
    static Optional<List<Line>> of(Equation eq, Names names, int line) {
        List<Line> out = new ArrayList<>();
        for (Equation.Statement s : eq.statements()) {
            if (s.link() != Equation.Link.NOTE) {
                continue;
            }
            Matcher m = LEAD.matcher(s.latex());
            if (!m.matches() || m.group(2).isBlank()) {
                return Optional.empty();
            }
            String rest = m.group(2).replaceFirst("[\\s,;.]+$", "");
            int offset = s.offset() + Math.max(0, s.latex().indexOf(rest));
            Reading r;
            try {
                r = StatementReader.read(new Equation.Statement(List.of(new Equation.Part(rest, offset)), Equation.Link.ALSO),
                        names);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            if (r.kind() != Reading.Kind.CLAIM || r.links().size() != 2 || !INEQUALITIES.contains(r.links().get(1).relation())
                    || !r.upTo().stream().allMatch(Reading.UpTo::plain)) {
                return Optional.empty();
            }
            out.add(new Line(r.links().get(0).text() + " " + r.links().get(1).relation() + " " + r.links().get(1).text(), line));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /** The derivation with the display's side conditions added to its assumptions. */
    static Derivation under(Derivation d, List<Line> side) {
        List<Line> as = new ArrayList<>(d.assumptions());
        as.addAll(side);
        return new Derivation(d.id(), d.title(), d.source(), d.file(), d.symbols(), d.densities(), d.definitions(), as, d.steps(),
                d.families());
    }
}
