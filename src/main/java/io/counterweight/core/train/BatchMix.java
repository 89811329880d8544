package io.counterweight.core.train;

import java.util.SplittableRandom;

/**
 * Mixes the images and labels of an assembled batch in place (the mixup seam), with the batch's own
 * random stream, on an input-pipeline thread: features are {@code n} images of {@code imageSize} floats,
 * labels {@code n} rows of {@code numClasses} (one-hot before, soft after).
 */
@FunctionalInterface
public interface BatchMix {
    void mix(float[] features, float[] labels, int n, int imageSize, int numClasses, SplittableRandom rng);

    /** Leaves the batch as it is. */
    BatchMix NONE = (features, labels, n, imageSize, numClasses, rng) -> { };
}
