package io.counterweight.app.window;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.AppContext;
import io.counterweight.app.MainViewModel.Screen;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.PulseTimer;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The screens' tab pane never holds the keyboard focus: a click on a tab header gives it to the shown screen,
 * so neither that click nor the next click on a button changes the tab pane's focused state, which would make
 * JavaFX restyle every node of all seven screens in the next pulse (see {@link ScreenTabs}).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenTabsWindowTest {
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
    void aClickOnATabHeaderFocusesTheScreenNotTheTabPane(FxRobot robot) {
        TabPane tabs = context.mainController().tabs();
        Node training = tabs.getTabs().get(Screen.TRAINING.ordinal()).getContent();
        robot.clickOn("4  Training");
        assertSame(training, tabs.getSelectionModel().getSelectedItem().getContent());
        assertSame(training, tabs.getScene().getFocusOwner(), "the shown screen has the focus");
        assertFalse(tabs.isFocused());
        robot.clickOn("3  Augmentation");
        assertSame(tabs.getTabs().get(Screen.AUGMENTATION.ordinal()).getContent(), tabs.getScene().getFocusOwner());
        assertTrue(errors.messages.isEmpty(), errors.messages::toString);
    }

    @Test
    void focusMovesWithoutMarkingTheTabPaneForARestyle(FxRobot robot) {
        TabPane tabs = context.mainController().tabs();
        robot.interact(() -> {
            // what a click on a header does (TabPaneBehavior asks for the focus), then a click on a button;
            // in one FX event, so no pulse clears the flag in between
            tabs.getSelectionModel().select(Screen.DATA.ordinal());
            tabs.requestFocus();
            assertFalse(tabs.isFocused());
            assertNotEquals("UPDATE", PulseTimer.cssFlag(tabs), "a focus change on the tab pane restyles all it holds");
            Button open = (Button) tabs.getTabs().get(Screen.DATA.ordinal()).getContent().lookup("#openButton");
            open.requestFocus();
            assertSame(open, tabs.getScene().getFocusOwner());
            assertNotEquals("UPDATE", PulseTimer.cssFlag(tabs));
        });
    }
}
