package io.counterweight.app.window;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The F1 help: every entry of the shortcut table, keys and what they do, over a dimmed window. */
public final class HelpOverlay extends StackPane {
    public HelpOverlay(List<Shortcut> table, Runnable close) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        for (int row = 0; row < table.size(); row++) {
            Shortcut s = table.get(row);
            Label keys = new Label(s.keysText());
            keys.getStyleClass().add("help-keys");
            Label what = new Label(s.description());
            what.getStyleClass().add("help-description");
            grid.addRow(row, keys, what);
        }
        Label title = new Label("Keyboard");
        title.getStyleClass().add("card-title");
        Label footer = new Label("F1 or Esc closes this help");
        footer.getStyleClass().add("hint");
        VBox card = new VBox(12, title, grid, footer);
        card.getStyleClass().addAll("card", "help-card");
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        getStyleClass().add("help-overlay");
        setId("helpOverlay");
        setOnMouseClicked(e -> { if (e.getTarget() == this) close.run(); });
    }
}
