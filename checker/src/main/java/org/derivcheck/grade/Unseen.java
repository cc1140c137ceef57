package org.derivcheck.grade;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.document.Document;

/**
 * What a reader of a submission's document does not see, refused before any chain is read (docs/grading.md, "Only what
 * a reader of the document sees is read"): TeX whose effect derivcheck cannot follow, commands and HTML that hide or
 * move text, negative spaces, and displays in places LaTeX is not known to show them. What LaTeX never typesets at all
 * (comments, {@code \\iffalse}, the preamble, the text after {@code \\end{document}}) is blanked before, by the
 * document reader.
 */
final class Unseen {
    /**
     * TeX whose effect on what is shown derivcheck cannot follow without running TeX: conditionals other than
     * {@code \iffalse}/{@code \iftrue} (whose skipped branch is not read), environments and hooks redefined, math
     * and category codes, the comment package's own environments. Refused anywhere in the submission.
     */
    private static final Pattern UNFOLLOWED = Pattern.compile("\\\\((?!iffalse(?![A-Za-z])|iftrue(?![A-Za-z]))if[A-Za-z]*|"
            + "If[A-Z][A-Za-z]*|unless|newif|(?:re)?newenvironment|(?:New|Renew|Provide|Declare)DocumentEnvironment|"
            + "NewEnvironmentCopy|AtBeginEnvironment|AtEndEnvironment|BeforeBeginEnvironment|AfterEndEnvironment|"
            + "AddToHook|AtBeginDocument|AtEndDocument|AtEndPreamble|every[a-z]+|aftergroup|afterassignment|mathcode|"
            + "delcode|mathchardef|chardef|lccode|uccode|scantokens|DeclareMath(?:Symbol|Delimiter|Accent|Radical)|"
            + "DeclareSymbolFont|SetSymbolFont|excludecomment|includecomment|specialcomment|processcomment|generalcomment|"
            + "includeonly|excludeversion|includeversion|markversion|processifversion|excludeonly)(?![A-Za-z])");
    /**
     * Commands that make text invisible, store it without showing it, or move it away: outside a display they could
     * hide a whole display (inside one the notation reader drops a phantom's argument and refuses the others).
     */
    private static final Pattern HIDING = Pattern.compile("\\\\(color|textcolor|colorbox|fcolorbox|pagecolor|"
            + "phantom|hphantom|vphantom|sbox|savebox|newsavebox|setbox|scalebox|resizebox|"
            + "fontsize|transparent|texttransparent|raisebox|put|moveleft|moveright|raise|lower)(?![A-Za-z])"
            + "|\\\\begin\\s*\\{(lrbox|picture|textblock\\*?)\\}");
    /** A named colour that shows on a white page: no mix ({@code red!5} is nearly white), no colour of the document's. */
    private static final Pattern SHOWN_COLOUR = Pattern.compile("\\s*\\{\\s*(red|blue|green|black|magenta|cyan|orange|"
            + "purple|brown|violet|teal|olive|darkgray|gray)\\s*\\}");
    /** A negative space, anywhere (inside a formula too): it can move a part of a formula off the page or over another. */
    private static final Pattern NEGATIVE_SKIP = Pattern.compile("\\\\(?:[hv]space\\*?|mspace)\\s*\\{\\s*-([^}]*)\\}"
            + "|\\\\(?:kern|hskip|vskip|mkern|mskip)\\s*-\\s*([0-9.]+\\s*[a-z]{2}|\\\\[A-Za-z]+|\\S?)"
            + "|\\\\\\\\\\s*\\*?\\s*\\[\\s*-([^\\]]*)\\]");
    /** A length (number and unit) in points; a negative space up to {@link #SMALL_POINTS} only tightens the layout. */
    private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*(pt|bp|mm|cm|in|pc|em|ex|mu|dd|sp)\\s*");
    private static final Pattern SMALL_SKIP = Pattern.compile("\\s*\\\\(baselineskip|parskip|smallskipamount|medskipamount|"
            + "abovedisplayskip|belowdisplayskip|abovedisplayshortskip|belowdisplayshortskip|itemsep|parsep|topsep)\\s*");
    private static final double SMALL_POINTS = 36;
    /**
     * Markdown: an HTML element that is never shown, or a tag with attributes (a style, a class, {@code hidden}, a
     * colour or a size can hide what follows); a tag that holds a display (an {@code alt="$$...$$"}) is refused where
     * the display is found.
     */
    private static final Pattern HTML_HIDING = Pattern.compile(
            "(?i)<(script|style|template|noscript|head)(?![a-z0-9])|<[a-z][a-z0-9]*\\s+[a-z-]+[^<>]*>");
    private static final Pattern HTML_TAG = Pattern.compile("(?i)<[a-z][a-z0-9]*\\s[^<>]*>");
    /** The brace groups a display may be read in: a plain group, and arguments that are typeset where they stand. */
    private static final Pattern SHOWN_GROUP = Pattern.compile("|\\\\(text(bf|it|rm|sf|tt|up|sl|sc|normal|md)|emph|"
            + "footnote|footnotetext|marginpar|fbox|framebox|parbox|mbox|makebox|underline|centerline|noindent|item|question|"
            + "part|subpart|begingroup|small|large|Large|normalsize|footnotesize)");
    /** The environments a display may be read in (besides those of {@code \\newtheorem}). */
    private static final Pattern SHOWN_ENV = Pattern.compile("document|(itemize|enumerate|description|list|trivlist|"
            + "center|flushleft|flushright|quote|quotation|verse|minipage|figure|table|wrapfigure|proof|abstract|multicols|"
            + "subequations|questions|parts|subparts|subsubparts|framed|mdframed|tcolorbox|adjustwidth|spacing|singlespace|"
            + "onehalfspace|doublespace|samepage|small|normalsize|large|Large|footnotesize|theorem|lemma|proposition|"
            + "corollary|definition|example|remark|exercise|problem)\\*?");
    private static final Pattern SOLUTION = Pattern.compile("solution(orbox|ordottedlines|orlines|orgrid)?\\*?");
    private static final Pattern THEOREM = Pattern.compile("\\\\(?:newtheorem\\*?|declaretheorem(?:\\[[^\\]]*\\])?)"
            + "\\s*\\{([^}]*)\\}");
    private static final Pattern CONDITIONAL_WORD = Pattern.compile("if[A-Za-z]*|If[A-Z][A-Za-z]*|unless|newif");

    private final Document doc;
    private final String text;
    private final BiFunction<Integer, String, DerivationException> error;

    Unseen(Document doc, String text, BiFunction<Integer, String, DerivationException> error) {
        this.doc = doc;
        this.text = text;
        this.error = error;
    }

    /**
     * Refuses what could hide a formula from a reader of the PDF while derivcheck reads it, or change what it shows:
     * TeX derivcheck cannot follow ({@link #UNFOLLOWED}) anywhere; outside the displays, commands that hide or move
     * text ({@link #HIDING}) in LaTeX and hiding HTML in Markdown. (Comments, {@code \\iffalse}, the preamble and the
     * text after {@code \\end{document}} are blanked by the document reader and never read.)
     */
    void refuse(String masked, Map<String, Integer> macros) {
        boolean latex = doc.markup() == Document.Markup.LATEX;
        String scan = latex ? masked : text;
        Matcher neg = NEGATIVE_SKIP.matcher(scan);
        while (neg.find()) {
            String len = neg.group(1) != null ? neg.group(1) : neg.group(2) != null ? neg.group(2) : neg.group(3);
            if (small(len)) {
                continue;
            }
            throw error.apply(neg.start(), "a negative space of more than half an inch ('" + neg.group().trim() + "') is not "
                    + "allowed in a submission: it can move a part of a formula off the page or over another, and what a "
                    + "reader does not see is not graded");
        }
        Matcher u = UNFOLLOWED.matcher(scan);
        int body = preambleEnd(scan);
        while (latex && u.find()) {
            // a template's conditionals in the preamble hide no formula (the preamble is not read, and a command they
            // define is not read either), when they close there; in the document they are refused
            if (u.start() < body && CONDITIONAL_WORD.matcher(u.group(1)).matches()) {
                continue;
            }
            throw error.apply(u.start(), "'\\" + u.group(1) + "' is not allowed in a submission: derivcheck reads what LaTeX "
                    + "shows without running TeX, and cannot tell what this shows; write the formulas out");
        }
        Matcher h = (latex ? HIDING : HTML_HIDING).matcher(scan);
        while (h.find()) {
            if (latex && ("color".equals(h.group(1)) || "textcolor".equals(h.group(1)))
                    && SHOWN_COLOUR.matcher(scan).region(h.end(), scan.length()).lookingAt()) {
                continue; // a colour every page shows (red, blue, ...): not white, not a mix, not one of the document's own
            }
            if (!insideDisplay(h.start())) {
                String what = h.group().trim();
                throw error.apply(h.start(), "'" + (what.length() > 40 ? what.substring(0, 40) + "..." : what) + "' is not allowed "
                        + "outside a formula in a submission: it can hide or move text, and a formula a reader of the "
                        + "document does not see is not graded; remove it");
            }
        }
        if (latex) {
            enclosing(masked, macros);
        } else {
            Matcher t = HTML_TAG.matcher(text);
            while (t.find()) {
                for (Document.Display d : doc.displays()) {
                    if (d.start() >= t.start() && d.start() < t.end() && !insideDisplay(t.start())) {
                        throw error.apply(t.start(), "a formula inside an HTML tag is not shown; write it as a display");
                    }
                }
            }
        }
    }

    /**
     * Refuses a display inside what may not show it: the argument of a command the submission defines
     * ({@code \\newcommand{\\hide}[1]{}} swallows it), or an environment that places or paints its content
     * ({@code tikzpicture}, {@code picture}, {@code overpic}, {@code textblock}, {@code pspicture}: a node's opacity or
     * colour can hide it).
     */
    private void enclosing(String masked, Map<String, Integer> macros) {
        Set<String> theorems = new HashSet<>();
        Matcher th = THEOREM.matcher(masked);
        while (th.find()) {
            theorems.add(th.group(1).trim());
        }
        boolean answers = Pattern.compile("\\\\printanswers(?![A-Za-z])").matcher(masked).find()
                && !Pattern.compile("\\\\noprintanswers(?![A-Za-z])").matcher(masked).find();
        List<String> groups = new ArrayList<>();
        List<String> envs = new ArrayList<>();
        String lastClosed = "";
        int next = 0;
        List<Document.Display> displays = doc.displays();
        Matcher env = Pattern.compile("\\\\(begin|end)\\s*\\{([^}]*)\\}").matcher(masked);
        for (int i = 0; i < masked.length() && next < displays.size(); i++) {
            if (i >= displays.get(next).start()) {
                for (String e : envs) {
                    if (e.matches("tikzpicture|picture|overpic|textblock\\*?|pspicture|lrbox")) {
                        throw error.apply(i, "a display inside '" + e + "': what such an environment shows depends on how it "
                                + "places and paints its content, which derivcheck cannot tell; write the display outside it");
                    }
                    if (!SHOWN_ENV.matcher(e).matches() && !theorems.contains(e) && !(answers && SOLUTION.matcher(e).matches())) {
                        throw error.apply(i, "a display inside the environment '" + e + "': derivcheck cannot tell whether LaTeX "
                                + "shows it (an exam class's solution without \\printanswers is not printed); displays are "
                                + "read in the document, in lists, quotes, centred or framed text, minipages, figures, "
                                + "proofs and the environments of \\newtheorem; write the display outside it");
                    }
                }
                for (String g : groups) {
                    if (g.matches("\\\\((re|provide)?newcommand|DeclareRobustCommand|(New|Renew|Provide|Declare)"
                            + "DocumentCommand|[egx]?def|newrobustcmd|renewrobustcmd|providerobustcmd)")) {
                        throw error.apply(i, "a display inside the definition of a command ('" + g + "'): LaTeX shows it only "
                                + "where the command is used, which derivcheck cannot follow; write the display out");
                    }
                    if (macros.containsKey(g)) {
                        throw error.apply(i, "a display inside the argument of '" + g + "', a command the submission defines "
                                + "(line " + macros.get(g) + "): derivcheck cannot tell whether LaTeX shows it; write the "
                                + "display without it");
                    }
                    if (!SHOWN_GROUP.matcher(g).matches()) {
                        throw error.apply(i, "a display inside the argument of '" + g + "': derivcheck cannot tell whether LaTeX "
                                + "shows it (displays are read in the text, in plain groups and in \\textbf, \\emph, "
                                + "\\footnote, \\fbox, \\parbox and the like); write the display outside it");
                    }
                }
                i = displays.get(next).bodyStart() + displays.get(next).body().length();
                next++;
                continue;
            }
            char c = masked.charAt(i);
            if (c == '\\' && env.region(i, masked.length()).lookingAt()) {
                String name = env.group(2).trim();
                if (env.group(1).equals("begin")) {
                    envs.add(name);
                } else if (envs.lastIndexOf(name) >= 0) {
                    envs.subList(envs.lastIndexOf(name), envs.size()).clear();
                }
                i = env.end() - 1;
            } else if (c == '\\') {
                i++;
            } else if (c == '{') {
                int j = i - 1;
                while (j >= 0 && Character.isWhitespace(masked.charAt(j))) {
                    j--;
                }
                String cmd = "";
                if (j >= 0 && masked.charAt(j) == ']') {
                    // after an optional argument: the command before its '[' (or the one before that, if a group)
                    int open = masked.lastIndexOf('[', j);
                    j = open - 1;
                    while (j >= 0 && Character.isWhitespace(masked.charAt(j))) {
                        j--;
                    }
                    if (open < 0 || j < 0 || masked.charAt(j) == '}') {
                        cmd = open < 0 ? "?" : lastClosed;
                        j = -1;
                    }
                }
                if (j >= 0 && masked.charAt(j) == '}') {
                    cmd = lastClosed; // a further argument of the same command
                } else if (j >= 0) {
                    int k = j;
                    while (k >= 0 && Character.isLetter(masked.charAt(k))) {
                        k--;
                    }
                    if (k >= 0 && k < j && masked.charAt(k) == '\\') {
                        cmd = masked.substring(k, j + 1);
                    }
                }
                groups.add(cmd);
            } else if (c == '}' && !groups.isEmpty()) {
                lastClosed = groups.remove(groups.size() - 1);
            }
        }
    }

    /**
     * Where the document's body starts: after {@code \\begin{document}} when the preamble's conditionals (not counting
     * a name {@code \\newif} declares) close there; 0 otherwise (no preamble, or one that leaves a conditional open).
     */
    private static int preambleEnd(String masked) {
        Matcher b = Pattern.compile("\\\\begin\\s*\\{document\\}").matcher(masked);
        if (!b.find()) {
            return 0;
        }
        String pre = masked.substring(0, b.start()).replaceAll("\\\\newif\\s*\\\\if[A-Za-z]*", " ");
        Matcher c = Pattern.compile("\\\\(if[A-Za-z]*|fi)(?![A-Za-z])").matcher(pre);
        int open = 0;
        while (c.find()) {
            open += c.group(1).equals("fi") ? -1 : 1;
            if (open < 0) {
                return 0;
            }
        }
        return open == 0 ? b.start() : 0;
    }

    /** True for a length of at most half an inch, or one line's skip: a negative space that only tightens the layout. */
    static boolean small(String len) {
        if (SMALL_SKIP.matcher(len).matches()) {
            return true;
        }
        Matcher m = LENGTH.matcher(len);
        if (!m.matches()) {
            return false;
        }
        double v = Double.parseDouble(m.group(1));
        double pt = switch (m.group(2)) {
            case "pt", "bp", "dd" -> v;
            case "mm" -> v * 2.85;
            case "cm" -> v * 28.5;
            case "in" -> v * 72.3;
            case "pc" -> v * 12;
            case "em" -> v * 12; // at most 12 pt in the fonts of a submission
            case "ex" -> v * 6;
            case "mu" -> v * 12 / 18;
            default -> v / 65536;
        };
        return pt <= SMALL_POINTS;
    }

    private boolean insideDisplay(int offset) {
        for (Document.Display d : doc.displays()) {
            if (offset >= d.bodyStart() && offset < d.bodyStart() + d.body().length()) {
                return true;
            }
        }
        return false;
    }
}
