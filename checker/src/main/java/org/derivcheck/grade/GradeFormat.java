package org.derivcheck.grade;

import java.util.Locale;

/** How points are printed: whole numbers without decimals, others with up to two. */
final class GradeFormat {
    private GradeFormat() {
    }

    static String points(double p) {
        if (p == Math.rint(p)) {
            return String.valueOf((long) p);
        }
        return String.format(Locale.ROOT, "%.2f", p).replaceAll("0+$", "");
    }
}
