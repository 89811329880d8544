package io.counterweight.app.services;

import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.augment.Augmented;
import io.counterweight.core.data.ImageShape;
import java.util.SplittableRandom;

/** The core augmentation pipeline and pixel conversion for previews (core.augment, core.data). */
public interface AugmentService {
    /** One pass of the pipeline over one CHW uint8 image: a new array and which transforms it got. */
    Augmented augment(AugmentConfig config, ImageShape shape, byte[] chw, SplittableRandom rng);

    /** Packed ARGB pixels, row-major, for an image view. */
    int[] toArgb(byte[] chw, ImageShape shape);
}
