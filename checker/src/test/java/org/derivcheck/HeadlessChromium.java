package org.derivcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real headless Chromium for the tests that render HTML reports: the DOM after KaTeX's scripts ran. */
public final class HeadlessChromium {
    private HeadlessChromium() {
    }

    /** The DOM after scripts ran, in the default window. */
    public static String dumpDom(Path html) throws Exception {
        return dumpDom(html, 0);
    }

    /** The DOM after scripts ran, in a window {@code width} px wide (0: Chromium's default). */
    public static String dumpDom(Path html, int width) throws Exception {
        Path profile = Files.createTempDirectory("derivcheck-chromium");
        Path err = Files.createTempFile("chromium", ".log");
        List<String> cmd = new ArrayList<>(List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"));
        if (width > 0) {
            cmd.addAll(List.of("--hide-scrollbars", "--window-size=" + width + ",1000"));
        }
        cmd.addAll(List.of("--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", html.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s");
        }
        assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(err));
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static String chromium() {
        String env = System.getenv("DERIVCHECK_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return env;
        }
        for (String dirName : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                if (Files.isExecutable(Path.of(dirName, name))) {
                    return Path.of(dirName, name).toString();
                }
            }
        }
        return fail("no chromium on PATH: install it (apt-get install chromium; ./test does) or set DERIVCHECK_CHROMIUM");
    }
}
