package io.counterweight.app.window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Presenter mode on the window's nodes: full screen (Esc is then left to the shortcuts), the {@code presenter}
 * style class on the root (presenter.css: large type, high contrast), and every node marked
 * {@code presenter-hidden} in the views taken out of the layout, so only the controls the story needs remain.
 */
public final class PresenterMode {
    public static final String HIDDEN = "presenter-hidden";

    private record Saved(Node node, boolean visible, boolean managed) { }

    private final Parent root;
    private final List<Saved> hidden = new ArrayList<>();
    private Rectangle2D windowed; // the window's bounds before presenter mode

    public PresenterMode(Parent root) {
        this.root = root;
    }

    public void apply(boolean on) {
        if (on == root.getStyleClass().contains("presenter")) return;
        Stage stage = root.getScene() != null && root.getScene().getWindow() instanceof Stage s ? s : null;
        if (on) {
            root.getStyleClass().add("presenter");
            walk(root, n -> {
                // a node whose visibility a screen binds is its screen's to show
                if (n.getStyleClass().contains(HIDDEN) && !n.visibleProperty().isBound() && !n.managedProperty().isBound()) {
                    hidden.add(new Saved(n, n.isVisible(), n.isManaged()));
                    n.setVisible(false);
                    n.setManaged(false);
                }
            });
            if (stage != null) {
                stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc stops training; F11 leaves
                stage.setFullScreenExitHint("F11 leaves presenter mode");
                windowed = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
                // the whole screen also where full screen is not granted (an X server without a window manager)
                Rectangle2D screen = Screen.getScreensForRectangle(windowed).stream().findFirst()
                        .orElse(Screen.getPrimary()).getBounds();
                stage.setX(screen.getMinX());
                stage.setY(screen.getMinY());
                stage.setWidth(screen.getWidth());
                stage.setHeight(screen.getHeight());
                stage.setFullScreen(true);
            }
        } else {
            root.getStyleClass().remove("presenter");
            for (Saved s : hidden) {
                s.node().setManaged(s.managed());
                s.node().setVisible(s.visible());
            }
            hidden.clear();
            if (stage != null) {
                stage.setFullScreen(false);
                if (windowed != null) {
                    stage.setX(windowed.getMinX());
                    stage.setY(windowed.getMinY());
                    stage.setWidth(windowed.getWidth());
                    stage.setHeight(windowed.getHeight());
                }
            }
        }
    }

    /** Every node under {@code n}, including the contents of tabs, scroll, split and titled panes not yet skinned. */
    static void walk(Node n, Consumer<Node> visit) {
        visit.accept(n);
        if (n instanceof TabPane t) t.getTabs().forEach(tab -> { if (tab.getContent() != null) walk(tab.getContent(), visit); });
        else if (n instanceof ScrollPane s && s.getContent() != null) walk(s.getContent(), visit);
        else if (n instanceof SplitPane s) s.getItems().forEach(i -> walk(i, visit));
        else if (n instanceof TitledPane t && t.getContent() != null) walk(t.getContent(), visit);
        else if (n instanceof Parent p) p.getChildrenUnmodifiable().forEach(c -> walk(c, visit));
    }
}
