package io.counterweight.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.grid.GridViewModel;
import io.counterweight.app.grid.QueueRow;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.TestWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
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
 * The Grid tab in the real window on the real core, headless (Monocle): on the demo data (3 classes, mlp, 1 epoch)
 * the remedies are narrowed to baseline and sampler by clicking their boxes, the grid is started with the
 * button, the queue ends with both cells finished, and the mean ± std table, the per-class gains and the
 * error-bar chart fill.
 */
@ExtendWith(ApplicationExtension.class)
class GridWindowTest {
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Preferences prefs = Preferences.userRoot().node("io/counterweight/test-" + UUID.randomUUID());
    private AppContext context;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        context = TestWindow.show(stage, Services.core(dir.resolve("runs")), errors, prefs, 1400, 900);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.shutdown();
        prefs.removeNode();
    }

    @Test
    void aTinyGridStartedInTheTabFinishesItsQueueAndFillsTheTable(FxRobot robot) throws Exception {
        Workbench w = context.workbench();
        robot.interact(() -> context.openFromOutside(null));
        waitUntil(() -> w.selected() != null, 60);
        robot.interact(() -> {
            w.classesProperty().set(3);
            w.modelProperty().set("mlp");
            w.epochsProperty().set(1);
        });
        GridViewModel vm = context.gridViewModel();

        robot.clickOn("7  Grid");
        robot.clickOn("#remedy-augment").clickOn("#remedy-sampler_augment");
        assertEquals(List.of("baseline", "sampler"), vm.chosenRemedies());
        robot.interact(() -> vm.seedsProperty().set(1));
        robot.doubleClickOn("#ratiosField").write("1");
        waitUntil(() -> vm.setupSummaryProperty().get().equals("2 remedies × 1 ratio × 1 seed = 2 cells"), 5);

        robot.clickOn("#gridStartButton");
        TableView<QueueRow> queue = robot.lookup("#queueTable").query();
        waitUntil(() -> queue.getItems().size() == 2, 10);
        waitUntil(() -> !vm.runningProperty().get(), 300);
        assertEquals(List.of(), errors.messages);
        assertTrue(queue.getItems().stream().allMatch(r -> r.status().startsWith("finished · macro-F1 ")),
                queue.getItems().toString());

        TableView<List<String>> summary = robot.lookup("#summaryTable").query();
        assertEquals(List.of("baseline", "sampler"), summary.getItems().stream().map(r -> r.get(0)).toList());
        assertEquals(9, summary.getColumns().size(), "remedy, u, n and the six metrics");
        assertEquals("macro-F1", summary.getColumns().get(4).getText());
        TableView<?> gains = robot.lookup("#gainsTable").query();
        assertEquals(3, gains.getItems().size(), "one gain row per class");
        ImageView chart = robot.lookup("#macroF1Image").query();
        assertNotNull(chart.getImage(), "the error-bar chart is shown");
        assertTrue(chart.getImage().getWidth() >= 500, "the core's chart at 1×: " + chart.getImage().getWidth());
        assertTrue(robot.lookup("#gridExportButton").query().isDisabled() == false, "export is possible now");
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
