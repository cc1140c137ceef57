package org.derivcheck.vae;

import java.util.SplittableRandom;

/**
 * A set of grey-level images with optional labels, pixels scaled to [0, 1].
 *
 * @param pixels {@code count * rows * cols} grey levels in [0, 1], row-major, image after image
 * @param count number of images
 * @param rows pixel rows per image
 * @param cols pixel columns per image
 * @param labels one class label per image, or an empty array when the source has no labels
 */
public record Digits(float[] pixels, int count, int rows, int cols, byte[] labels) {
    public Digits {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + rows + "x" + cols + " need "
                    + (long) count * rows * cols + " pixels, got " + pixels.length);
        }
        if (labels.length != 0 && labels.length != count) {
            throw new IllegalArgumentException(labels.length + " labels for " + count + " images");
        }
    }

    /** Images and labels as read from IDX files. */
    public static Digits of(IdxImages images, byte[] labels) {
        return new Digits(images.toUnitFloats(), images.count(), images.rows(), images.cols(), labels);
    }

    /** Pixels per image. */
    public int dim() {
        return rows * cols;
    }

    public boolean hasLabels() {
        return labels.length == count;
    }

    /** The images at the given indices, in that order. */
    public Digits select(int[] indices) {
        int d = dim();
        float[] px = new float[indices.length * d];
        byte[] lb = hasLabels() ? new byte[indices.length] : new byte[0];
        for (int i = 0; i < indices.length; i++) {
            int src = indices[i];
            if (src < 0 || src >= count) {
                throw new IndexOutOfBoundsException("image " + src + " of " + count);
            }
            System.arraycopy(pixels, src * d, px, i * d, d);
            if (lb.length > 0) {
                lb[i] = labels[src];
            }
        }
        return new Digits(px, indices.length, rows, cols, lb);
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive). */
    public Digits slice(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + count + " images");
        }
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return select(idx);
    }

    /** A permutation of {@code 0..n-1} drawn with the given random source (Fisher-Yates). */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
