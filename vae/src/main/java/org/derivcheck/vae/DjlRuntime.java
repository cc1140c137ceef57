package org.derivcheck.vae;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How DJL is set up: offline unless the user says otherwise, the native library taken from the Maven jar on
 * the class path (never downloaded), a writable cache folder for its extraction, the PyTorch thread count.
 * These are JVM-wide settings that DJL reads once, when the engine loads, so {@link #configure} must run
 * before the first tensor is made.
 */
public final class DjlRuntime {
    private static final String CUDA_PROBE_LOG_LEVEL = "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils";

    private DjlRuntime() {
    }

    /**
     * Sets DJL's system properties unless already set: {@code ai.djl.offline=true} (unless the
     * {@code DJL_OFFLINE} environment variable says otherwise), a writable cache folder, and PyTorch's
     * intra-op thread count when {@code threads > 0}.
     */
    public static void configure(int threads) {
        configure(threads, DeviceKind.GPU);
    }

    /**
     * As {@link #configure(int)}; for a CPU run it also quiets DJL's CUDA probe, which otherwise warns twice
     * ("Failed to detect GPU count") on any machine whose CUDA driver it cannot use, GPU or not.
     */
    public static void configure(int threads, DeviceKind device) {
        if (device == DeviceKind.CPU && System.getProperty(CUDA_PROBE_LOG_LEVEL) == null) {
            System.setProperty(CUDA_PROBE_LOG_LEVEL, "error");
        }
        if (System.getProperty("ai.djl.offline") == null) {
            String env = System.getenv("DJL_OFFLINE");
            System.setProperty("ai.djl.offline", env == null ? "true" : env);
        }
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            Path home = Path.of(System.getProperty("user.home"), ".djl.ai");
            if (!writable(home)) {
                System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "djl-cache").toString());
            }
        }
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
    }

    /** Whether DJL is in offline mode, read as DJL reads it (environment first, then the system property). */
    public static boolean offline() {
        String mode = System.getenv("DJL_OFFLINE");
        if (mode == null) {
            mode = System.getProperty("ai.djl.offline");
        }
        return Boolean.parseBoolean(mode);
    }

    /** The engine's name and version, loading the engine if needed. */
    public static RuntimeInfo info() {
        Engine e = Engine.getInstance();
        return new RuntimeInfo(Engine.getDjlVersion(), e.getEngineName(), e.getVersion(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"));
    }

    /** The DJL device for a kind; fails with what to do when a GPU is asked for and PyTorch sees none. */
    static Device device(DeviceKind kind) {
        if (kind == DeviceKind.CPU) {
            return Device.cpu();
        }
        Engine e = Engine.getInstance();
        if (e.getGpuCount() == 0) {
            throw new IllegalStateException("--device gpu: PyTorch " + e.getVersion()
                    + " sees no GPU here. The default build carries the CPU native library; on a machine with an"
                    + " NVIDIA GPU and CUDA 12.4 drivers build with the GPU profile (mvn -B -Pgpu package: DJL 0.33.0 with"
                    + " libtorch 2.5.1 cu124) and run again, or use --device cpu.");
        }
        return Device.gpu();
    }

    private static boolean writable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * What ran the numbers.
     *
     * @param djl DJL's version
     * @param engine engine name (PyTorch)
     * @param engineVersion the native library's version
     * @param threads PyTorch intra-op threads as requested ({@code default}: PyTorch's own choice)
     */
    public record RuntimeInfo(String djl, String engine, String engineVersion, String threads) {
    }
}
