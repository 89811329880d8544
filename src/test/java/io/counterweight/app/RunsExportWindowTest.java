package io.counterweight.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.runs.ExportDestinations;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.Fixtures;
import io.counterweight.app.testing.TestWindow;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tech.tablesaw.api.Table;

/**
 * The Runs tab's Export menu in the real window on the real core, headless (Monocle): a trained run selected,
 * its charts exported as PNG and its tables as CSV through the menu, the files read back; the heatmap's
 * context menu opens, and the live heatmap saved at 2× is twice its size. The file choosers are replaced by
 * destinations the test sets on the view model.
 */
@ExtendWith(ApplicationExtension.class)
class RunsExportWindowTest {
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

    @Test
    void exportingChartsAsPngAndTablesAsCsvWritesFilesThatReadBack(FxRobot robot) throws Exception {
        ExperimentConfig cfg = ExperimentConfig.fastDemo().toBuilder().model("mlp").epochs(2).batch(4).learningRate(0.1)
                .label("baseline").seed(7).build();
        RunResult run = services.training().train(DATA, cfg, TrainingListener.NONE, new TrainingControl());
        Path out = dir.resolve("export");
        context.runsViewModel().export().setDestinations(new ExportDestinations() {
            @Override public Path file(String title, String suggested, String extension) { return out.resolve(suggested); }
            @Override public Path folder(String title) { return out; }
            @Override public List<Path> images(String title) { return List.of(); }
        });

        robot.clickOn("6  Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").query();
        waitUntil(() -> table.getItems().size() == 1);
        robot.clickOn(robot.lookup(".runs-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        waitUntil(() -> context.runsViewModel().selectedProperty().get() != null);

        robot.clickOn("#exportMenu").clickOn("Charts as PNG (2× for slides)…");
        String name = run.runDir().getFileName().toString();
        Path loss = out.resolve(name + "-loss-2x.png");
        waitUntil(() -> Files.isRegularFile(loss) && Files.isRegularFile(out.resolve(name + "-confusion-2x.png")));
        BufferedImage png = ImageIO.read(loss.toFile());
        assertNotNull(png, "the PNG decodes");
        assertTrue(png.getWidth() > 400, "drawn at 2×: " + png.getWidth());
        Label status = robot.lookup("#runsStatusLabel").query();
        waitUntil(() -> status.getText().startsWith("Wrote "));
        assertTrue(status.getText().contains(loss.getFileName().toString()), status.getText());

        robot.clickOn("#exportMenu").clickOn("Tables (CSV)…");
        Path perClass = out.resolve("per_class.csv");
        waitUntil(() -> Files.isRegularFile(perClass) && Files.isRegularFile(out.resolve("metrics.csv")));
        Table t = Table.read().csv(perClass.toFile());
        assertEquals(3, t.rowCount(), "one row per class");
        assertEquals(run.report().perClass().get(0).f1(), t.numberColumn("f1").getDouble(0), 1e-4);
        assertEquals(2, Table.read().csv(out.resolve("metrics.csv").toFile()).rowCount(), "one row per epoch");
        assertEquals(List.of(), errors.messages);

        robot.rightClickOn("#runHeatmap");
        waitUntil(() -> robot.lookup("Save as PNG (2× for slides)…").tryQuery().isPresent());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);

        // what the menu's items do after their file chooser: the live heatmap snapshot at 2x, written as a PNG
        javafx.scene.Node heatmap = robot.lookup("#runHeatmap").query();
        Path live = dir.resolve("live/heatmap@2x.png");
        robot.interact(() -> new io.counterweight.app.chart.ChartSaveMenu(context.executor()).save(heatmap, live, 2));
        waitUntil(() -> Files.isRegularFile(live));
        BufferedImage shot = ImageIO.read(live.toFile());
        assertEquals(2 * heatmap.getLayoutBounds().getWidth(), shot.getWidth(), 2.0, "twice the node's width");
        assertEquals(2 * heatmap.getLayoutBounds().getHeight(), shot.getHeight(), 2.0, "twice the node's height");
        assertEquals(List.of(), errors.messages);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
