package org.derivcheck.notation;

import java.util.Arrays;

/**
 * A piece of derivcheck expression text translated from LaTeX, with the LaTeX offset every character
 * came from (so an error found later in the text can name the column of the .tex source), its operator
 * precedence (to add only the parentheses that are needed) and whether it is a vector or matrix.
 */
record TexSrc(String text, int[] map, int prec, boolean array) {
    static final int ADD = 10;
    static final int NEG = 12;
    static final int MUL = 20;
    static final int POW = 40;
    static final int ATOM = 100;

    static TexSrc lit(String text, int pos, int prec, boolean array) {
        int[] m = new int[text.length()];
        Arrays.fill(m, pos);
        return new TexSrc(text, m, prec, array);
    }

    int firstPos() {
        return map.length == 0 ? 0 : map[0];
    }

    TexSrc withArray(boolean a) {
        return new TexSrc(text, map, prec, a);
    }

    /** This piece in parentheses when its precedence is below {@code min}. */
    TexSrc wrap(int min) {
        if (prec >= min) {
            return this;
        }
        return new Builder().add("(", firstPos()).add(this).add(")", firstPos()).done(ATOM, array);
    }

    /** Concatenates pieces and literals, keeping the source map. */
    static final class Builder {
        private final StringBuilder sb = new StringBuilder();
        private int[] map = new int[16];

        Builder add(String s, int pos) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                map[sb.length() + i] = pos;
            }
            sb.append(s);
            return this;
        }

        Builder add(TexSrc s) {
            ensure(s.text.length());
            System.arraycopy(s.map, 0, map, sb.length(), s.map.length);
            sb.append(s.text);
            return this;
        }

        private void ensure(int more) {
            if (sb.length() + more > map.length) {
                map = Arrays.copyOf(map, Math.max(map.length * 2, sb.length() + more));
            }
        }

        TexSrc done(int prec, boolean array) {
            return new TexSrc(sb.toString(), Arrays.copyOf(map, sb.length()), prec, array);
        }
    }
}
