package org.derivcheck.vae;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads files in the IDX format of the MNIST distribution: a big-endian header (magic 2051 for images,
 * 2049 for labels, then the dimensions) followed by one unsigned byte per value. Gzip-compressed files
 * are recognized by their content, whatever their name.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned-byte images of rank 3 (count, rows, columns). */
    public static final int IMAGES_MAGIC = 2051;
    /** Magic number of an IDX file of unsigned-byte labels of rank 1. */
    public static final int LABELS_MAGIC = 2049;

    private IdxReader() {
    }

    /** The magic number of an IDX file (gzipped or not), or -1 when the file is too short to have one. */
    public static int magic(Path file) {
        try (DataInputStream in = open(file)) {
            return in.readInt();
        } catch (EOFException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an IDX images file (magic 2051). */
    public static IdxImages readImages(Path file) {
        try (DataInputStream in = open(file)) {
            return readImages(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IDX images " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an IDX labels file (magic 2049). */
    public static byte[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            return readLabels(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IDX labels " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads IDX images from a stream (not closed); {@code name} appears in error messages. */
    public static IdxImages readImages(InputStream stream, String name) throws IOException {
        DataInputStream in = new DataInputStream(unzipIfNeeded(stream));
        int magic = in.readInt();
        if (magic != IMAGES_MAGIC) {
            throw new IllegalArgumentException(name + ": magic number " + magic + ", expected " + IMAGES_MAGIC
                    + " (IDX unsigned-byte images); is this an MNIST images file?");
        }
        int count = in.readInt();
        int rows = in.readInt();
        int cols = in.readInt();
        if (count < 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": implausible dimensions " + count + "x" + rows + "x" + cols);
        }
        byte[] pixels = new byte[count * rows * cols];
        try {
            in.readFully(pixels);
        } catch (EOFException e) {
            throw new IllegalArgumentException(name + ": truncated, the header announces " + count + " images of "
                    + rows + "x" + cols + " pixels", e);
        }
        return new IdxImages(count, rows, cols, pixels);
    }

    /** Reads IDX labels from a stream (not closed); {@code name} appears in error messages. */
    public static byte[] readLabels(InputStream stream, String name) throws IOException {
        DataInputStream in = new DataInputStream(unzipIfNeeded(stream));
        int magic = in.readInt();
        if (magic != LABELS_MAGIC) {
            throw new IllegalArgumentException(name + ": magic number " + magic + ", expected " + LABELS_MAGIC
                    + " (IDX unsigned-byte labels)");
        }
        int count = in.readInt();
        if (count < 0) {
            throw new IllegalArgumentException(name + ": negative label count " + count);
        }
        byte[] labels = new byte[count];
        try {
            in.readFully(labels);
        } catch (EOFException e) {
            throw new IllegalArgumentException(name + ": truncated, the header announces " + count + " labels", e);
        }
        return labels;
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(unzipIfNeeded(Files.newInputStream(file)));
    }

    private static InputStream unzipIfNeeded(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        return gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }
}
