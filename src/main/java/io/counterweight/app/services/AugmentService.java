package io.counterweight.app.services;

import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.ImageShape;
import java.util.SplittableRandom;

/** The core augmentation pipeline and pixel conversion for previews (core.augment, core.data). */
public interface AugmentService {
    /** One pass of the pipeline over one CHW uint8 image; returns a new array. */
    byte[] augment(AugmentConfig config, ImageShape shape, byte[] chw, SplittableRandom rng);

    /** Packed ARGB pixels, row-major, for an image view. */
    int[] toArgb(byte[] chw, ImageShape shape);
}
