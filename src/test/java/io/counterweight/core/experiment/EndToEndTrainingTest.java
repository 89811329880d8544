package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study CNN learns four generated pattern classes well above chance (0.25) in a few epochs. */
class EndToEndTrainingTest {
    @TempDir
    Path out;

    @Test
    void studyCnnLearnsGeneratedPatterns() {
        ImageShape shape = new ImageShape(3, 16, 16);
        Dataset data = new Dataset("patterns", DatasetFormat.DEMO, GeneratedImages.NAMES,
                GeneratedImages.balanced(shape, 100, 101), GeneratedImages.balanced(shape, 40, 102));
        ExperimentConfig cfg = ExperimentConfig.fastDemo().toBuilder().model("study").epochs(3).batch(32)
                .learningRate(0.01).momentum(0.9).seed(7).label("e2e").build();
        List<TrainingEvent.EpochDone> epochs = new ArrayList<>();
        long start = System.nanoTime();
        RunResult r = TrainingRun.execute(data, cfg, out, "generated", EpochOrder.shuffled(data.train().size()),
                BatchTransform.IDENTITY, e -> {
                    if (e instanceof TrainingEvent.EpochDone d) epochs.add(d);
                }, new TrainingControl());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertFalse(r.cancelled());
        assertEquals(3, r.epochsDone());
        assertTrue(r.report().accuracy() > 0.6, "accuracy " + r.report().accuracy() + " after " + seconds + " s");
        assertTrue(r.report().macroF1() > 0.5, "macro-F1 " + r.report().macroF1());
        assertTrue(epochs.get(2).trainLoss() < epochs.get(0).trainLoss(), "training loss should fall");
        assertEquals(160, r.confusion().total());
        assertTrue(r.imagesPerSecond() > 0);
        System.out.printf("end-to-end: accuracy %.3f, %.0f images/s, %.1f s%n", r.report().accuracy(), r.imagesPerSecond(), seconds);
    }
}
