package io.counterweight.core.augment;

import io.counterweight.core.data.ImageShape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Augmented variants of a few images for the GUI's preview grid. Deterministic for a seed (the re-roll
 * button picks a new seed); variant v of image i keeps its random draws when the number of images or
 * variants changes, so the grid does not reshuffle as the user edits those.
 */
public final class AugmentPreview {

    private AugmentPreview() { }

    /** {@code sources.length × variantsPerImage} images, image-major: index i·variantsPerImage + v. */
    public static byte[][] preview(byte[][] sources, ImageShape shape, AugmentConfig config, long seed, int variantsPerImage) {
        List<Augmented> tracked = previewTracked(sources, shape, config, seed, variantsPerImage);
        byte[][] out = new byte[tracked.size()][];
        for (int i = 0; i < out.length; i++) out[i] = tracked.get(i).image();
        return out;
    }

    /** As {@link #preview}, with what was applied to each variant (for captions). */
    public static List<Augmented> previewTracked(byte[][] sources, ImageShape shape, AugmentConfig config, long seed,
                                                 int variantsPerImage) {
        if (variantsPerImage < 0) throw new IllegalArgumentException("variantsPerImage must be >= 0: " + variantsPerImage);
        Augmenter augmenter = new Augmenter(config, shape);
        SplittableRandom master = new SplittableRandom(seed);
        List<Augmented> out = new ArrayList<>(sources.length * variantsPerImage);
        for (byte[] source : sources) {
            // split() takes a fixed number of draws from its parent, so each image's stream and each
            // variant's stream depend only on their position.
            SplittableRandom perImage = master.split();
            for (int v = 0; v < variantsPerImage; v++) out.add(augmenter.applyTracked(source, perImage.split()));
        }
        return out;
    }
}
