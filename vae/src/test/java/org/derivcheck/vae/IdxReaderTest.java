package org.derivcheck.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path tmp;

    /** Three 2x2 images with known bytes, written plain and gzipped. */
    private static final byte[] PIXELS = {0, 1, 2, 3, (byte) 255, (byte) 254, 10, 20, 30, 40, 50, (byte) 128};

    private static byte[] idxImages(int count, int rows, int cols, byte[] pixels) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        }
        return b.toByteArray();
    }

    private static byte[] idxLabels(byte[] labels) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
        }
        return b.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            out.write(raw);
        }
        return b.toByteArray();
    }

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        Path plain = Files.write(tmp.resolve("a-images"), idxImages(3, 2, 2, PIXELS));
        Path gz = Files.write(tmp.resolve("b-images.bin"), gzip(idxImages(3, 2, 2, PIXELS)));
        IdxImages a = IdxReader.readImages(plain);
        IdxImages b = IdxReader.readImages(gz);
        assertEquals(3, a.count());
        assertEquals(4, a.dim());
        assertArrayEquals(PIXELS, a.pixels());
        assertArrayEquals(PIXELS, b.pixels());
        // unsigned bytes scaled by 1/255: 255 -> 1, 128 -> 128/255
        assertEquals(1f, a.toUnitFloats()[4]);
        assertEquals(128f / 255f, a.toUnitFloats()[11]);
    }

    @Test
    void rejectsWrongMagicAndTruncationNamingTheFile() throws IOException {
        Path labels = Files.write(tmp.resolve("labels"), idxLabels(new byte[] {1, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(labels));
        assertTrue(e.getMessage().contains("labels") && e.getMessage().contains("2049"), e.getMessage());
        byte[] whole = idxImages(3, 2, 2, PIXELS);
        Path cut = Files.write(tmp.resolve("cut"), java.util.Arrays.copyOf(whole, whole.length - 1));
        e = assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void directoryWithTrainAndTestFilesHoldsOutTestImages() throws IOException {
        Files.write(tmp.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(3, 2, 2, PIXELS)));
        Files.write(tmp.resolve("train-labels-idx1-ubyte"), idxLabels(new byte[] {7, 8, 9}));
        Files.write(tmp.resolve("t10k-images-idx3-ubyte"), idxImages(2, 2, 2, java.util.Arrays.copyOf(PIXELS, 8)));
        Files.write(tmp.resolve("t10k-labels-idx1-ubyte"), idxLabels(new byte[] {4, 5}));
        Files.writeString(tmp.resolve("README"), "not an IDX file");
        MnistData d = MnistSource.fromDirectory(tmp);
        assertEquals(3, d.train().count());
        assertArrayEquals(new byte[] {7, 8, 9}, d.train().labels());
        assertEquals(2, d.test().orElseThrow().count());
        MnistData.Split s = d.split(1, 1, 0);
        assertEquals(3, s.train().count());
        assertEquals(1, s.heldOut().count());
        byte held = s.heldOut().labels()[0];
        assertTrue(held == 4 || held == 5, "held-out image comes from the test file");
    }

    @Test
    void subsetIsTenThousandDigitsAndTheSplitIsSeeded() {
        MnistData d = TestData.subset();
        assertEquals(10_000, d.train().count()); // ../shared/data/README.md
        assertEquals(28, d.train().rows());
        assertTrue(d.test().isEmpty());
        assertTrue(d.train().hasLabels());
        MnistData.Split a = d.split(42, 1000, 0);
        MnistData.Split b = d.split(42, 1000, 0);
        assertEquals(9000, a.train().count());
        assertEquals(1000, a.heldOut().count());
        assertArrayEquals(a.heldOut().pixels(), b.heldOut().pixels());
        // the subset is ordered by class: a shuffled hold-out of 1,000 holds every digit
        boolean[] seen = new boolean[10];
        for (byte l : a.heldOut().labels()) {
            seen[l] = true;
        }
        for (int c = 0; c < 10; c++) {
            assertTrue(seen[c], "digit " + c + " in the hold-out");
        }
        assertEquals(1000, d.split(42, 1000, 1000).train().count());
    }
}
