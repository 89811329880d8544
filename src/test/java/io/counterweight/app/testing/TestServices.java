package io.counterweight.app.testing;

import io.counterweight.app.services.AugmentService;
import io.counterweight.app.services.CoreSamplingService;
import io.counterweight.app.services.DataService;
import io.counterweight.app.services.RunHistoryService;
import io.counterweight.app.services.Services;
import io.counterweight.app.services.TrainingService;
import io.counterweight.core.Progress;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.augment.Augmented;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.ImageShape;
import java.util.SplittableRandom;

/** Services for view-model tests that exercise one screen: the real sampling core, the rest as given. */
public final class TestServices {
    private TestServices() { }

    /** A data service whose selection keeps the data set as loaded (for screens that do not test selection). */
    public static DataService identityData() {
        return new DataService() {
            @Override public Dataset demo(long seed) { throw new UnsupportedOperationException(); }
            @Override public Dataset load(String s, DatasetFormat f, long seed, Progress p) { throw new UnsupportedOperationException(); }
            @Override public Dataset select(Dataset loaded, int classes, double imbalance, java.util.List<Integer> perClass, int maxPerClass,
                                            long seed) { return loaded; }
        };
    }

    public static AugmentService noAugment() {
        return new AugmentService() {
            @Override public Augmented augment(AugmentConfig c, ImageShape s, byte[] chw, SplittableRandom rng) { throw new UnsupportedOperationException(); }
            @Override public int[] toArgb(byte[] chw, ImageShape s) { throw new UnsupportedOperationException(); }
        };
    }

    public static Services withTraining(TrainingService training) {
        return new Services(identityData(), new CoreSamplingService(), noAugment(), training);
    }

    public static Services withRuns(RunHistoryService runs) {
        return new Services(identityData(), new CoreSamplingService(), noAugment(), new ScriptedTrainingService(), runs);
    }

    public static Services withRuns(RunHistoryService runs, io.counterweight.app.services.ExportService export) {
        return new Services(identityData(), new CoreSamplingService(), noAugment(), new ScriptedTrainingService(), runs, export);
    }
}
