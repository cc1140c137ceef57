package org.derivcheck.vi;

/** Told how many units of work (iterations, replicates) were done since the last call. */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = steps -> {
    };

    void advance(long steps);
}
