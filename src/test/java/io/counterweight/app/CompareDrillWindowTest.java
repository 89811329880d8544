package io.counterweight.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.chart.ConfusionHeatmap;
import io.counterweight.app.drill.CellImage;
import io.counterweight.app.drill.CellImageCell;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.CompareFlow;
import io.counterweight.app.testing.TestWindow;
import io.counterweight.core.experiment.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
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
 * The real window on the real core, headless: two short runs trained by "Train baseline + improved" on a reloadable
 * image folder; a cell of the improved run's heatmap on the Compare tab opens as many thumbnails as that run's
 * predictions file counts in the cell at the scrubber's epoch, the last and then an earlier one.
 */
@ExtendWith(ApplicationExtension.class)
class CompareDrillWindowTest {
    private static final int EPOCHS = 3;

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
    void aCellOfACompareHeatmapShowsItsImagesAtTheScrubbersEpoch(FxRobot robot) throws Exception {
        CompareFlow.loadSmallFolder(robot, context, dir);
        CompareFlow.turnSamplerOn(robot);
        CompareFlow.trainBoth(robot, context, errors);
        assertEquals(List.of(), errors.messages);

        // Counts read from the improved run's predictions files, not from the view.
        Path run = CompareFlow.runFolder(dir.resolve("runs"), "improved");
        long[][] last = cellCounts(run, EPOCHS), first = cellCounts(run, 1);
        int[] cell = cellThatChanged(first, last);

        ConfusionHeatmap heatmap = robot.lookup("#improvedHeatmap").query();
        CompareFlow.waitUntil(10, () -> heatmap.matrixProperty().get() != null && heatmap.cellCenter(0, 0) != null);
        assertEquals(last[cell[0]][cell[1]], heatmap.matrixProperty().get().get(cell[0], cell[1]), "opens on the last epoch");
        clickCell(robot, heatmap, cell);
        expectThumbnails(robot, cell, last[cell[0]][cell[1]], EPOCHS);

        robot.type(KeyCode.ESCAPE); // closes the drill-down, which would cover the heatmap
        CompareFlow.waitUntil(5, () -> !context.drillDown().window().isShowing());

        Slider scrubber = robot.lookup("#compareEpochSlider").query();
        scrollToTop(robot, scrubber);
        robot.clickOn(scrubber.lookup(".thumb")); // focuses the scrubber without moving it
        robot.type(KeyCode.LEFT, EPOCHS - 1);
        assertEquals("epoch 1 of " + EPOCHS, robot.lookup("#compareEpochLabel").queryAs(Label.class).getText());
        assertEquals(first[cell[0]][cell[1]], heatmap.matrixProperty().get().get(cell[0], cell[1]), "the heatmap follows the scrubber");
        clickCell(robot, heatmap, cell);
        expectThumbnails(robot, cell, first[cell[0]][cell[1]], 1);
        assertEquals(List.of(), errors.messages);
    }

    /** Per (true, predicted) the rows of the run's predictions/epoch-NNN.csv ({@code index,true,predicted,probability}). */
    private static long[][] cellCounts(Path run, int epoch) throws Exception {
        List<String> lines = Files.readAllLines(run.resolve(RunStore.PREDICTIONS_DIR).resolve(RunStore.confusionFile(epoch)));
        List<int[]> rows = lines.subList(1, lines.size()).stream()
                .map(l -> l.split(",")).map(f -> new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])}).toList();
        int k = rows.stream().mapToInt(r -> r[0] + 1).max().orElseThrow(); // every class has test images
        long[][] counts = new long[k][k];
        for (int[] r : rows) counts[r[0]][r[1]]++;
        return counts;
    }

    /** The cell whose count differs most between the two epochs (both non-empty if possible), so following the scrubber shows. */
    private static int[] cellThatChanged(long[][] a, long[][] b) {
        int[] best = null;
        long bestScore = 0;
        for (int t = 0; t < a.length; t++) {
            for (int p = 0; p < a.length; p++) {
                long score = Math.abs(a[t][p] - b[t][p]) * 100 + (a[t][p] > 0 && b[t][p] > 0 ? 10_000 : 0);
                if (a[t][p] != b[t][p] && b[t][p] > 0 && score > bestScore) {
                    best = new int[] {t, p};
                    bestScore = score;
                }
            }
        }
        assertTrue(best != null, "precondition: some non-empty cell of the last epoch differs from epoch 1");
        return best;
    }

    private static void clickCell(FxRobot robot, ConfusionHeatmap heatmap, int[] cell) {
        scrollToTop(robot, heatmap);
        robot.clickOn(heatmap.canvas().localToScreen(heatmap.cellCenter(cell[0], cell[1])));
    }

    /** Until the drill-down has loaded the cell and shows exactly {@code count} rendered thumbnails of it. */
    private void expectThumbnails(FxRobot robot, int[] cell, long count, int epoch) throws Exception {
        var drill = context.drillDown().viewModel();
        CompareFlow.waitUntil(60, () -> !drill.loadingProperty().get()); // the click set it, so this is the cell's load done
        assertTrue(drill.titleProperty().get().contains("epoch " + epoch + " · improved"), drill.titleProperty().get());
        assertEquals(count, drill.images().size(), "images of cell " + cell[0] + "," + cell[1] + " at epoch " + epoch);
        CompareFlow.waitUntil(30, () -> robot.lookup(".cell-image").queryAllAs(CellImageCell.class).stream()
                .filter(CellImageCell::showsThumbnail).count() == count);
        assertTrue(context.drillDown().window().isShowing());
        assertEquals(count == 0 ? "No test image in this cell" : count + (count == 1 ? " image" : " images") + ", most confident first",
                drill.statusProperty().get());
        for (CellImage image : drill.images()) {
            assertEquals(cell[0], image.truth());
            assertEquals(cell[1], image.predicted());
        }
    }

    /** Scrolls the Compare screen until {@code node} is at the top of its viewport, as a user would. */
    private static void scrollToTop(FxRobot robot, Node node) {
        Node n = node;
        while (!(n instanceof ScrollPane)) n = n.getParent();
        ScrollPane scroll = (ScrollPane) n;
        robot.interact(() -> {
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            scroll.setVvalue(Math.min(1, Math.max(0, y / Math.max(1, content - viewport))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
