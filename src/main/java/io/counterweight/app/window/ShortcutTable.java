package io.counterweight.app.window;

import io.counterweight.app.MainViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.counterweight.app.chart.ConfusionHeatmap;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard shortcuts, as one table: {@link #install} listens for them and the F1 help overlay lists
 * them, so the help cannot say something the keys do not do. Keys are handled when the focused control has not
 * used them (bubbling), so Esc still closes a drop-down and the arrow keys still move a slider.
 */
public final class ShortcutTable {
    private ShortcutTable() { }

    public static List<Shortcut> of(WindowActions a) {
        List<Shortcut> table = new ArrayList<>();
        table.add(Shortcut.of(ctrl(KeyCode.O), "Open a data set folder", a::openData));
        table.add(Shortcut.of(new KeyCodeCombination(KeyCode.F5), "Start training, or pause / resume it", a::startOrPause));
        table.add(Shortcut.of(new KeyCodeCombination(KeyCode.ESCAPE), "Stop training (or close this help)", a::escape));
        MainViewModel.Screen[] screens = MainViewModel.Screen.values();
        for (int i = 0; i < screens.length; i++) {
            MainViewModel.Screen s = screens[i];
            table.add(Shortcut.of(ctrl(KeyCode.getKeyCode(Integer.toString(i + 1))), "Show the " + title(s) + " tab", () -> a.show(s)));
        }
        table.add(Shortcut.of(new KeyCodeCombination(KeyCode.F11), "Presenter mode on / off", a::togglePresenter));
        table.add(Shortcut.of(ctrl(KeyCode.D), "Dark theme on / off", a::toggleDarkTheme));
        table.add(Shortcut.of(new KeyCodeCombination(KeyCode.F1), "This help on / off", a::toggleHelp));
        table.add(Shortcut.beforeFocused(List.of(new KeyCodeCombination(KeyCode.RIGHT), new KeyCodeCombination(KeyCode.PAGE_DOWN)),
                "Next step of the lesson (presenter mode)", () -> a.lessonStep(1)));
        table.add(Shortcut.beforeFocused(List.of(new KeyCodeCombination(KeyCode.LEFT), new KeyCodeCombination(KeyCode.PAGE_UP)),
                "Previous step of the lesson (presenter mode)", () -> a.lessonStep(-1)));
        return List.copyOf(table);
    }

    /** Listens for the table's keys on {@code scene}; a key its action did not use (a lesson key outside a lesson) goes on. */
    public static void install(Scene scene, List<Shortcut> table) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (usesItsKeys(scene.getFocusOwner())) return;
            for (Shortcut s : table) {
                if (s.beforeFocusedControl() && s.matches(e) && s.action().getAsBoolean()) e.consume();
            }
        });
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            for (Shortcut s : table) {
                if (s.matches(e)) {
                    if (s.action().getAsBoolean()) e.consume();
                    return;
                }
            }
        });
    }

    private static boolean usesItsKeys(Node focused) {
        return focused instanceof Slider || focused instanceof TextInputControl || focused instanceof Spinner<?>
                || focused instanceof ConfusionHeatmap || focused instanceof TableView<?> || focused instanceof ListView<?>;
    }

    private static KeyCombination ctrl(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static String title(MainViewModel.Screen s) {
        String n = s.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
