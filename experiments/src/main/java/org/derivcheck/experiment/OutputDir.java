package org.derivcheck.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The folder an experiment writes to: CSV series, result.json, and the paths of its figures. */
public final class OutputDir {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;

    private OutputDir(Path dir) {
        this.dir = dir;
    }

    /** Creates (if needed) and returns the output folder. */
    public static OutputDir of(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
        return new OutputDir(dir);
    }

    public Path path() {
        return dir;
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /**
     * Writes columns of equal length as CSV with a header row.
     *
     * @param name file name, e.g. {@code elbo.csv}
     * @param header column names
     * @param columns the columns, each {@code double[]} of the same length
     */
    public Path writeCsv(String name, List<String> header, List<double[]> columns) {
        if (header.size() != columns.size()) {
            throw new IllegalArgumentException("header has " + header.size() + " names for " + columns.size() + " columns");
        }
        int n = columns.isEmpty() ? 0 : columns.get(0).length;
        for (double[] c : columns) {
            if (c.length != n) {
                throw new IllegalArgumentException("columns differ in length: " + n + " and " + c.length);
            }
        }
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < columns.size(); j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(format(columns.get(j)[i]));
            }
            sb.append('\n');
        }
        return write(name, sb.toString());
    }

    /** Writes {@code result.json}: the configuration, seed, library versions and headline numbers. */
    public Path writeResult(String experiment, long seed, Map<String, ?> config, Map<String, ?> results) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("experiment", experiment);
        doc.put("seed", seed);
        doc.put("config", config);
        doc.put("versions", versions());
        doc.put("results", results);
        try {
            return write("result.json", JSON.writeValueAsString(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a text file. */
    public Path write(String name, String text) {
        Path p = dir.resolve(name);
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage(), e);
        }
        return p;
    }

    /** Versions of the runtime and the libraries that shape the numbers. */
    public static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("derivcheck", mavenVersion("org.derivcheck", "derivcheck", "development"));
        v.put("java", System.getProperty("java.version"));
        v.put("commons-rng", mavenVersion("org.apache.commons", "commons-rng-sampling",
                implVersion("org.apache.commons.rng.sampling.distribution.ZigguratSampler")));
        v.put("commons-numbers", mavenVersion("org.apache.commons", "commons-numbers-gamma",
                implVersion("org.apache.commons.numbers.gamma.LogGamma")));
        v.put("xchart", mavenVersion("org.knowm.xchart", "xchart", implVersion("org.knowm.xchart.XYChart")));
        return v;
    }

    /** The version in a jar's META-INF/maven/GROUP/ARTIFACT/pom.properties, or {@code otherwise}. */
    private static String mavenVersion(String group, String artifact, String otherwise) {
        String res = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (var in = OutputDir.class.getResourceAsStream(res)) {
            if (in == null) {
                return otherwise;
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", otherwise);
        } catch (IOException e) {
            return otherwise;
        }
    }

    private static String implVersion(String className) {
        try {
            Package p = Class.forName(className).getPackage();
            String v = p.getImplementationVersion();
            return v == null ? "unknown" : v;
        } catch (ClassNotFoundException e) {
            return "absent";
        }
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.10g", v);
    }
}
