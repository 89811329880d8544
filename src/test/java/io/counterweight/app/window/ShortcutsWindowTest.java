package io.counterweight.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.AppContext;
import io.counterweight.app.MainViewModel.Screen;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.FixtureFolders;
import io.counterweight.app.training.RunState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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
 * Every entry of the shortcut table, pressed on the real window: each key does what the F1 help says, and the
 * help lists exactly the table. A new shortcut without a check here fails the test.
 */
@ExtendWith(ApplicationExtension.class)
class ShortcutsWindowTest {
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
    void everyShortcutDoesWhatTheHelpSays(FxRobot robot) throws Exception {
        Path folder = FixtureFolders.imageFolder(dir.resolve("shapes"), new int[] {24, 12, 6}, 4, 12);
        robot.interact(() -> context.dataViewModel().open(folder));
        WindowTestSupport.waitUntil(60, () -> context.workbench().selected() != null);
        robot.interact(() -> {
            context.workbench().modelProperty().set("mlp");
            context.workbench().epochsProperty().set(5000); // long enough to pause and stop it
            context.workbench().batchProperty().set(8);
        });
        List<Shortcut> table = context.mainController().shortcuts();
        var vm = context.mainViewModel();
        var training = context.trainingViewModel();
        int[] opened = {0};
        Button open = robot.from(context.mainController().tabs().getTabs().get(0).getContent()).lookup("#openButton").query();
        robot.interact(() -> open.setOnAction(e -> opened[0]++)); // the folder chooser itself is the platform's

        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("Open a data set folder", keys -> {
            robot.interact(() -> vm.screenProperty().set(Screen.RUNS));
            press(robot, keys);
            assertEquals(Screen.DATA, vm.screenProperty().get());
            assertEquals(1, opened[0], "the Data tab's Open folder… was fired");
            opened[0] = 0;
        });
        checks.put("Start training, or pause / resume it", keys -> {
            press(robot, keys);
            assertEquals(RunState.RUNNING, training.stateProperty().get());
            assertEquals(Screen.TRAINING, vm.screenProperty().get());
            press(robot, keys);
            assertEquals(RunState.PAUSED, training.stateProperty().get());
            press(robot, keys);
            assertEquals(RunState.RUNNING, training.stateProperty().get());
        });
        checks.put("Stop training (or close this help)", keys -> {
            press(robot, keys);
            assertTrue(training.stateProperty().get() == RunState.STOPPING || training.stateProperty().get() == RunState.IDLE);
            WindowTestSupport.waitUntil(120, () -> training.stateProperty().get() == RunState.IDLE);
            robot.interact(() -> vm.helpShownProperty().set(true));
            press(robot, keys);
            assertFalse(vm.helpShownProperty().get(), "Esc closes the help first");
        });
        Screen[] screens = Screen.values();
        for (Screen s : screens) {
            String title = s.name().charAt(0) + s.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            checks.put("Show the " + title + " tab", keys -> {
                robot.interact(() -> vm.screenProperty().set(s == Screen.DATA ? Screen.RUNS : Screen.DATA));
                press(robot, keys);
                assertEquals(s, vm.screenProperty().get());
                assertEquals(s.ordinal(), context.mainController().tabs().getSelectionModel().getSelectedIndex());
            });
        }
        checks.put("Presenter mode on / off", keys -> {
            press(robot, keys);
            assertTrue(vm.presenterProperty().get());
            assertTrue(stage.getScene().getRoot().getStyleClass().contains("presenter"));
            press(robot, keys);
            assertFalse(vm.presenterProperty().get());
            assertFalse(stage.getScene().getRoot().getStyleClass().contains("presenter"));
        });
        checks.put("Dark theme on / off", keys -> {
            press(robot, keys);
            assertTrue(stage.getScene().getStylesheets().stream().anyMatch(u -> u.endsWith("dark.css")));
            press(robot, keys);
            assertTrue(stage.getScene().getStylesheets().stream().noneMatch(u -> u.endsWith("dark.css")));
        });
        checks.put("This help on / off", keys -> {
            press(robot, keys);
            Node help = robot.lookup("#helpOverlay").query();
            assertTrue(help.isVisible());
            press(robot, keys);
            assertFalse(help.isVisible());
        });
        checks.put("Next step of the lesson (presenter mode)", keys -> {
            robot.interact(() -> {
                vm.presenterProperty().set(true);
                context.mainController().tabs().requestFocus(); // as a click on a header: the shown screen gets the focus (ScreenTabs)
            });
            int before = vm.lesson().indexProperty().get();
            press(robot, keys);
            assertEquals(before + 1, vm.lesson().indexProperty().get());
            assertEquals(Lesson.STEPS.get(before + 1).screen(), vm.screenProperty().get(), "the step's tab, not the next tab");
            robot.interact(() -> vm.presenterProperty().set(false));
            press(robot, keys);
            assertEquals(before + 1, vm.lesson().indexProperty().get(), "outside presenter mode the key is the focused control's");
        });
        checks.put("Previous step of the lesson (presenter mode)", keys -> {
            robot.interact(() -> {
                vm.presenterProperty().set(true);
                vm.lesson().go(3);
            });
            press(robot, keys);
            assertEquals(2, vm.lesson().indexProperty().get());
            robot.interact(() -> vm.presenterProperty().set(false));
        });

        assertEquals(checks.keySet(), new java.util.LinkedHashSet<>(table.stream().map(Shortcut::description).toList()),
                "every shortcut has a check, every check a shortcut");
        for (Shortcut s : table) {
            for (KeyCombination k : s.keys()) {
                robot.interact(() -> stage.getScene().getRoot().requestFocus());
                checks.get(s.description()).run((KeyCodeCombination) k);
            }
        }

        // The help lists the table: each entry's keys and words, in order.
        robot.interact(() -> vm.helpShownProperty().set(true));
        List<String> shown = new ArrayList<>();
        robot.lookup("#helpOverlay .help-keys").queryAllAs(Label.class).forEach(l -> shown.add(l.getText()));
        assertEquals(table.stream().map(Shortcut::keysText).toList(), shown);
        assertEquals(List.of(), errors.messages);
    }

    @FunctionalInterface
    private interface Check {
        void run(KeyCodeCombination keys) throws Exception;
    }

    /** Presses the combination (Ctrl/Shortcut first) on the focused window. */
    private static void press(FxRobot robot, KeyCodeCombination k) {
        List<KeyCode> codes = new ArrayList<>();
        if (k.getShortcut() == KeyCombination.ModifierValue.DOWN || k.getControl() == KeyCombination.ModifierValue.DOWN) {
            codes.add(KeyCode.CONTROL);
        }
        codes.add(k.getCode());
        robot.push(codes.toArray(KeyCode[]::new));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
