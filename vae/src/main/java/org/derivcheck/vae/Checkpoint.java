package org.derivcheck.vae;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state a run needs to continue bit for bit, in a small binary file: what it was trained with (a
 * fingerprint of the settings and data), the epochs done with their records, the parameters and Adam's moments
 * and step count. Float values are stored as their exact bits. Written to a temporary file and moved into
 * place, so an interrupted write never leaves a truncated checkpoint.
 */
final class Checkpoint {
    private static final int MAGIC = 0x44435641; // "DCVA"
    private static final int VERSION = 1;

    /**
     * The saved state.
     *
     * @param fingerprint settings and data the run was trained with
     * @param history one record per epoch done
     * @param adamSteps Adam's step count
     * @param params parameter values by name, in the network's order
     * @param firstMoments Adam's first moments, same order
     * @param secondMoments Adam's second moments, same order
     */
    record State(String fingerprint, List<EpochRecord> history, long adamSteps, Map<String, float[]> params,
            List<float[]> firstMoments, List<float[]> secondMoments) {
    }

    private Checkpoint() {
    }

    static void write(Path file, State s) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(s.fingerprint());
                out.writeInt(s.history().size());
                for (EpochRecord r : s.history()) {
                    writeRecord(out, r);
                }
                out.writeLong(s.adamSteps());
                out.writeInt(s.params().size());
                int i = 0;
                for (Map.Entry<String, float[]> e : s.params().entrySet()) {
                    out.writeUTF(e.getKey());
                    writeFloats(out, e.getValue());
                    writeFloats(out, s.firstMoments().get(i));
                    writeFloats(out, s.secondMoments().get(i));
                    i++;
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    static State read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException(file + " is not a derivcheck VAE checkpoint");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(file + ": checkpoint format " + version + ", this build reads " + VERSION);
            }
            String fingerprint = in.readUTF();
            int epochs = in.readInt();
            List<EpochRecord> history = new ArrayList<>();
            for (int i = 0; i < epochs; i++) {
                history.add(readRecord(in));
            }
            long steps = in.readLong();
            int n = in.readInt();
            Map<String, float[]> params = new LinkedHashMap<>();
            List<float[]> m = new ArrayList<>();
            List<float[]> v = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                params.put(in.readUTF(), readFloats(in));
                m.add(readFloats(in));
                v.add(readFloats(in));
            }
            return new State(fingerprint, history, steps, params, m, v);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeRecord(DataOutputStream out, EpochRecord r) throws IOException {
        out.writeInt(r.epoch());
        out.writeDouble(r.trainElbo());
        out.writeDouble(r.heldOutElbo());
        out.writeDouble(r.heldOutBound());
        out.writeInt(r.evalK());
        out.writeDouble(r.trainSeconds());
        out.writeDouble(r.evalSeconds());
        out.writeDouble(r.probeSeconds());
        out.writeInt(r.gradientVariance().size());
        for (Estimator e : Estimator.values()) {
            Double v = r.gradientVariance().get(e);
            if (v != null) {
                out.writeUTF(e.cliName());
                out.writeDouble(v);
            }
        }
        out.writeLong(r.rssBytes());
    }

    private static EpochRecord readRecord(DataInputStream in) throws IOException {
        int epoch = in.readInt();
        double train = in.readDouble();
        double elbo = in.readDouble();
        double bound = in.readDouble();
        int k = in.readInt();
        double ts = in.readDouble();
        double es = in.readDouble();
        double ps = in.readDouble();
        int nv = in.readInt();
        Map<Estimator, Double> var = new EnumMap<>(Estimator.class);
        for (int i = 0; i < nv; i++) {
            var.put(Estimator.parse(in.readUTF()), in.readDouble());
        }
        long rss = in.readLong();
        return new EpochRecord(epoch, train, elbo, bound, k, ts, es, ps, var, rss);
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float f : v) {
            out.writeInt(Float.floatToRawIntBits(f));
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] v = new float[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.intBitsToFloat(in.readInt());
        }
        return v;
    }
}
