package io.counterweight.core.data;

import io.counterweight.core.Permutations;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The built-in data set, generated in code so the app works offline: 8 classes of coloured shapes on
 * 32×32 RGB, with a long-tailed training split (Cui et al., n_max 500, u 0.02: 500 images of the first
 * class down to 10 of the last, 1,151 in all) and a balanced test split of 60 per class. The shapes are
 * easy to learn from plenty of examples, so the rare classes show what imbalance costs.
 */
public final class DemoDataset {
    public static final List<String> CLASS_NAMES = List.of("circle", "square", "triangle", "plus",
            "ring", "stripes", "diamond", "diagonal cross");
    public static final int N_MAX = 500;
    public static final double IMBALANCE = 0.02;
    public static final int TEST_PER_CLASS = 60;
    static final ImageShape SHAPE = new ImageShape(3, DemoShapes.SIDE, DemoShapes.SIDE);

    private DemoDataset() { }

    /** The same seed gives the same pixels. */
    public static Dataset generate(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        int[] trainCounts = LongTail.counts(CLASS_NAMES.size(), N_MAX, IMBALANCE);
        int[] testCounts = new int[CLASS_NAMES.size()];
        Arrays.fill(testCounts, TEST_PER_CLASS);
        ImageSplit train = split(trainCounts, root.split(), true);
        ImageSplit test = split(testCounts, root.split(), false);
        return new Dataset("demo shapes", DatasetFormat.DEMO, CLASS_NAMES, train, test)
                .withNote("generated", "8 shape classes; train long-tailed (n_max " + N_MAX + ", u " + IMBALANCE
                        + ", " + train.size() + " images); test " + TEST_PER_CLASS + " per class; seed " + seed);
    }

    private static ImageSplit split(int[] counts, SplittableRandom rng, boolean shuffle) {
        int n = Arrays.stream(counts).sum();
        int[] labels = new int[n];
        int k = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int j = 0; j < counts[c]; j++) labels[k++] = c;
        }
        if (shuffle) {
            // Mixed order, so that a trainer reading in order never sees one class at a time.
            int[] order = Permutations.shuffled(n, rng.split());
            int[] mixed = new int[n];
            for (int i = 0; i < n; i++) mixed[i] = labels[order[i]];
            labels = mixed;
        }
        PixelStore.Builder images = new PixelStore.Builder(SHAPE.size(), n, true);
        for (int i = 0; i < n; i++) images.append(DemoShapes.draw(labels[i], rng), 0);
        return new ImageSplit(SHAPE, images.build(), labels);
    }
}
