package io.counterweight.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.AppContext;
import io.counterweight.app.MainViewModel.Screen;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.FixtureFolders;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.scene.chart.BarChart;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Sampler chart and the Augmentation preview wait while their tab is hidden (a load or every epoch
 * of a run would otherwise rebuild their nodes in frames nobody sees) and catch up when it is shown.
 */
@ExtendWith(ApplicationExtension.class)
class HiddenScreensWindowTest {
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Preferences prefs = Preferences.userRoot().node("io/counterweight/test-" + UUID.randomUUID());
    private AppContext context;

    @TempDir Path dir;

    @Start
    void start(Stage primary) {
        context = WindowTestSupport.show(new Stage(), dir.resolve("runs"), errors, prefs, 1270, 790);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.shutdown();
        org.testfx.api.FxToolkit.cleanupStages();
        prefs.removeNode();
    }

    @Test
    void hiddenScreensCatchUpWhenShown(FxRobot robot) throws Exception {
        var tabs = context.mainController().tabs().getTabs();
        BarChart<?, ?> samplerChart = robot.from(tabs.get(Screen.SAMPLER.ordinal()).getContent()).lookup("#chart").query();
        GridPane preview = robot.from(tabs.get(Screen.AUGMENTATION.ordinal()).getContent()).lookup("#previewGrid").query();
        int rendersBefore = context.augmentationViewModel().rendersProperty().get();

        Path folder = FixtureFolders.imageFolder(dir.resolve("shapes"), new int[] {24, 12, 6}, 4, 12);
        robot.interact(() -> context.dataViewModel().open(folder));
        WindowTestSupport.waitUntil(60, () -> context.workbench().selected() != null
                && context.augmentationViewModel().rendersProperty().get() > rendersBefore);
        assertEquals(Screen.DATA, context.mainViewModel().screenProperty().get());
        assertEquals(3, context.samplerViewModel().rows().size(), "the view model follows the data at once");
        assertNotNull(context.augmentationViewModel().previewProperty().get());
        assertEquals(List.of(), categories(samplerChart), "the hidden chart has not drawn the new classes");
        assertEquals(0, preview.getChildren().size(), "the hidden preview has no tiles yet");

        robot.interact(() -> context.mainViewModel().screenProperty().set(Screen.SAMPLER));
        WindowTestSupport.waitUntil(10, () -> categories(samplerChart).size() == 3);
        assertEquals(context.samplerViewModel().rows().stream().map(r -> r.name()).toList(), categories(samplerChart));

        robot.interact(() -> context.mainViewModel().screenProperty().set(Screen.AUGMENTATION));
        WindowTestSupport.waitUntil(10, () -> !preview.getChildren().isEmpty());
        assertTrue(preview.getChildren().size() > 3, "row labels and tiles");
        assertEquals(List.of(), errors.messages);
    }

    private static List<Object> categories(BarChart<?, ?> chart) {
        return chart.getData().isEmpty() ? List.of()
                : chart.getData().get(0).getData().stream().map(d -> (Object) d.getXValue()).toList();
    }
}
