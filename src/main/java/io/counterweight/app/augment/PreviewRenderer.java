package io.counterweight.app.augment;

import io.counterweight.app.services.AugmentService;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.augment.Augmented;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.ImageSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Picks a few training images (spread over the classes) and runs each through the core augmenter
 * several times. Runs on a worker thread; the same seed gives the same grid.
 */
public final class PreviewRenderer {
    private final AugmentService augment;

    public PreviewRenderer(AugmentService augment) {
        this.augment = augment;
    }

    /** @param cancelled polled between tiles so a stale render stops early */
    public PreviewGrid render(Dataset data, AugmentConfig config, long seed, int rows, int variants, BooleanSupplier cancelled) {
        ImageSplit train = data.train();
        int[] picks = pickImages(train, data.numClasses(), rows, new SplittableRandom(seed));
        SplittableRandom rng = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        List<int[]> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int index : picks) {
            byte[] image = train.image(index);
            labels.add(data.classNames().get(train.label(index)));
            tiles.add(augment.toArgb(image, train.shape()));
            captions.add("original");
            for (int v = 0; v < variants; v++) {
                if (cancelled.getAsBoolean()) return null;
                Augmented a = augment.augment(config, train.shape(), image, rng.split());
                tiles.add(augment.toArgb(a.image(), train.shape()));
                captions.add(a.describe());
            }
        }
        return new PreviewGrid(train.shape().width(), train.shape().height(), picks.length, variants + 1, tiles, labels, captions);
    }

    /** One random image from each of {@code rows} classes spread evenly over the class range. */
    static int[] pickImages(ImageSplit train, int numClasses, int rows, SplittableRandom rng) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) byClass.add(new ArrayList<>());
        for (int i = 0; i < train.size(); i++) byClass.get(train.label(i)).add(i);
        List<Integer> nonEmpty = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) if (!byClass.get(c).isEmpty()) nonEmpty.add(c);
        int n = Math.min(rows, nonEmpty.size());
        int[] picks = new int[n];
        for (int r = 0; r < n; r++) {
            int c = nonEmpty.get(n == 1 ? 0 : (int) Math.round(r * (nonEmpty.size() - 1) / (double) (n - 1)));
            List<Integer> members = byClass.get(c);
            picks[r] = members.get(rng.nextInt(members.size()));
        }
        return picks;
    }
}
