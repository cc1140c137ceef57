package org.derivcheck.vae;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * MNIST-format data as found: a training set and, when the source has one, a separate test set.
 *
 * @param train the training images (for a single IDX file: all of them)
 * @param test the test images, when the source has a separate test file ({@code t10k-...})
 * @param source where the data came from, for result.json
 */
public record MnistData(Digits train, Optional<Digits> test, String source) {

    /**
     * Splits into the images to train on and the images held out for evaluation. With a separate test
     * set, the held-out images are {@code holdout} test images chosen with the seed; without one, the
     * images are shuffled with the seed (the project's subset is ordered by class) and the first
     * {@code holdout} are held out. {@code limit}, when positive, caps the number of training images.
     */
    public Split split(long seed, int holdout, int limit) {
        if (holdout < 0) {
            throw new IllegalArgumentException("holdout must be >= 0, got " + holdout);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Digits trainPart;
        Digits heldOut;
        if (test.isPresent()) {
            Digits t = test.get();
            if (holdout > t.count()) {
                throw new IllegalArgumentException("holdout " + holdout + " > " + t.count() + " test images in " + source);
            }
            int[] tp = Digits.permutation(t.count(), rng.split());
            heldOut = t.select(java.util.Arrays.copyOf(tp, holdout));
            trainPart = train.select(Digits.permutation(train.count(), rng.split()));
        } else {
            if (holdout >= train.count()) {
                throw new IllegalArgumentException("holdout " + holdout + " leaves no training images of the "
                        + train.count() + " in " + source);
            }
            Digits shuffled = train.select(Digits.permutation(train.count(), rng.split()));
            heldOut = shuffled.slice(0, holdout);
            trainPart = shuffled.slice(holdout, shuffled.count());
        }
        if (limit > 0 && limit < trainPart.count()) {
            trainPart = trainPart.slice(0, limit);
        }
        return new Split(trainPart, heldOut);
    }

    /**
     * Training and held-out images.
     *
     * @param train the images the model trains on
     * @param heldOut the images it is evaluated on (may be empty)
     */
    public record Split(Digits train, Digits heldOut) {
    }
}
