package io.counterweight.app.window;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The window's screens, one tab each, as a tab pane that never takes the keyboard focus itself: a click on a
 * tab header, or Ctrl+1..7, gives it to the shown screen instead.
 *
 * <p>Why: JavaFX's default style has a rule for a focused tab pane, so each time the tab pane gained or lost
 * the focus, JavaFX restyled every node under it, all seven screens (about 2,400 nodes), visible or not. That
 * happened at the first click on a tab header and again at the next click on a button (typically Start): in
 * the window, a CSS pass of 120–220 ms at the first one and a slow first Start (docs/reliability.md, "A
 * responsive window"). A screen's root has no focus-dependent style, so focusing it restyles nothing.
 * Keyboard users lose only the arrow keys on the tab headers; Ctrl+1..7 switch screens.
 */
public class ScreenTabs extends TabPane {
    public ScreenTabs() {
        setFocusTraversable(false);
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> focusContent(now));
    }

    /** The tab pane's own behaviour asks for the focus on a click on a header: the shown screen gets it. */
    @Override
    public void requestFocus() {
        focusContent(getSelectionModel().getSelectedItem());
    }

    private void focusContent(Tab tab) {
        Node content = tab == null ? null : tab.getContent();
        if (content != null && content.getScene() != null) content.requestFocus();
    }
}
