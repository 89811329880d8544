package io.counterweight.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.chart.ChartSupport;
import io.counterweight.app.chart.ConfusionHeatmap;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.FixtureFolders;
import io.counterweight.app.testing.TestWindow;
import io.counterweight.app.training.RunState;
import io.counterweight.core.metrics.ConfusionMatrix;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on the real core, headless (Monocle): load a fixture folder, move the imbalance
 * slider, switch the sampler, change an augmentation, train one short epoch. Waits use
 * WaitForAsyncUtils conditions on the view models, never fixed sleeps.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Preferences prefs = Preferences.userRoot().node("io/counterweight/test-" + UUID.randomUUID());
    private AppContext context;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        context = TestWindow.show(stage, Services.core(dir.resolve("runs")), errors, prefs);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.shutdown();
        prefs.removeNode();
    }

    @Test
    void loadSelectSampleAugmentAndTrain(FxRobot robot) throws Exception {
        Path folder = FixtureFolders.imageFolder(dir.resolve("shapes"), new int[] {24, 12, 6}, 4, 12);
        robot.interact(() -> context.dataViewModel().open(folder));
        waitUntil(60, () -> context.workbench().selected() != null);
        assertEquals(List.of(), errors.messages);

        // Data: the imbalance slider shrinks the rare class in the histogram.
        BarChart<String, Number> histogram = robot.lookup("#histogram").query();
        assertEquals(List.of(24.0, 12.0, 6.0), bars(histogram));
        Slider imbalance = robot.lookup("#imbalanceSlider").query();
        robot.interact(() -> imbalance.setValue(-1)); // u = 0.1
        List<Double> after = bars(histogram);
        assertEquals(24.0, after.get(0));
        assertTrue(after.get(2) < 6.0, "rare class shrinks: " + after);
        assertEquals(0.1, context.workbench().imbalanceProperty().get(), 0);
        String tip = ChartSupport.tooltipText(histogram.getData().get(0).getData().get(2).getNode());
        assertTrue(tip.startsWith("c-rare"), tip);

        // Sampler: the switch turns equal expected draws on.
        robot.clickOn("2  Sampler");
        ToggleSwitch sampler = robot.lookup(".big-switch").query();
        robot.clickOn(sampler.lookup(".thumb-area"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(context.workbench().samplerProperty().get());
        var rows = context.samplerViewModel().rows();
        assertEquals(rows.get(0).expectedDraws(), rows.get(2).expectedDraws(), 1e-9);

        // Augmentation: probability 1 for rotation changes the preview.
        robot.clickOn("3  Augmentation");
        int renders = context.augmentationViewModel().rendersProperty().get();
        int[] before = pixels(robot, 1);
        ToggleSwitch rotation = robot.lookup("#switch-rotation").query();
        robot.clickOn(rotation.lookup(".thumb-area"));
        Slider probability = robot.lookup("#probability-rotation").query();
        robot.interact(() -> probability.setValue(1.0));
        waitUntil(30, () -> context.augmentationViewModel().rendersProperty().get() > renders
                && context.augmentationViewModel().previewProperty().get().captions().get(1).contains("rotation"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(java.util.Arrays.equals(before, pixels(robot, 1)), "the first augmented tile changed");

        // Training: one short epoch of the small MLP.
        robot.clickOn("4  Training");
        robot.interact(() -> {
            context.workbench().modelProperty().set("mlp");
            context.workbench().epochsProperty().set(1);
            context.workbench().batchProperty().set(8);
        });
        robot.clickOn("#startButton");
        waitUntil(180, () -> context.trainingViewModel().lastOutcomeProperty().get() != null
                && context.trainingViewModel().stateProperty().get() == RunState.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), errors.messages);
        LineChart<Number, Number> loss = robot.lookup("#lossChart").query();
        assertFalse(loss.getData().get(0).getData().isEmpty(), "training loss points");
        assertEquals(1, loss.getData().get(1).getData().size(), "one test-loss point per epoch");
        ConfusionHeatmap heatmap = robot.lookup("#heatmap").query();
        ConfusionMatrix shown = heatmap.matrixProperty().get();
        assertNotNull(shown);
        assertEquals(context.trainingViewModel().lastOutcomeProperty().get().confusion(), shown);
        assertEquals(3 * 4, shown.total(), "every test image counted once");
        assertEquals(shown.get(0, 0), (long) heatmap.displayedValue(0, 0));
        TableView<?> table = robot.lookup("#metricsTable").query();
        assertEquals(3, table.getItems().size());

        // Compare: reopen the run folder just written, as both sides, through the core's RunStore.
        var run = context.trainingViewModel().lastOutcomeProperty().get();
        robot.clickOn("5  Compare");
        robot.interact(() -> context.compareViewModel().open(run.runDir(), run.runDir()));
        waitUntil(30, () -> context.compareViewModel().rows().size() == 6);
        assertEquals(List.of(), errors.messages);
        for (var row : context.compareViewModel().rows()) {
            assertTrue(Double.isNaN(row.delta()) || row.delta() == 0, row.toString());
        }
        ConfusionHeatmap reopened = robot.lookup("#baselineHeatmap").query();
        assertEquals(run.confusion(), reopened.matrixProperty().get());
    }

    private static List<Double> bars(BarChart<String, Number> chart) {
        return chart.getData().get(0).getData().stream().map(d -> d.getYValue().doubleValue()).toList();
    }

    /** Pixels of the preview tile in row 0, column {@code column} (0 = the original). */
    private static int[] pixels(FxRobot robot, int column) {
        GridPane grid = robot.lookup("#previewGrid").query();
        ImageView view = (ImageView) grid.getChildren().stream()
                .filter(n -> n instanceof ImageView && GridPane.getRowIndex(n) == 0 && GridPane.getColumnIndex(n) == column + 1)
                .findFirst().orElseThrow();
        var image = view.getImage();
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        int[] out = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }

    private static void waitUntil(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents(); // the FX thread may still be handling the change the condition saw
    }
}
