package io.counterweight.app.testing;

import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small data sets built in memory, in the real uint8 CHW layout. */
public final class Fixtures {
    private Fixtures() { }

    /**
     * {@code trainCounts[c]} training and {@code testPerClass} test images of class c; each class has
     * its own base colour plus seeded noise, so images differ within and between classes.
     */
    public static Dataset dataset(String name, int[] trainCounts, int testPerClass, int side, long seed) {
        ImageShape shape = new ImageShape(3, side, side);
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < trainCounts.length; c++) names.add("class-" + c);
        int[] testCounts = new int[trainCounts.length];
        java.util.Arrays.fill(testCounts, testPerClass);
        return new Dataset(name, DatasetFormat.FOLDER, names, split(shape, trainCounts, rng), split(shape, testCounts, rng));
    }

    private static ImageSplit split(ImageShape shape, int[] counts, SplittableRandom rng) {
        int n = 0;
        for (int k : counts) n += k;
        byte[][] images = new byte[n][];
        int[] labels = new int[n];
        int i = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int j = 0; j < counts[c]; j++, i++) {
                byte[] im = new byte[shape.size()];
                int plane = shape.height() * shape.width();
                for (int p = 0; p < im.length; p++) {
                    int base = ((c * 67 + (p / plane) * 90) % 200) + ((p % shape.width()) < shape.width() / 2 ? 40 : 0);
                    im[p] = (byte) Math.min(255, base + rng.nextInt(16));
                }
                images[i] = im;
                labels[i] = c;
            }
        }
        return new ImageSplit(shape, images, labels);
    }
}
