package org.derivcheck.vae;

import ai.djl.Application;
import ai.djl.repository.Artifact;
import ai.djl.repository.MRL;
import ai.djl.repository.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where MNIST comes from: a directory of IDX files the user names, or (when DJL may go online) the MNIST
 * artifact of DJL's dataset repository, the one DJL's {@code basicdataset} Mnist class downloads.
 */
public final class MnistSource {
    private static final String DJL_REPOSITORY = "https://mlrepo.djl.ai/";

    private MnistSource() {
    }

    /**
     * Reads a directory of IDX files, gzipped or not, recognized by their magic numbers. A file whose name
     * contains {@code t10k} or {@code test} is the test set; with a single images file, that file is
     * everything. Labels files are optional and matched to images files by count.
     */
    public static MnistData fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--data " + dir + ": not a directory; pass a directory of MNIST IDX"
                    + " files (images-idx3-ubyte[.gz], labels-idx1-ubyte[.gz])");
        }
        List<Path> images = new ArrayList<>();
        List<Path> labels = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                int magic = IdxReader.magic(f);
                if (magic == IdxReader.IMAGES_MAGIC) {
                    images.add(f);
                } else if (magic == IdxReader.LABELS_MAGIC) {
                    labels.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<Path> testImages = images.stream().filter(MnistSource::isTest).toList();
        List<Path> trainImages = images.stream().filter(p -> !isTest(p)).toList();
        if (trainImages.size() != 1 || testImages.size() > 1) {
            throw new IllegalArgumentException("--data " + dir + ": expected one training images file (IDX magic 2051)"
                    + " and at most one test images file (name containing t10k or test), found " + images);
        }
        Digits train = load(trainImages.get(0), labels);
        Optional<Digits> test = testImages.stream().findFirst().map(p -> load(p, labels));
        return new MnistData(train, test, dir.toAbsolutePath().normalize().toString());
    }

    /**
     * Downloads MNIST into DJL's cache (or reads it from there) the way DJL's basicdataset does. Fails with a
     * message saying what to pass when DJL is offline and the cache does not have it.
     */
    public static MnistData fromDjlRepository() {
        try {
            Repository repo = Repository.newInstance("BasicDataset", DJL_REPOSITORY);
            MRL mrl = repo.dataset(Application.CV.ANY, "ai.djl.basicdataset", "mnist", "1.0");
            Artifact artifact = mrl.getDefaultArtifact();
            mrl.prepare(artifact, null);
            Map<String, Artifact.Item> files = artifact.getFiles();
            Digits train = read(repo, files.get("train_data"), files.get("train_labels"));
            Digits test = read(repo, files.get("test_data"), files.get("test_labels"));
            return new MnistData(train, Optional.of(test), "DJL repository " + mrl);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no --data given and MNIST could not be fetched with DJL ("
                    + e.getMessage() + "). Pass --data DIR, a directory of MNIST IDX files (e.g. ../shared/data/mnist-subset"
                    + " in this project); or, on a machine online, run with DJL_OFFLINE=false so that DJL downloads MNIST"
                    + " into its cache (" + cacheHint() + ").", e);
        }
    }

    private static String cacheHint() {
        String dir = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        return dir == null ? "~/.djl.ai by default" : dir;
    }

    private static Digits read(Repository repo, Artifact.Item images, Artifact.Item labels) throws IOException {
        if (images == null || labels == null) {
            throw new IOException("the DJL mnist artifact lacks an images or labels item");
        }
        IdxImages im;
        try (InputStream in = repo.openStream(images, null)) {
            im = IdxReader.readImages(in, images.getName());
        }
        byte[] lb;
        try (InputStream in = repo.openStream(labels, null)) {
            lb = IdxReader.readLabels(in, labels.getName());
        }
        return Digits.of(im, lb);
    }

    private static boolean isTest(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.contains("t10k") || n.contains("test");
    }

    private static Digits load(Path imagesFile, List<Path> labelFiles) {
        IdxImages im = IdxReader.readImages(imagesFile);
        boolean test = isTest(imagesFile);
        for (Path l : labelFiles) {
            if (isTest(l) == test) {
                byte[] lb = IdxReader.readLabels(l);
                if (lb.length == im.count()) {
                    return Digits.of(im, lb);
                }
            }
        }
        return Digits.of(im, new byte[0]);
    }
}
