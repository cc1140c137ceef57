package org.derivcheck.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a relation out for a page: one relation per line ({@code a = b = c} becomes an aligned chain) and a
 * side wider than the page broken before a top-level + or −. Widths are estimated in em from the TeX
 * itself (a fraction as wide as its wider part, scripts at 70%), which is enough to keep each line inside
 * the text width of an A4/letter page with 2 cm margins (about 48 em) and of the HTML report at 1200 px.
 */
public final class TexLayout {
    /** Width a line may take, in em (the page is about 48 em wide; an aligned line is indented). */
    static final double MAX_WIDTH = 38;

    private TexLayout() {
    }

    /**
     * The rows of an {@code align*}/{@code aligned} environment: each row is "left & rel right". A formula that
     * cannot be broken is returned as one row.
     */
    public static List<String> rows(String tex) {
        List<String> parts = splitTopLevel(tex, true);
        // parts alternate: side, relation, side, relation, ...
        List<String> rows = new ArrayList<>();
        if (parts.size() < 3) {
            for (String line : breakSide(tex.strip(), MAX_WIDTH)) {
                rows.add((rows.isEmpty() ? "& " : "& \\quad ") + line);
            }
            return rows;
        }
        String lhs = parts.get(0).strip();
        List<String> lhsLines = breakSide(lhs, MAX_WIDTH);
        for (int i = 0; i < lhsLines.size() - 1; i++) {
            rows.add((i == 0 ? "" : "\\quad ") + lhsLines.get(i) + " &");
        }
        String first = (lhsLines.size() > 1 ? "\\quad " : "") + lhsLines.get(lhsLines.size() - 1);
        boolean firstRow = true;
        // a left side on one line whose first row would be too wide even with the right side broken (a right side
        // that has no top-level + or -, such as one long fraction): the left side gets a row of its own and every
        // relation starts a row under it, all in the right-hand column, so the left column takes no width
        boolean stacked = false;
        for (int i = 1; i + 1 < parts.size(); i += 2) {
            String rel = parts.get(i).strip();
            double room = MAX_WIDTH - (firstRow ? Math.min(width(first), MAX_WIDTH / 2) : 0) - 1.5;
            List<String> lines = breakSide(parts.get(i + 1).strip(), Math.max(room, MAX_WIDTH / 2));
            if (firstRow && lhsLines.size() == 1 && width(first) + 1.5 + width(lines.get(0)) > MAX_WIDTH) {
                stacked = true;
                rows.add("& " + first);
            }
            if (stacked) {
                lines = breakSide(parts.get(i + 1).strip(), MAX_WIDTH - 3);
                for (int k = 0; k < lines.size(); k++) {
                    rows.add("& \\quad " + (k == 0 ? rel + " " : "\\quad ") + lines.get(k));
                }
                firstRow = false;
                continue;
            }
            for (int k = 0; k < lines.size(); k++) {
                String left = firstRow && k == 0 ? first + " " : "";
                rows.add(left + "&" + (k == 0 ? " " + rel + " " : " \\quad ") + lines.get(k));
            }
            firstRow = false;
        }
        return rows;
    }

    /** The estimated width in em of the widest row of {@link #rows}. */
    public static double widestRow(String tex) {
        double w = 0;
        for (String r : rows(tex)) {
            w = Math.max(w, width(r.replace("&", "")));
        }
        return w;
    }

    /** A side broken before top-level + and − so that each piece fits {@code max} em (greedy). */
    static List<String> breakSide(String side, double max) {
        List<String> out = new ArrayList<>();
        if (width(side) <= max) {
            out.add(side);
            return out;
        }
        List<String> terms = splitTopLevel(side, false);
        StringBuilder cur = new StringBuilder();
        for (String t : terms) {
            if (cur.length() > 0 && width(cur.toString() + t) > (out.isEmpty() ? max : max - 1)) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            }
            cur.append(t);
        }
        if (cur.length() > 0) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    /**
     * Splits at depth 0 (outside braces, \left…\right and environments): at relations when {@code relations}
     * (the relation tokens kept as their own parts), else before each binary + and − (kept with the term).
     */
    static List<String> splitTopLevel(String tex, boolean relations) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tex.length(); i++) {
            char c = tex.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '\\') {
                String cmd = command(tex, i);
                if (cmd.equals("\\left") || cmd.equals("\\begin")) {
                    depth++;
                } else if (cmd.equals("\\right") || cmd.equals("\\end")) {
                    depth--;
                }
                if (depth == 0 && relations && (cmd.equals("\\le") || cmd.equals("\\ge") || cmd.equals("\\leq")
                        || cmd.equals("\\geq"))) {
                    out.add(tex.substring(start, i));
                    out.add(cmd);
                    start = i + cmd.length();
                }
                i += Math.max(0, cmd.length() - 1);
                if (cmd.equals("\\left") || cmd.equals("\\right")) {
                    i++; // the delimiter
                    if (i < tex.length() && tex.charAt(i) == '\\') {
                        i += Math.max(0, command(tex, i).length() - 1);
                    }
                }
            } else if (depth == 0 && relations && (c == '=' || c == '<' || c == '>')) {
                out.add(tex.substring(start, i));
                out.add(String.valueOf(c));
                start = i + 1;
            } else if (depth == 0 && !relations && (c == '+' || c == '-') && i > 0 && binary(tex, i)) {
                out.add(tex.substring(start, i));
                start = i;
            }
        }
        out.add(tex.substring(start));
        out.removeIf(s -> !relations && s.isBlank());
        return out;
    }

    /** A + or − with an operand before it (not a sign after an operator or at the start). */
    private static boolean binary(String tex, int i) {
        int j = i - 1;
        while (j >= 0 && tex.charAt(j) == ' ') {
            j--;
        }
        if (j < 0) {
            return false;
        }
        char p = tex.charAt(j);
        return p != '(' && p != '[' && p != ',' && p != '=' && p != '+' && p != '-' && p != '&' && p != '{'
                && !tex.substring(0, j + 1).endsWith("\\left(") && !tex.substring(0, j + 1).endsWith("\\cdot");
    }

    private static String command(String tex, int i) {
        int j = i + 1;
        if (j < tex.length() && !Character.isLetter(tex.charAt(j))) {
            return tex.substring(i, j + 1);
        }
        while (j < tex.length() && Character.isLetter(tex.charAt(j))) {
            j++;
        }
        return tex.substring(i, j);
    }

    /** Estimated width in em of a TeX fragment as KaTeX or TeX sets it in display style. */
    public static double width(String tex) {
        return new Measure(tex).group(false);
    }

    /** A small recursive reader of the TeX this project writes (not a TeX parser). */
    private static final class Measure {
        private final String s;
        private int i;

        Measure(String s) {
            this.s = s;
        }

        /** Width up to the end or a closing brace (consumed when {@code braced}). */
        double group(boolean braced) {
            double w = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '}') {
                    i++;
                    if (braced) {
                        return w;
                    }
                    continue;
                }
                w += atom();
            }
            return w;
        }

        private double argument() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= s.length()) {
                return 0;
            }
            if (s.charAt(i) == '{') {
                i++;
                return group(true);
            }
            return atom();
        }

        private double atom() {
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                return group(true);
            }
            if (c == '^' || c == '_') {
                i++;
                return 0.7 * argument();
            }
            if (c == '\\') {
                return command();
            }
            i++;
            return switch (c) {
                case ' ', '&' -> 0;
                case '+', '-', '=', '<', '>' -> 1.3;
                case ',', '.', ';', '!', '\'' -> 0.35;
                case '(', ')', '[', ']', '|' -> 0.4;
                default -> Character.isDigit(c) ? 0.5 : Character.isUpperCase(c) ? 0.7 : 0.55;
            };
        }

        private double command() {
            String cmd = TexLayout.command(s, i);
            i += cmd.length();
            switch (cmd) {
                case "\\frac", "\\binom":
                    return Math.max(argument(), argument()) + 0.4;
                case "\\sqrt":
                    return argument() + 1;
                case "\\mathrm", "\\operatorname", "\\mathbb", "\\mathcal", "\\text", "\\textrm":
                    return argument();
                case "\\left", "\\right":
                    if (i < s.length() && s.charAt(i) == '\\') {
                        TexLayout.command(s, i);
                        i += TexLayout.command(s, i).length();
                    } else {
                        i++;
                    }
                    return 0.45;
                case "\\begin":
                    return environment();
                case "\\end":
                    argument();
                    return 0;
                case "\\sum", "\\prod", "\\int":
                    return 1.4;
                case "\\,", "\\;", "\\!", "\\:", "\\ ":
                    return 0.2;
                case "\\quad":
                    return 1;
                case "\\qquad":
                    return 2;
                case "\\cdot", "\\sim", "\\mid", "\\le", "\\ge", "\\leq", "\\geq", "\\|":
                    return 1.2;
                case "\\log", "\\exp", "\\sin", "\\cos", "\\tan", "\\det", "\\max", "\\min":
                    return 1.5;
                case "\\nabla", "\\partial":
                    return 0.7;
                default:
                    return cmd.length() == 2 ? 0.5 : 0.65;
            }
        }

        /** A matrix: its widest row, each row the sum of its widest cells (approximately). */
        private double environment() {
            argument();
            int start = i;
            int end = s.indexOf("\\end{", i);
            if (end < 0) {
                end = s.length();
            }
            String body = s.substring(start, end);
            i = end;
            double widest = 0;
            for (String row : body.split("\\\\\\\\")) {
                double w = 0;
                for (String cell : row.split("&")) {
                    w += width(cell) + 1;
                }
                widest = Math.max(widest, w);
            }
            return widest + 1;
        }
    }
}
