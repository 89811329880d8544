package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.Progress;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.train.BatchTransform;
import io.counterweight.core.train.EpochOrder;
import io.counterweight.core.train.GeneratedImages;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    private static final Dataset DATA = new Dataset("generated", DatasetFormat.DEMO, GeneratedImages.NAMES,
            GeneratedImages.split(SHAPE, new int[] {200, 50, 20, 10}, 31), GeneratedImages.balanced(SHAPE, 5, 32));

    @TempDir
    Path out;

    @Test
    void samplerDrawsClassesAboutEquallyOftenAndShuffleDrawsEachImageOnce() {
        ExperimentConfig base = ExperimentConfig.fastDemo().asBaseline();
        int[] plain = draws(ExperimentRunner.epochOrder(DATA, base), 1);
        assertEquals(List.of(200, 50, 20, 10), List.of(plain[0], plain[1], plain[2], plain[3]));
        // 20 epochs x 280 draws, each class with probability 1/4: mean 1400, sd ~32; a broken sampler
        // (e.g. drawing by image, not by class weight) would give ~10,000 / 200 for the largest/smallest.
        int[] weighted = draws(ExperimentRunner.epochOrder(DATA, base.asImproved()), 20);
        for (int c = 0; c < 4; c++) assertTrue(Math.abs(weighted[c] - 1400) < 200, "class " + c + ": " + weighted[c]);
    }

    private static int[] draws(EpochOrder order, int epochs) {
        int[] counts = new int[4];
        SplittableRandom rng = new SplittableRandom(9);
        for (int e = 0; e < epochs; e++) for (int i : order.indices(rng.split())) counts[DATA.train().label(i)]++;
        return counts;
    }

    @Test
    void augmentationOnlyWhenAnyTransformIsOn() {
        ExperimentConfig base = ExperimentConfig.fastDemo().asBaseline();
        assertSame(BatchTransform.IDENTITY, ExperimentRunner.transform(DATA, base));
        BatchTransform t = ExperimentRunner.transform(DATA, base.toBuilder().augment(AugmentConfig.all(1.0)).build());
        byte[] image = DATA.train().image(0);
        byte[] changed = t.apply(image, new SplittableRandom(3));
        assertNotSame(image, changed);
        assertFalse(java.util.Arrays.equals(image, changed));
    }

    @Test
    void compareRunsBaselineThenImprovedOnTheDemoData() {
        ExperimentConfig cfg = ExperimentConfig.fastDemo().toBuilder().model("mlp").epochs(1).batch(64).build();
        List<String> started = new ArrayList<>();
        Comparison c = ExperimentRunner.compare(cfg, out, e -> {
            if (e instanceof TrainingEvent.Started s) started.add(s.label());
        }, new TrainingControl(), Progress.NONE);
        assertEquals(List.of("baseline", "improved"), started);
        assertFalse(c.baseline().config().remedies().sampler());
        assertTrue(c.improved().config().remedies().sampler() && c.improved().config().remedies().augment().anyEnabled());
        assertEquals(c.baseline().config().seed(), c.improved().config().seed());
        assertEquals(2, RunStore.list(out).size());
        assertEquals(1, c.improved().epochsDone());
        assertEquals(c.baseline().confusion().total(), c.improved().confusion().total());
    }
}
