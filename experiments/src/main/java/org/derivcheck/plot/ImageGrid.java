package org.derivcheck.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A grid of small grey-level images (e.g. digits and their reconstructions) saved as a PNG: light pixels on a
 * dark background, as MNIST is usually shown, each pixel enlarged to a square.
 */
public final class ImageGrid {
    private static final int PAD = 2;
    private static final int BORDER = 0x40;

    private ImageGrid() {
    }

    /**
     * Writes {@code base.png} into {@code dir}: the images in row-major order, {@code columns} per row.
     *
     * @param images each {@code rows * cols} intensities in [0, 1] (clamped), row-major
     * @param rows pixel rows per image
     * @param cols pixel columns per image
     * @param columns images per grid row
     * @param scale screen pixels per image pixel
     * @return the PNG's path
     */
    public static Path save(Path dir, String base, List<float[]> images, int rows, int cols, int columns, int scale) {
        if (images.isEmpty() || columns <= 0 || scale <= 0) {
            throw new IllegalArgumentException("need images, columns > 0 and scale > 0; got " + images.size() + ", "
                    + columns + ", " + scale);
        }
        int gridRows = (images.size() + columns - 1) / columns;
        int cellW = cols * scale + PAD;
        int cellH = rows * scale + PAD;
        BufferedImage img = new BufferedImage(columns * cellW + PAD, gridRows * cellH + PAD, BufferedImage.TYPE_BYTE_GRAY);
        var raster = img.getRaster();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                raster.setSample(x, y, 0, BORDER);
            }
        }
        for (int i = 0; i < images.size(); i++) {
            float[] px = images.get(i);
            if (px.length != rows * cols) {
                throw new IllegalArgumentException("image " + i + " has " + px.length + " pixels, expected " + rows + "x" + cols);
            }
            int x0 = PAD + (i % columns) * cellW;
            int y0 = PAD + (i / columns) * cellH;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int v = Math.round(255 * Math.max(0f, Math.min(1f, px[r * cols + c])));
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            raster.setSample(x0 + c * scale + dx, y0 + r * scale + dy, 0, v);
                        }
                    }
                }
            }
        }
        Path png = dir.resolve(base + ".png");
        try {
            ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write image grid " + png + ": " + e.getMessage(), e);
        }
        return png;
    }
}
