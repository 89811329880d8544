package io.counterweight.bench;

import java.util.SplittableRandom;

import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.data.PixelStore;

/** Generated uint8 image splits for benchmarks (the bench must run with no data set on disk). */
public final class RandomImages {
    private RandomImages() {}

    public static ImageSplit split(ImageShape shape, int count, int numClasses, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        PixelStore.Builder images = new PixelStore.Builder(shape.size(), count, true);
        byte[] img = new byte[shape.size()];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < img.length; j += 8) {
                long bits = rng.nextLong();
                for (int b = 0; b < 8 && j + b < img.length; b++) img[j + b] = (byte) (bits >>> (8 * b));
            }
            images.append(img, 0);
            labels[i] = i % numClasses; // every class present, balanced
        }
        return new ImageSplit(shape, images.build(), labels);
    }
}
