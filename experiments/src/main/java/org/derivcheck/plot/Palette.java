package org.derivcheck.plot;

import java.awt.Color;

/** A small qualitative palette (Okabe and Ito 2008, readable with colour-vision deficiencies). */
public final class Palette {
    private static final Color[] COLORS = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66)};

    private Palette() {
    }

    /** The i-th colour, cycling. */
    public static Color color(int i) {
        return COLORS[Math.floorMod(i, COLORS.length)];
    }
}
