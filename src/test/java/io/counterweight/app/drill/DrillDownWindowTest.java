package io.counterweight.app.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.AppContext;
import io.counterweight.app.MainViewModel;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
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
 * The real window on the real core, headless: train one short epoch, click a cell of the Training tab's heatmap
 * and see as many thumbnails as the cell counts; then the same cell of the reopened run on the Runs tab, whose
 * test images are loaded again from the run's data folder.
 */
@ExtendWith(ApplicationExtension.class)
class DrillDownWindowTest {
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Preferences prefs = Preferences.userRoot().node("io/counterweight/test-" + UUID.randomUUID());
    private AppContext context;

    @TempDir Path dir;

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
    void aClickedCellShowsAsManyThumbnailsAsItCounts(FxRobot robot) throws Exception {
        Path folder = FixtureFolders.imageFolder(dir.resolve("shapes"), new int[] {24, 12, 6}, 5, 12);
        robot.interact(() -> context.dataViewModel().open(folder));
        waitUntil(60, () -> context.workbench().selected() != null);
        robot.interact(() -> {
            context.workbench().modelProperty().set("mlp");
            context.workbench().epochsProperty().set(1);
            context.workbench().batchProperty().set(8);
            context.mainViewModel().screenProperty().set(MainViewModel.Screen.TRAINING);
            context.trainingViewModel().start();
        });
        waitUntil(180, () -> context.trainingViewModel().lastOutcomeProperty().get() != null
                && context.trainingViewModel().stateProperty().get() == RunState.IDLE);
        assertEquals(List.of(), errors.messages);

        ConfusionHeatmap heatmap = robot.lookup("#heatmap").query();
        // the last epoch's matrix reaches the heatmap through the throttled UI flush, which may come after the run's end
        waitUntil(30, () -> heatmap.matrixProperty().get() != null);
        int[] cell = fullestCell(heatmap.matrixProperty().get());
        long count = heatmap.matrixProperty().get().get(cell[0], cell[1]);
        clickCell(robot, heatmap, cell);
        waitForThumbnails(robot, count);
        Label status = robot.lookup("#drillStatus").query();
        assertEquals(count + (count == 1 ? " image" : " images") + ", most confident first", status.getText());
        for (CellImage image : context.drillDown().viewModel().images()) {
            assertEquals(cell[0], image.truth());
            assertEquals(cell[1], image.predicted());
        }

        // The same run reopened on the Runs tab: its test images come from its data folder, loaded again.
        var run = context.trainingViewModel().lastOutcomeProperty().get();
        robot.interact(() -> {
            context.drillDown().window().hide();
            context.mainViewModel().screenProperty().set(MainViewModel.Screen.RUNS);
            context.runsViewModel().reopenFolder(run.runDir());
        });
        waitUntil(30, () -> context.runsViewModel().epochViewProperty().get() != null);
        ConfusionHeatmap reopened = robot.lookup("#runHeatmap").query();
        waitUntil(10, () -> reopened.cellCenter(0, 0) != null && reopened.matrixProperty().get() != null);
        assertEquals(run.confusion(), reopened.matrixProperty().get());
        int[] other = fullestCell(reopened.matrixProperty().get());
        long otherCount = reopened.matrixProperty().get().get(other[0], other[1]);
        clickCell(robot, reopened, other);
        waitForThumbnails(robot, otherCount);
        assertEquals(List.of(), errors.messages);
    }

    /** The cell with the most images (a diagonal one, usually). */
    private static int[] fullestCell(ConfusionMatrix m) {
        int[] best = {0, 0};
        for (int r = 0; r < m.numClasses(); r++) {
            for (int c = 0; c < m.numClasses(); c++) if (m.get(r, c) > m.get(best[0], best[1])) best = new int[] {r, c};
        }
        return best;
    }

    private static void clickCell(FxRobot robot, ConfusionHeatmap heatmap, int[] cell) {
        Point2D centre = heatmap.cellCenter(cell[0], cell[1]);
        robot.clickOn(heatmap.canvas().localToScreen(centre));
    }

    /** Until the grid holds {@code count} images and exactly that many cells show a rendered thumbnail. */
    private void waitForThumbnails(FxRobot robot, long count) throws Exception {
        waitUntil(60, () -> context.drillDown().viewModel().images().size() == count
                && robot.lookup(".cell-image").queryAllAs(CellImageCell.class).stream().filter(CellImageCell::showsThumbnail).count() == count);
        assertTrue(context.drillDown().window().isShowing());
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
