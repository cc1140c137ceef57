package org.derivcheck.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.document.Document.Display;
import org.derivcheck.document.Document.Heading;
import org.derivcheck.document.Equation.Link;
import org.derivcheck.document.Equation.Part;
import org.derivcheck.document.Equation.Statement;

/**
 * Splits displays into equations and statements. Rows are split at top-level {@code \\} (inner split, aligned,
 * gathered and alignedat only arrange rows); a row that starts with a relation continues the chain before it.
 * Numbers: {@code \tag{n}}, a trailing {@code \quad (n)}, else the environment's own numbering (equation and
 * multline number the display, align and gather every row, unless {@code \nonumber}/{@code \notag} or starred).
 * Within a row, a top-level {@code \quad} separates statements, and {@code \rightarrow}, {@code \Rightarrow},
 * {@code \implies} mean the statement after follows from the one before.
 */
public final class Equations {
    private static final Pattern INNER = Pattern.compile("\\\\(begin|end)\\{(split|aligned|gathered|alignedat|multlined)\\}"
            + "(\\{\\d+\\})?");
    private static final Pattern TAG = Pattern.compile("\\\\tag\\*?\\s*\\{([^{}]*)\\}");
    private static final Pattern INTERTEXT = Pattern.compile("\\\\(?:short)?intertext\\s*\\{[^{}]*(?:\\{[^{}]*\\}[^{}]*)*\\}");
    private static final Pattern LABEL = Pattern.compile("\\\\label\\s*\\{([^{}]*)\\}");
    private static final Pattern NONUMBER = Pattern.compile("\\\\(nonumber|notag)(?![A-Za-z])");
    private static final Pattern TRAILING_NUMBER = Pattern.compile(
            "(?:\\\\qquad|\\\\quad|\\\\hfill|\\\\hspace\\{[^}]*\\})\\s*(?:\\\\text\\s*\\{\\s*)?\\(\\s*([0-9]+(?:\\.[0-9]+)*[a-z]?)"
                    + "\\s*\\)\\s*\\}?\\s*[.,;]?\\s*$");
    private static final Pattern CONTINUATION = Pattern.compile("^(?:[\\s&~]|\\\\[,;:! ]|\\\\q?quad(?![A-Za-z])"
            + "|\\\\[hv]?phantom\\s*\\{[^{}]*\\}|\\\\hspace\\*?\\s*\\{[^{}]*\\})*(=|<|>|:=|\\{\\s*(=|<|>|\\\\le|\\\\ge|\\\\leq|\\\\geq)"
            + "|\\\\(le|ge|leq|geq|leqslant|geqslant|approx|propto|coloneqq|coloneq|triangleq|equiv|ne|neq|mathrel|stackrel|overset|"
            + "underset)(?![A-Za-z]))");
    private static final Set<String> FOLLOWS = Set.of("\\rightarrow", "\\Rightarrow", "\\implies", "\\Longrightarrow",
            "\\longrightarrow", "\\therefore", "\\iff", "\\Leftrightarrow", "\\Longleftrightarrow", "\\to");
    private static final Set<String> SPACES = Set.of("\\quad", "\\qquad");
    private static final Pattern WORDS = Pattern.compile("^[\\s,;.]*\\\\(text|mathrm|textrm|mbox)\\s*\\{\\s*(for|where|if|when|"
            + "with|and|since|as|because|all|each|any|otherwise)\\b.*", Pattern.DOTALL);

    /** Words that say the formula after them follows from the one before ({@code \text{, hence }}). */
    private static final Pattern CONSEQUENCE = Pattern.compile("^[\\s,;.]*\\\\(?:text|textrm|mbox)\\s*\\{[\\s,;.]*(?:hence|so|thus|"
            + "therefore|then|and so|which gives|giving|we get|so that)[\\s,;.]*\\}");

    /** Commands that set words in a formula. */
    private static final Set<String> TEXT = Set.of("\\text", "\\textrm", "\\textit", "\\textbf", "\\textsf",
            "\\textnormal", "\\mbox", "\\emph");

    private Equations() {
    }

    /**
     * The end of the words group whose argument starts at {@code from} ({@code \text} already read) when it holds
     * words rather than a name: a space between words, punctuation, parentheses or math ({@code \text{(by parts)}},
     * {@code \text{ so }}); -1 for a name ({@code \text{KL}}) or no group.
     */
    static int proseEnd(String s, int from) {
        return groupEnd(s, from, false);
    }

    /** The end of the group at {@code from}; -1 when there is none, or when it holds a name and {@code names} is false. */
    private static int groupEnd(String s, int from, boolean names) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '{') {
            return -1;
        }
        int depth = 0;
        for (int k = i; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                String inner = s.substring(i + 1, k);
                // a name has no space in it: \text{KL} is a name, \text{ expanding} and \text{by parts} are words
                return !names && inner.matches("(?:[A-Za-z0-9_]|\\\\_)+") ? -1 : k + 1;
            }
        }
        return -1;
    }

    /**
     * True when the fragment is words only: groups of {@code \text{...}} (and its kin) holding words, with spaces and
     * punctuation around them ({@code \text{(by the chain rule)}}, {@code \text{and}}): a remark beside the formula,
     * not a claim.
     */
    static boolean prose(String fragment) {
        int i = 0;
        boolean any = false;
        String t = fragment;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c) || ",;.:()".indexOf(c) >= 0) {
                i++;
                continue;
            }
            if (c == '\\' && (t.startsWith("\\,", i) || t.startsWith("\\;", i) || t.startsWith("\\ ", i))) {
                i += 2;
                continue;
            }
            if (c != '\\') {
                return false;
            }
            int j = i + 1;
            while (j < t.length() && Character.isLetter(t.charAt(j))) {
                j++;
            }
            String cmd = t.substring(i, j);
            if (SPACES.contains(cmd)) {
                i = j;
                continue;
            }
            int end = TEXT.contains(cmd) ? groupEnd(t, j, true) : -1;
            if (end < 0) {
                return false;
            }
            any = true;
            i = end;
        }
        return any;
    }

    /**
     * True when a note may restrict where the display's claims are meant: it names a condition ({@code for}, {@code if},
     * {@code when}, {@code unless}, ...) or holds math. A remark such as {@code \text{(by the chain rule)}} does not.
     */
    public static boolean mayRestrict(String note) {
        return !prose(note) || note.contains("$") || note.contains("\\(") || RESTRICTING.matcher(note).find()
                || RELATION_IN_WORDS.matcher(note).find() || !JUSTIFICATION.matcher(note).find();
    }

    /** A relation in a remark ({@code \text{(x>0)}}) states a condition. */
    private static final Pattern RELATION_IN_WORDS = Pattern.compile("[<>=]|\\\\(le|ge|leq|geq|ne|neq|in|notin|subset)(?![A-Za-z])");
    /**
     * The remarks known to justify a step rather than restrict it: the first word says how the step was made ("by the
     * chain rule", "expanding", "(definition)"). Any other remark may restrict, in any language.
     */
    private static final Pattern JUSTIFICATION = Pattern.compile("^[\\s,;.:(]*\\\\(?:text|textrm|textit|textbf|textsf|textnormal|mbox|"
            + "emph)\\s*\\{[\\s,;.:(]*(?i:by|using|use|from|via|def|definition|defn|expand|expanding|expanded|simplify|"
            + "simplifying|simplified|rearrang\\w*|differentiat\\w*|integrat\\w*|substitut\\w*|factor\\w*|collect\\w*|"
            + "cancel\\w*|apply|applying|multiply\\w*|multiplying|divid\\w*|add\\w*|subtract\\w*|tak\\w*|recall|see|eq|"
            + "equation|product|chain|power|quotient|linearity|symmetry|commutativity|algebra|identity|the)\\b");

    private static final Pattern RESTRICTING = Pattern.compile("(?i)\\b(for|if|iff|when|whenever|where|with|given|unless|"
            + "provided|assuming|assume|only|except|suppose|supposing|while|but|not|no|never|holds|valid|true|false|wrong|"
            + "case|cases|otherwise|domain|positive|negative|nonzero|real|integer|all|each|any|every|some|small|large|near|"
            + "approx|approximately|limit|as)\\b");

    /** The equations of a document, in order. */
    public static List<Equation> of(Document doc) {
        List<Equation> out = new ArrayList<>();
        int counter = 0;
        for (Display d : doc.displays()) {
            String body = INNER.matcher(d.body()).replaceAll(m -> " ".repeat(m.group().length()));
            List<Row> rows = rows(body, d.bodyStart());
            if (rows.isEmpty()) {
                continue;
            }
            String section = section(doc.headings(), d.start());
            boolean perRow = d.env().startsWith("align") || d.env().startsWith("gather") || d.env().startsWith("flalign")
                    || d.env().startsWith("eqnarray");
            if (!perRow) {
                Optional<String> number = rows.stream().map(Row::number).flatMap(Optional::stream).findFirst();
                Optional<String> label = rows.stream().map(Row::label).flatMap(Optional::stream).findFirst();
                boolean suppressed = rows.stream().anyMatch(Row::suppressed);
                if (number.isEmpty() && d.numbered() && !suppressed) {
                    number = Optional.of(String.valueOf(++counter));
                }
                out.add(equation(number, label, rows, d, section));
                continue;
            }
            List<Row> group = new ArrayList<>();
            List<Optional<String>> numbers = new ArrayList<>();
            Optional<String> label = Optional.empty();
            for (Row r : rows) {
                Optional<String> n = r.number();
                if (n.isEmpty() && d.numbered() && !r.suppressed()) {
                    n = Optional.of(String.valueOf(++counter));
                }
                if (!group.isEmpty() && !CONTINUATION.matcher(r.text()).find()) {
                    out.add(equation(range(numbers), label, group, d, section));
                    group = new ArrayList<>();
                    numbers = new ArrayList<>();
                    label = Optional.empty();
                }
                group.add(r);
                numbers.add(n);
                label = label.isPresent() ? label : r.label();
            }
            out.add(equation(range(numbers), label, group, d, section));
        }
        return joinContinued(out);
    }

    private static final Pattern ENDS_WITH_RELATION = Pattern.compile("(=|\\\\le|\\\\ge|\\\\leq|\\\\geq|<|>)\\s*\\}?\\s*[,.]?\\s*$");

    /**
     * A display that ends with a relation ({@code ... = \quad (16)}) is continued by the next display, whose first
     * statement is the other side; a display that starts with a relation continues the last statement of the display
     * before (a chain split by a sentence): the two become one equation, named by both numbers.
     */
    private static List<Equation> joinContinued(List<Equation> eqs) {
        List<Equation> out = new ArrayList<>();
        for (Equation e : eqs) {
            if (!out.isEmpty()) {
                Equation prev = out.get(out.size() - 1);
                List<Statement> ps = prev.statements();
                Statement last = ps.get(ps.size() - 1);
                boolean endsWithRelation = ENDS_WITH_RELATION.matcher(last.parts().get(last.parts().size() - 1).text()).find();
                // a display that starts with a relation ({@code = a^2 + 2ab + b^2} after a sentence) continues the chain
                // of the display before: its first side is that chain's last expression, as a reader takes it
                boolean startsWithRelation = !e.statements().isEmpty() && e.statements().get(0).link() != Link.NOTE
                        && CONTINUATION.matcher(e.statements().get(0).parts().get(0).text()).find()
                        && last.link() != Link.NOTE && !endsWithRelation;
                if ((endsWithRelation || startsWithRelation)
                        && !e.statements().isEmpty() && e.display() != prev.display()) {
                    List<Part> parts = new ArrayList<>(last.parts());
                    parts.addAll(e.statements().get(0).parts());
                    List<Statement> merged = new ArrayList<>(ps.subList(0, ps.size() - 1));
                    merged.add(new Statement(parts, last.link()));
                    merged.addAll(e.statements().subList(1, e.statements().size()));
                    Optional<String> number = prev.number().isPresent() && e.number().isPresent()
                            ? Optional.of(prev.number().get() + ")–(" + e.number().get())
                            : prev.number().isPresent() ? prev.number() : e.number();
                    out.set(out.size() - 1, new Equation(number, prev.label().isPresent() ? prev.label() : e.label(),
                            prev.offset(), prev.latex() + " \\\\ " + e.latex(), merged, prev.display(), prev.section()));
                    continue;
                }
            }
            out.add(e);
        }
        return out;
    }

    private static Optional<String> range(List<Optional<String>> numbers) {
        List<String> ns = numbers.stream().flatMap(Optional::stream).toList();
        if (ns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ns.size() == 1 ? ns.get(0) : ns.get(0) + ")–(" + ns.get(ns.size() - 1));
    }

    private static String section(List<Heading> headings, int offset) {
        String s = "";
        for (Heading h : headings) {
            if (h.offset() < offset) {
                s = h.text();
            }
        }
        return s;
    }

    private static Equation equation(Optional<String> number, Optional<String> label, List<Row> rows, Display d,
            String section) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder latex = new StringBuilder();
        for (Row r : rows) {
            latex.append(latex.length() == 0 ? "" : " \\\\ ").append(r.text().strip());
            List<Fragment> frags = fragments(r.text(), r.offset());
            boolean continues = !statements.isEmpty() && CONTINUATION.matcher(r.text()).find();
            for (int i = 0; i < frags.size(); i++) {
                Fragment f = frags.get(i);
                int at = lastClaim(statements);
                boolean afterNote = i > 0 && frags.get(i - 1).link() == Link.NOTE && f.link() == Link.ALSO
                        && CONTINUATION.matcher(f.part().text()).find();
                if ((i == 0 && continues || afterNote) && at >= 0) {
                    // a row that starts with a relation continues the chain of the row before, past the words set
                    // beside that row ({@code \quad \text{(by parts)}}), which are not part of the formula
                    Statement last = statements.get(at);
                    List<Part> parts = new ArrayList<>(last.parts());
                    parts.add(f.part());
                    statements.set(at, new Statement(parts, last.link()));
                } else {
                    statements.add(new Statement(List.of(f.part()), f.link()));
                }
            }
        }
        String tex = latex.toString();
        if (rows.size() > 1) {
            tex = "\\begin{aligned}" + tex + "\\end{aligned}";
        }
        return new Equation(number, label, rows.get(0).offset(), tex, statements, d.ordinal(), section);
    }

    /** The index of the last statement that is not words, or -1. */
    private static int lastClaim(List<Statement> statements) {
        for (int k = statements.size() - 1; k >= 0; k--) {
            if (statements.get(k).link() != Link.NOTE) {
                return k;
            }
        }
        return -1;
    }

    /** One row of a display, with its number and label taken out. */
    record Row(String text, int offset, Optional<String> number, Optional<String> label, boolean suppressed) {
    }

    private static List<Row> rows(String body, int base) {
        List<Row> out = new ArrayList<>();
        for (int[] piece : split(body)) {
            StringBuilder sb = new StringBuilder(body.substring(piece[0], piece[1]));
            Optional<String> number = Optional.empty();
            Optional<String> label = Optional.empty();
            Matcher t = TAG.matcher(sb);
            if (t.find()) {
                number = Optional.of(t.group(1).trim());
                Masking.blank(sb, t.start(), t.end());
            }
            // words between two rows of an align (\intertext{and expanding}): prose; the row after it goes on
            Matcher it = INTERTEXT.matcher(sb);
            while (it.find()) {
                Masking.blank(sb, it.start(), it.end());
            }
            Matcher l = LABEL.matcher(sb);
            if (l.find()) {
                label = Optional.of(l.group(1).trim());
                Masking.blank(sb, l.start(), l.end());
            }
            boolean suppressed = false;
            Matcher nn = NONUMBER.matcher(sb);
            while (nn.find()) {
                suppressed = true;
                Masking.blank(sb, nn.start(), nn.end());
            }
            Matcher tn = TRAILING_NUMBER.matcher(sb);
            if (tn.find()) {
                number = number.isPresent() ? number : Optional.of(tn.group(1));
                Masking.blank(sb, tn.start(), tn.end());
            }
            String text = sb.toString();
            if (text.isBlank()) {
                continue;
            }
            int lead = 0;
            while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
                lead++;
            }
            out.add(new Row(text.substring(lead), base + piece[0] + lead, number, label, suppressed));
        }
        return out;
    }

    /** Pieces of a display body between top-level {@code \\}, as {start, end} offsets. */
    static List<int[]> split(String body) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int env = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                if (body.startsWith("\\begin{", i)) {
                    env++;
                } else if (body.startsWith("\\end{", i)) {
                    env--;
                } else if (body.charAt(i + 1) == '\\' && depth == 0 && env == 0) {
                    out.add(new int[] {start, i});
                    start = i + 2;
                    // \\* (no page break) and \\[4pt] (extra space) are layout of the break, not the next row's
                    int k = start;
                    while (k < body.length() && (body.charAt(k) == ' ' || body.charAt(k) == '\t')) {
                        k++;
                    }
                    if (k < body.length() && body.charAt(k) == '*') {
                        k++;
                        start = k;
                    }
                    while (k < body.length() && Character.isWhitespace(body.charAt(k))) {
                        k++;
                    }
                    int close = k < body.length() && body.charAt(k) == '[' ? body.indexOf(']', k) : -1;
                    if (close > k && close - k < 20 && body.substring(k + 1, close).matches("\\s*-?[0-9.]*\\s*[a-z]{2}\\s*")) {
                        start = close + 1;
                    }
                    i = start - 1;
                    continue;
                }
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
        }
        out.add(new int[] {start, body.length()});
        return out;
    }

    private record Fragment(Part part, Link link) {
    }

    /** A row split at top-level {@code \quad} and implication arrows. */
    private static List<Fragment> fragments(String row, int base) {
        List<Fragment> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        Link link = Link.ALSO;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            } else if (c == '\\' && i + 1 < row.length()) {
                int j = i + 1;
                while (j < row.length() && Character.isLetter(row.charAt(j))) {
                    j++;
                }
                String cmd = row.substring(i, j);
                if (depth == 0 && (SPACES.contains(cmd) || FOLLOWS.contains(cmd))) {
                    add(out, row, base, start, i, link);
                    link = FOLLOWS.contains(cmd) ? Link.FOLLOWS : Link.ALSO;
                    start = j;
                } else if (depth == 0 && TEXT.contains(cmd) && !row.substring(start, i).replace('&', ' ').isBlank()
                        && !WORDS.matcher(row.substring(start, i)).matches()
                        && (proseEnd(row, j) > 0 || CONSEQUENCE.matcher(row.substring(i)).find())) {
                    // words after a formula ({@code a = b \text{ by parts}}, {@code \text{, so }}) end its statement:
                    // they are read as a note of their own, like words after a \quad
                    add(out, row, base, start, i, link);
                    link = Link.ALSO;
                    start = i;
                }
                i = Math.max(i, j - 1);
            }
        }
        add(out, row, base, start, row.length(), link);
        return out;
    }

    private static void add(List<Fragment> out, String row, int base, int from, int to, Link link) {
        String text = row.substring(from, to);
        if (text.replace('&', ' ').isBlank() || text.strip().matches("[,.;&]+")) {
            return;
        }
        // punctuation that ends a statement before the next one is not part of the formula
        String trimmed = text.replaceFirst("[\\s]*[,;.]\\s*$", "");
        String padded = trimmed + " ".repeat(text.length() - trimmed.length());
        Link l = link;
        Matcher so = CONSEQUENCE.matcher(padded);
        if (so.find() && !padded.substring(so.end()).isBlank()) {
            // "\text{, hence } x = 2": the formula after the words follows from the statement before, as after \implies
            String blanked = " ".repeat(so.end()) + padded.substring(so.end());
            out.add(new Fragment(new Part(blanked, base + from), out.isEmpty() ? link : Link.FOLLOWS));
            return;
        }
        if (WORDS.matcher(padded).matches() || prose(padded)) {
            l = Link.NOTE;
        } else if (link == Link.ALSO && out.isEmpty()) {
            l = Link.ALSO;
        }
        out.add(new Fragment(new Part(padded, base + from), l));
    }
}
