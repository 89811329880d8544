package io.counterweight.app.services;

import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.augment.Augmented;
import io.counterweight.core.augment.Augmenter;
import io.counterweight.core.data.ImageConversions;
import io.counterweight.core.data.ImageShape;
import java.util.SplittableRandom;

/** {@link AugmentService} over core.augment and core.data's pixel conversion. */
public final class CoreAugmentService implements AugmentService {
    @Override
    public Augmented augment(AugmentConfig config, ImageShape shape, byte[] chw, SplittableRandom rng) {
        return new Augmenter(config, shape).applyTracked(chw, rng);
    }

    @Override
    public int[] toArgb(byte[] chw, ImageShape shape) {
        return ImageConversions.toArgb(chw, shape);
    }
}
