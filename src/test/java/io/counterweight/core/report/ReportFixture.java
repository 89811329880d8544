package io.counterweight.core.report;

import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.TrainingRun;
import io.counterweight.core.train.BatchTransform;
import io.counterweight.core.train.EpochOrder;
import io.counterweight.core.train.GeneratedImages;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real run folders for the export tests: tiny MLP runs (2 epochs) on generated 8×8 images, and the 0.1 folder. */
public final class ReportFixture {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    public static final String HOSTILE = "<script>alert('x')</script>";
    public static final List<String> HOSTILE_NAMES = List.of(HOSTILE, "a & b", "\"quoted\" \u0007bell", "plain");
    private static final ExperimentConfig CFG = ExperimentConfig.fastDemo().toBuilder()
            .model("mlp").epochs(2).batch(8).learningRate(0.01).build();

    private ReportFixture() { }

    /**
     * Trains a baseline and an "improved" run under {@code out}; returns their folders in that order. Both
     * see the same shuffled order (the sampler flag only labels the config), so the improved run differs by
     * its seed and learning rate: the exports need two different histories, not a better model.
     */
    public static List<Path> twoRuns(Path out) {
        Dataset data = data(GeneratedImages.NAMES);
        return List.of(train(data, CFG.toBuilder().label("baseline").build(), out).runDir(),
                train(data, CFG.toBuilder().sampler(true).seed(7).learningRate(0.03).label("improved").build(), out).runDir());
    }

    /** One run whose class names are markup and control characters. */
    public static Path hostileRun(Path out) {
        return train(data(HOSTILE_NAMES), CFG.toBuilder().label("hostile").build(), out).runDir();
    }

    /** The 0.1-format run folder of the test resources, copied to {@code out}. */
    public static Path legacyRun(Path out) throws IOException {
        Path dir = out.resolve("20261202-033720-baseline-mlp");
        Files.createDirectories(dir.resolve("confusion"));
        for (String f : List.of("config.json", "provenance.json", "metrics.csv", "result.json", "confusion/epoch-001.csv")) {
            try (InputStream in = ReportFixture.class.getResourceAsStream("/run-folder-0.1/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }

    private static Dataset data(List<String> names) {
        return new Dataset("generated", DatasetFormat.DEMO, names,
                GeneratedImages.split(SHAPE, new int[] {20, 12, 8, 4}, 21), GeneratedImages.balanced(SHAPE, 5, 22));
    }

    private static RunResult train(Dataset data, ExperimentConfig cfg, Path out) {
        return TrainingRun.execute(data, cfg, out, "fp", EpochOrder.shuffled(data.train().size()),
                BatchTransform.IDENTITY, TrainingListener.NONE, new TrainingControl());
    }
}
