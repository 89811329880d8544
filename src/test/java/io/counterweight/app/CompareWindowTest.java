package io.counterweight.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.chart.ClassChangeChart;
import io.counterweight.app.chart.ConfusionHeatmap;
import io.counterweight.app.chart.DifferenceHeatmap;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.Fixtures;
import io.counterweight.app.testing.TestWindow;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.ConfusionCsv;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.metrics.ConfusionDifference;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compare tab of the real window on the real core, headless (Monocle): two tiny runs trained into the
 * workspace are compared; curves per run, both heatmaps at the last epoch, and moving the epoch scrubber
 * redraws both heatmaps and the difference map with that epoch's files.
 */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    private static final Dataset DATA = Fixtures.dataset("tiny", new int[] {16, 8, 4}, 4, 6, 3);

    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Preferences prefs = Preferences.userRoot().node("io/counterweight/test-" + UUID.randomUUID());
    private AppContext context;
    private Services services;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        services = Services.core(dir.resolve("runs"));
        context = TestWindow.show(stage, services, errors, prefs);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.shutdown();
        prefs.removeNode();
    }

    private RunResult train(String label, double lr, boolean sampler) {
        ExperimentConfig cfg = ExperimentConfig.fastDemo().toBuilder().model("mlp").epochs(3).batch(4).learningRate(lr)
                .sampler(sampler).label(label).seed(7).build();
        return services.training().train(DATA, cfg, TrainingListener.NONE, new TrainingControl());
    }

    private static ConfusionMatrix written(RunResult run, int epoch) {
        return ConfusionCsv.read(run.runDir().resolve(RunStore.CONFUSION_DIR).resolve(RunStore.confusionFile(epoch))).matrix();
    }

    @Test
    void twoRunsSideBySideAndTheScrubberRedrawsBothHeatmaps(FxRobot robot) throws Exception {
        RunResult baseline = train("baseline", 0.001, false);
        RunResult improved = train("improved", 0.001, true);
        assertNotEquals(written(baseline, 1), written(baseline, 3), "precondition: the baseline's epochs differ");
        assertNotEquals(written(improved, 1), written(improved, 3), "precondition: the improved run's epochs differ");

        robot.clickOn("5  Compare");
        robot.interact(() -> context.compareViewModel().open(List.of(baseline.runDir(), improved.runDir())));
        ConfusionHeatmap first = robot.lookup("#baselineHeatmap").query();
        waitUntil(30, () -> first.matrixProperty().get() != null);
        ConfusionHeatmap second = robot.lookup("#improvedHeatmap").query();
        assertEquals(written(baseline, 3), first.matrixProperty().get(), "opens on the last epoch");
        assertEquals(written(improved, 3), second.matrixProperty().get());

        LineChart<Number, Number> accuracy = robot.lookup("#accuracyChart").query();
        assertEquals(2, accuracy.getData().size(), "one curve per run");
        assertEquals(3, accuracy.getData().get(1).getData().size());
        assertEquals(improved.history().get(0).accuracy(), accuracy.getData().get(1).getData().get(0).getYValue().doubleValue(), 1e-12);
        assertTrue(accuracy.getData().get(1).getNode().getStyle().contains("#d55e00"), "the second run's fixed colour");
        LineChart<Number, Number> testLoss = robot.lookup("#testLossChart").query();
        assertTrue(testLoss.getData().get(0).getNode().getStyle().contains("#0072b2"), "the first run's colour in every chart");

        DifferenceHeatmap difference = robot.lookup("#differenceMap").query();
        assertDifference(ConfusionDifference.of(written(baseline, 3), written(improved, 3)), difference.differenceProperty().get());
        ClassChangeChart changes = robot.lookup("#changeChart").query();
        assertEquals(List.of("class-0", "class-1", "class-2"), changes.changesProperty().get().stream().map(c -> c.name()).toList());

        int[] firstBefore = pixels(robot, first), secondBefore = pixels(robot, second);
        Slider slider = robot.lookup("#compareEpochSlider").query();
        assertEquals(3, slider.getValue());
        robot.interact(() -> slider.setValue(1));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(written(baseline, 1), first.matrixProperty().get(), "the scrubber moves the first run …");
        assertEquals(written(improved, 1), second.matrixProperty().get(), "… and the second, at once");
        assertFalse(Arrays.equals(firstBefore, pixels(robot, first)), "the first heatmap was redrawn");
        assertFalse(Arrays.equals(secondBefore, pixels(robot, second)), "the second heatmap was redrawn");
        assertDifference(ConfusionDifference.of(written(baseline, 1), written(improved, 1)), difference.differenceProperty().get());
        javafx.scene.control.Label epoch = robot.lookup("#compareEpochLabel").query();
        assertEquals("epoch 1 of 3", epoch.getText());

        // A cell of the second run's heatmap opens the drill-down on that run, cell and the scrubber's epoch. This
        // fixture's data set lives only in memory, so reloading it from the run's config ("demo") gives another
        // test split: the drill-down must say so rather than show wrong images (CompareDrillWindowTest counts the
        // thumbnails of reloadable runs on this tab).
        ConfusionMatrix shownMatrix = second.matrixProperty().get();
        int[] cell = fullestCell(shownMatrix);
        scrollIntoView(robot, second);
        robot.clickOn(second.canvas().localToScreen(second.cellCenter(cell[0], cell[1])));
        var drill = context.drillDown().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !drill.loadingProperty().get() && !drill.statusProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(context.drillDown().window().isShowing());
        assertTrue(drill.titleProperty().get().contains("improved"), drill.titleProperty().get());
        assertTrue(drill.titleProperty().get().contains("epoch 1"), drill.titleProperty().get());
        String mismatch = "the test split has 480 images but the predictions " + DATA.test().size() + ": the data set changed since the run";
        assertEquals("No images: " + mismatch, drill.statusProperty().get());
        assertEquals(List.of(mismatch), errors.messages, "reported once, nothing else went wrong");
    }

    /** Scrolls the Compare screen until {@code node} is at the top of its viewport, as a user would. */
    private static void scrollIntoView(FxRobot robot, javafx.scene.Node node) {
        javafx.scene.Node n = node;
        while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) n = n.getParent();
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) n;
        robot.interact(() -> {
            double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            scroll.setVvalue(Math.min(1, Math.max(0, y / Math.max(1, contentHeight - viewport))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The cell with the most images. */
    private static int[] fullestCell(ConfusionMatrix m) {
        int[] best = {0, 0};
        for (int r = 0; r < m.numClasses(); r++) {
            for (int c = 0; c < m.numClasses(); c++) if (m.get(r, c) > m.get(best[0], best[1])) best = new int[] {r, c};
        }
        return best;
    }

    private static void assertDifference(ConfusionDifference expected, ConfusionDifference shown) {
        for (int t = 0; t < expected.numClasses(); t++) {
            for (int p = 0; p < expected.numClasses(); p++) assertEquals(expected.delta(t, p), shown.delta(t, p), 1e-12);
        }
    }

    /** What the heatmap's canvas shows, as ARGB pixels. */
    private static int[] pixels(FxRobot robot, ConfusionHeatmap heatmap) {
        int[][] out = new int[1][];
        robot.interact(() -> {
            WritableImage image = heatmap.canvas().snapshot(new SnapshotParameters(), null);
            PixelReader r = image.getPixelReader();
            int w = (int) image.getWidth(), h = (int) image.getHeight();
            int[] argb = new int[w * h];
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) argb[y * w + x] = r.getArgb(x, y);
            out[0] = argb;
        });
        return out[0];
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
