package io.counterweight.app.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Styles a look of the window once, without drawing it, so that the first time the window really takes
 * it the restyle is cheap. A session's first Start disabled 134 nodes whose styles JavaFX had never computed
 * in the disabled state, in code the JIT had not compiled: that pulse's CSS pass took 8–52 ms in
 * {@code BusyLookBench} and 24–77 ms in the window under training load, against 2–10 ms for later Starts
 * (docs/reliability.md). With it the first Start's pass still took 26–80 ms in some sessions; most of that
 * turned out to be the tab pane losing the focus to the Start button, which restyled all seven screens
 * ({@link io.counterweight.app.window.ScreenTabs} removed it). Here the flag is set, CSS is applied at once to
 * each node whose disabled state changed,
 * and the flag is cleared, all in one FX event: no pulse runs in between, so nothing is shown, and the next
 * pulse restyles those nodes back from styles now cached.
 */
public final class LookWarmUp {
    private LookWarmUp() { }

    /**
     * Sets {@code flag}, styles the nodes under {@code root} that it disabled, clears it. Call on the FX
     * thread while the flag is false and nothing else listens to it for effect. Returns how many subtrees
     * were styled (0: the flag disables nothing, or is already set).
     */
    public static int disabledLook(Parent root, BooleanProperty flag) {
        if (flag.get()) return 0;
        List<Node> enabled = new ArrayList<>();
        collectEnabled(root, enabled);
        flag.set(true);
        int styled = 0;
        try {
            for (Node n : enabled) {
                // the topmost node of each newly disabled subtree (all were enabled, so its parent still is):
                // its applyCss styles the whole subtree
                if (n.isDisabled() && (n.getParent() == null || !n.getParent().isDisabled())) {
                    n.applyCss();
                    styled++;
                }
            }
        } finally {
            flag.set(false);
        }
        return styled;
    }

    private static void collectEnabled(Node n, List<Node> out) {
        if (n.isDisabled()) return; // already disabled: its look is styled
        out.add(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collectEnabled(c, out);
    }
}
