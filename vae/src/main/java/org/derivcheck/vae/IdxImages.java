package org.derivcheck.vae;

/**
 * Images read from an IDX file: {@code count} images of {@code rows x cols} unsigned bytes, row-major.
 *
 * @param count number of images
 * @param rows pixel rows per image
 * @param cols pixel columns per image
 * @param pixels {@code count * rows * cols} bytes, grey levels 0-255 read as unsigned
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {
    public IdxImages {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + rows + "x" + cols + " need "
                    + (long) count * rows * cols + " bytes, got " + pixels.length);
        }
    }

    /** Pixels per image. */
    public int dim() {
        return rows * cols;
    }

    /** All grey levels scaled to [0, 1] (divided by 255, as torchvision's ToTensor does). */
    public float[] toUnitFloats() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (pixels[i] & 0xff) / 255f;
        }
        return out;
    }
}
