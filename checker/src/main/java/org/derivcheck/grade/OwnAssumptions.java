package org.derivcheck.grade;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.SymbolDecl;

/**
 * The assumptions a submission's chains are checked under: the rubric's, and of the submission's own only those that
 * neither narrow the rubric's domain (an assumption that names a rubric symbol or definition, or a definition of the
 * submission's, is not granted) nor leave no point to check (an assumption nothing satisfies, alone or with the
 * others, would make every chain undecided). What is dropped is named in the feedback.
 *
 * @param used          the rubric's assumptions and the submission's kept ones
 * @param notGranted    the submission's assumptions the rubric does not grant
 * @param unsatisfiable the submission's assumptions that leave no point in the declared domains
 */
record OwnAssumptions(List<Line> used, List<String> notGranted, List<String> unsatisfiable) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Sorts the submission's assumptions. {@code holdsUnder(names, assumptions)} checks a true identity in those names
     * under those assumptions: it holds only when points satisfying them were found.
     */
    static OwnAssumptions of(Rubric rubric, Submission s, List<SymbolDecl> symbols,
            BiPredicate<Set<String>, List<Line>> holdsUnder) {
        List<Line> used = new ArrayList<>(rubric.assumptions());
        List<String> notGranted = new ArrayList<>();
        List<Line> own = new ArrayList<>();
        for (Line a : s.assumptions()) {
            if (granted(rubric, a, s)) {
                own.add(a);
            } else {
                notGranted.add(a.text());
            }
        }
        List<String> unsatisfiable = new ArrayList<>();
        List<Line> kept = new ArrayList<>();
        for (Line a : own) {
            List<Line> under = new ArrayList<>(rubric.assumptions());
            under.add(a);
            if (holdsUnder.test(names(List.of(a), symbols), under)) {
                kept.add(a);
            } else {
                unsatisfiable.add(a.text());
            }
        }
        if (kept.size() > 1) {
            List<Line> under = new ArrayList<>(rubric.assumptions());
            under.addAll(kept);
            if (!holdsUnder.test(names(kept, symbols), under)) {
                kept.forEach(a -> unsatisfiable.add(a.text()));
                kept.clear();
            }
        }
        used.addAll(kept);
        return new OwnAssumptions(used, notGranted, unsatisfiable);
    }

    /** The feedback notes on what was dropped (empty when nothing was). */
    List<String> notes() {
        List<String> out = new ArrayList<>();
        if (!notGranted.isEmpty()) {
            out.add(" (the submission's assumption" + (notGranted.size() > 1 ? "s " : " ") + String.join("; ", notGranted)
                    + (notGranted.size() > 1 ? " are" : " is") + " not granted by the rubric: the chains were checked without "
                    + (notGranted.size() > 1 ? "them" : "it") + ")");
        }
        if (!unsatisfiable.isEmpty()) {
            out.add(" (the submission's assumption" + (unsatisfiable.size() > 1 ? "s " : " ")
                    + String.join("; ", unsatisfiable) + (unsatisfiable.size() > 1 ? " leave" : " leaves") + " no point to "
                    + "check in the declared domains (cannot be satisfied together with the rubric's): the chains were "
                    + "checked under the rubric's assumptions)");
        }
        return out;
    }

    /**
     * What an assumption speaks of, as terms of the probe identity: its scalar symbols, and its data as written
     * ({@code y(1)}, {@code y(2)} for indexed {@code y}): an assumption about data only ({@code y(1) > 5},
     * {@code y(1) < 3}) must be probed at data that satisfy it too, or nothing would show that none does.
     */
    static Set<String> names(List<Line> lines, List<SymbolDecl> symbols) {
        Set<String> out = new LinkedHashSet<>();
        for (Line a : lines) {
            String text = a.text();
            Matcher m = NAME.matcher(text);
            while (m.find()) {
                String n = m.group();
                if (symbols.stream().anyMatch(d -> d.name().equals(n) && !d.indexed())) {
                    out.add(n);
                } else if (symbols.stream().anyMatch(d -> d.name().equals(n) && d.indexed())) {
                    int open = m.end();
                    while (open < text.length() && text.charAt(open) == ' ') {
                        open++;
                    }
                    int close = open < text.length() && text.charAt(open) == '(' ? closing(text, open) : -1;
                    out.add(close > 0 ? n + text.substring(open, close + 1).replace(" ", "") : n + "(1)");
                    if (close > 0) {
                        m.region(close + 1, text.length());
                    }
                }
            }
        }
        return out;
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True when a submission's assumption may be used: it repeats one of the rubric's, or every name in it is a
     * symbol the submission declares itself (a rubric symbol in it would narrow the rubric's domain).
     */
    private static boolean granted(Rubric rubric, Line a, Submission s) {
        String t = Goal.squeeze(a.text());
        if (rubric.assumptions().stream().anyMatch(r -> Goal.squeeze(r.text()).equals(t))) {
            return true;
        }
        Set<String> own = new HashSet<>();
        for (SymbolDecl d : s.symbols()) {
            if (rubric.symbols().stream().noneMatch(r -> r.name().equals(d.name()))) {
                own.add(d.name());
            }
        }
        Matcher m = NAME.matcher(a.text());
        boolean any = false;
        while (m.find()) {
            String name = m.group();
            if (rubric.symbols().stream().anyMatch(r -> r.name().equals(name))
                    || rubric.definitions().stream().anyMatch(d -> d.name().equals(name))
                    || s.definitions().stream().anyMatch(d -> d.name().equals(name))) {
                return false;
            }
            any |= own.contains(name);
        }
        return any;
    }
}
