package org.derivcheck.experiment;

import java.math.BigDecimal;
import java.util.Locale;

/** Numbers for titles and legends: 4 significant digits, no trailing zeros (1000, 0.5, 1.758, 1e-08). */
final class Fmt {
    private Fmt() {
    }

    static String num(double v) {
        if (v != 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e7)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }
}
