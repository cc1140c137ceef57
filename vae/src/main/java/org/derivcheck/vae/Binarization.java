package org.derivcheck.vae;

import java.util.Locale;

/** How grey levels in [0, 1] become the Bernoulli decoder's targets. */
public enum Binarization {
    /** A fresh Bernoulli draw per pixel each time an image is used in training (the IWAE paper's choice). */
    DYNAMIC,
    /** Pixel on when its grey level exceeds 0.5, fixed once. */
    THRESHOLD,
    /** Grey levels themselves as Bernoulli targets (the PyTorch example and the anchor script). */
    NONE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
