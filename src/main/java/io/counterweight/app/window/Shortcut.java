package io.counterweight.app.window;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * One entry of the shortcut table: the keys (any of them), what they do in words, and the action, which says
 * whether it used the key (a lesson key outside presenter mode is left to the focused control).
 */
public record Shortcut(List<KeyCombination> keys, String description, BooleanSupplier action, boolean beforeFocusedControl) {
    public Shortcut {
        keys = List.copyOf(keys);
    }

    /**
     * A shortcut that comes before the focused control unless that control edits or moves a value with its keys
     * (a slider, a text field, the heatmap's cursor): the lesson's arrows must not switch a focused tab header.
     */
    public static Shortcut beforeFocused(List<KeyCombination> keys, String description, BooleanSupplier action) {
        return new Shortcut(keys, description, action, true);
    }

    /** A shortcut that always uses its key. */
    public static Shortcut of(KeyCombination key, String description, Runnable action) {
        return new Shortcut(List.of(key), description, () -> {
            action.run();
            return true;
        }, false);
    }

    /** "Ctrl+O", "Right or Page Down" */
    public String keysText() {
        return keys.stream().map(KeyCombination::getDisplayText).collect(Collectors.joining(" or "));
    }

    public boolean matches(KeyEvent e) {
        return keys.stream().anyMatch(k -> k.match(e));
    }
}
