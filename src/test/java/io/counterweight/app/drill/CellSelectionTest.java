package io.counterweight.app.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.services.RunHistoryService;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.Fixtures;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.ConfusionCsv;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.metrics.Predictions;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell's images against the confusion matrix the run wrote, for every cell of every epoch of a real (tiny)
 * training run: the drill-down shows exactly the images the heatmap counts.
 */
class CellSelectionTest {
    static final Dataset DATA = Fixtures.dataset("tiny", new int[] {20, 10, 5}, 12, 6, 3);
    static final ExperimentConfig CFG = ExperimentConfig.fastDemo().toBuilder().model("mlp").epochs(2).batch(8)
            .learningRate(0.05).build();

    @TempDir Path dir;

    @Test
    void everyCellOfEveryEpochFileListsAsManyImagesAsItCounts() {
        Services services = Services.core(dir.resolve("ws"));
        RunHistoryService history = services.runs();
        RunResult run = services.training().train(DATA, CFG, TrainingListener.NONE, new TrainingControl());
        for (int epoch = 1; epoch <= 2; epoch++) {
            Predictions p = history.predictions(run.runDir(), epoch);
            ConfusionMatrix written = ConfusionCsv.read(run.runDir().resolve(RunStore.CONFUSION_DIR)
                    .resolve(RunStore.confusionFile(epoch))).matrix();
            int k = written.numClasses();
            boolean[] seen = new boolean[p.size()];
            for (int truth = 0; truth < k; truth++) {
                for (int predicted = 0; predicted < k; predicted++) {
                    List<CellImage> cell = CellSelection.of(p, truth, predicted);
                    assertEquals(written.get(truth, predicted), cell.size(), "epoch " + epoch + " cell " + truth + "," + predicted);
                    for (int i = 0; i < cell.size(); i++) {
                        CellImage image = cell.get(i);
                        assertEquals(truth, image.truth());
                        assertEquals(predicted, image.predicted());
                        assertEquals(DATA.test().label(image.index()), truth, "the index points at an image of the true class");
                        assertEquals(p.probability()[image.index()], image.probability());
                        if (i > 0) assertTrue(cell.get(i - 1).probability() >= image.probability(), "most confident first");
                        assertTrue(!seen[image.index()], "an image sits in one cell only");
                        seen[image.index()] = true;
                    }
                }
            }
            for (int i = 0; i < seen.length; i++) assertTrue(seen[i], "test image " + i + " is in some cell");
            assertEquals(DATA.test().size(), p.size());
        }
    }

    @Test
    void aRunWithoutPredictionsSaysSoInOneLine() {
        Services services = Services.core(dir.resolve("ws"));
        RunResult run = services.training().train(DATA, CFG.toBuilder().epochs(1).build(), TrainingListener.NONE, new TrainingControl());
        CounterweightException e = assertThrows(CounterweightException.class, () -> services.runs().predictions(run.runDir(), 2));
        assertEquals(run.runDir().getFileName() + " has no per-image predictions for epoch 2 (runs written before predictions"
                + " were recorded cannot show a cell's images)", e.getMessage());
    }
}
