package io.counterweight.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.chart.ConfusionHeatmap;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.Fixtures;
import io.counterweight.app.testing.TestWindow;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.ConfusionCsv;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
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
 * The Runs tab of the real window on the real core, headless (Monocle): two tiny runs trained into the
 * workspace appear; selecting one shows its curves and matrix; the epoch slider shows another epoch's file.
 */
@ExtendWith(ApplicationExtension.class)
class RunsWindowTest {
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

    private RunResult train(String label, double lr) {
        ExperimentConfig cfg = ExperimentConfig.fastDemo().toBuilder().model("mlp").epochs(2).batch(4).learningRate(lr)
                .label(label).seed(7).build();
        return services.training().train(DATA, cfg, TrainingListener.NONE, new TrainingControl());
    }

    private static ConfusionMatrix written(RunResult run, int epoch) {
        return ConfusionCsv.read(run.runDir().resolve(RunStore.CONFUSION_DIR).resolve(RunStore.confusionFile(epoch))).matrix();
    }

    @Test
    void twoRunsAppearAndTheSelectedOneShowsItsCurvesAndAnyEpochsMatrix(FxRobot robot) throws Exception {
        RunResult first = train("baseline", 0.05);
        RunResult second = train("improved", 0.2);
        assertNotEquals(written(second, 1), written(second, 2), "precondition: the two epochs differ");

        robot.clickOn("6  Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").query();
        waitUntil(30, () -> table.getItems().size() == 2);
        assertEquals(List.of(second.runDir().toAbsolutePath(), first.runDir().toAbsolutePath()),
                table.getItems().stream().map(RunSummary::runDir).toList(), "newest first");

        robot.clickOn(robot.lookup(".runs-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        ConfusionHeatmap heatmap = robot.lookup("#runHeatmap").query();
        waitUntil(30, () -> heatmap.matrixProperty().get() != null);
        assertEquals(second.runDir().toAbsolutePath(), context.runsViewModel().selectedProperty().get().runDir());
        assertEquals(written(second, 2), heatmap.matrixProperty().get(), "opens on the last epoch");
        LineChart<Number, Number> metrics = robot.lookup("#runMetricChart").query();
        assertEquals(2, metrics.getData().get(1).getData().size(), "accuracy at both epochs");
        assertEquals(second.history().get(0).accuracy(), metrics.getData().get(1).getData().get(0).getYValue().doubleValue(), 1e-12);
        LineChart<Number, Number> loss = robot.lookup("#runLossChart").query();
        assertEquals(2, loss.getData().get(1).getData().size(), "test loss at both epochs");

        Slider slider = robot.lookup("#epochSlider").query();
        assertEquals(2, slider.getValue());
        robot.interact(() -> slider.setValue(1));
        waitUntil(30, () -> written(second, 1).equals(heatmap.matrixProperty().get()));
        javafx.scene.control.Label epoch = robot.lookup("#runEpochLabel").query();
        assertTrue(epoch.getText().startsWith("Epoch 1 of 2"), epoch.getText());
        assertEquals(List.of(), errors.messages);
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
