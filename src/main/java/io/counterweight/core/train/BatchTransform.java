package io.counterweight.core.train;

import java.util.SplittableRandom;

/**
 * Changes one training image as it is drawn (the augmentation seam): the trainer passes each image of a
 * batch through it with the batch's own random stream. Must not modify {@code chw}; return it unchanged
 * or a new array of the same size. Runs on input-pipeline threads, so it must be thread-safe.
 */
@FunctionalInterface
public interface BatchTransform {
    byte[] apply(byte[] chw, SplittableRandom rng);

    /** Leaves every image as it is (the baseline). */
    BatchTransform IDENTITY = (chw, rng) -> chw;
}
