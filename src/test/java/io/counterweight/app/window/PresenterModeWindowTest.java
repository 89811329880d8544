package io.counterweight.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.AppContext;
import io.counterweight.app.chart.ConfusionHeatmap;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.FixtureFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
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
 * Presenter mode and the dark theme on the real window, headless. Fonts are set in CSS pixels, which do not
 * depend on the window's size, so "no text under 20 px at 1920x1080" is checked on the headless screen as is:
 * every visible Labeled and Text of every lesson step's tab is at least 20 px.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterModeWindowTest {
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Preferences prefs = Preferences.userRoot().node("io/counterweight/test-" + UUID.randomUUID());
    private AppContext context;
    private Stage stage;

    @TempDir Path dir;

    @Start
    void start(Stage primary) {
        stage = new Stage(); // its own: presenter mode resizes it
        context = WindowTestSupport.show(stage, dir.resolve("runs"), errors, prefs, 1270, 790);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.shutdown();
        org.testfx.api.FxToolkit.cleanupStages();
        prefs.removeNode();
    }

    @Test
    void presenterModeEnlargesEveryTextHidesTheDetailsAndWalksTheLesson(FxRobot robot) throws Exception {
        Path folder = FixtureFolders.imageFolder(dir.resolve("shapes"), new int[] {24, 12, 6}, 4, 12);
        robot.interact(() -> context.dataViewModel().open(folder));
        WindowTestSupport.waitUntil(60, () -> context.workbench().selected() != null);
        Node recipe = robot.lookup("#modelChoice").query().getParent();
        assertTrue(recipe.isVisible() && smallestFont(stage.getScene().getRoot()) < 20, "the normal window has small print");

        robot.interact(() -> context.mainViewModel().presenterProperty().set(true));
        var lesson = context.mainViewModel().lesson();
        assertTrue(stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("presenter.css")));
        assertTrue(stage.isFullScreen());
        assertFalse(recipe.isVisible() || recipe.isManaged(), "the recipe fields leave the layout");
        assertEquals(0, lesson.indexProperty().get(), "presenter mode opens the lesson at its first step");
        assertEquals(0.01, context.workbench().imbalanceProperty().get(), 0, "step 1 sets the long tail up");
        assertTrue(robot.lookup("#lessonSentence").queryLabeled().getText().startsWith("A long tail"));
        robot.interact(() -> context.dataViewModel().open(folder)); // a data set loaded now keeps the lesson's tail
        WindowTestSupport.waitUntil(60, () -> !context.dataViewModel().loadingProperty().get());
        assertEquals(0.01, context.workbench().imbalanceProperty().get(), 0);

        for (int step = 0; step < Lesson.STEPS.size(); step++) {
            int i = step;
            robot.interact(() -> lesson.go(i));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(Lesson.STEPS.get(i).screen(), context.mainViewModel().screenProperty().get());
            List<String> small = smallTexts(stage.getScene().getRoot(), 20);
            assertEquals(List.of(), small, "text under 20 px on step " + (i + 1));
        }
        assertTrue(context.workbench().samplerProperty().get(), "the sampler step switched the sampler on");
        assertTrue(context.workbench().augmentProperty().get().rotation().enabled(), "the augmentation step switched them on");
        ConfusionHeatmap heatmap = robot.lookup("#heatmap").query();
        assertEquals(1.8, heatmap.fontScaleProperty().get(), 1e-9, "the canvas heatmap's labels grow too");

        robot.interact(() -> context.mainViewModel().presenterProperty().set(false));
        assertTrue(recipe.isVisible() && recipe.isManaged(), "leaving presenter mode brings the details back");
        assertFalse(stage.isFullScreen());
        assertTrue(stage.getScene().getStylesheets().stream().noneMatch(s -> s.endsWith("presenter.css")));
        assertEquals(List.of(), errors.messages);
    }

    @Test
    void theDarkThemeAppliesItsStylesheetAndIsRemembered(FxRobot robot) {
        ConfusionHeatmap heatmap = robot.lookup("#heatmap").query();
        assertEquals(Color.web("#37474f"), heatmap.labelColorProperty().get());
        robot.interact(() -> context.mainViewModel().darkThemeProperty().set(true));
        assertTrue(stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        assertEquals(Color.web("#dfe7ec"), heatmap.labelColorProperty().get(), "the canvas labels follow the theme");
        assertTrue(prefs.getBoolean(ThemePreference.KEY, false));
        assertTrue(new ThemePreference(prefs).dark(), "a new window opens dark");

        robot.interact(() -> context.mainViewModel().darkThemeProperty().set(false));
        assertTrue(stage.getScene().getStylesheets().stream().noneMatch(s -> s.endsWith("dark.css")));
        assertEquals(Color.web("#37474f"), heatmap.labelColorProperty().get());
        assertFalse(prefs.getBoolean(ThemePreference.KEY, true));
    }

    /** "text 'epoch' 13.0 px" for every shown Labeled or Text with text, whose font is under {@code px}. */
    static List<String> smallTexts(Node root, double px) {
        List<String> out = new ArrayList<>();
        walk(root, n -> {
            String text = n instanceof Labeled l ? l.getText() : n instanceof Text t ? t.getText() : null;
            double size = n instanceof Labeled l ? l.getFont().getSize() : n instanceof Text t ? t.getFont().getSize() : px;
            if (text != null && !text.isBlank() && size < px) out.add(n.getClass().getSimpleName() + " '" + text + "' " + size + " px");
        });
        return out;
    }

    static double smallestFont(Node root) {
        double[] min = {Double.MAX_VALUE};
        walk(root, n -> {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) min[0] = Math.min(min[0], l.getFont().getSize());
        });
        return min[0];
    }

    /** Visits the nodes that are shown: a hidden node's subtree is skipped. */
    private static void walk(Node n, java.util.function.Consumer<Node> visit) {
        if (!n.isVisible() || n.getOpacity() == 0) return;
        visit.accept(n);
        if (n instanceof Parent p) p.getChildrenUnmodifiable().forEach(c -> walk(c, visit));
    }
}
