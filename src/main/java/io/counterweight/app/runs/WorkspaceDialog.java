package io.counterweight.app.runs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The workspace preference: the folder typed or chosen with a directory chooser. OK is enabled only for a
 * path this system can name; whether a run can be written there is checked by the view model afterwards.
 */
final class WorkspaceDialog extends Dialog<Path> {
    private final TextField field = new TextField();

    WorkspaceDialog(Window owner, Path current) {
        if (owner != null) {
            initOwner(owner);
            if (owner.getScene() != null) getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        setTitle("Workspace");
        setHeaderText("Where this window's runs go");
        field.setText(current == null ? "" : current.toString());
        field.setPrefColumnCount(42);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> choose());
        Label hint = new Label("Training, Compare and Repeat runs of this window go to this folder from now on, and the"
                + " Runs tab lists it. It must be writable; it is remembered for the next start.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        hint.setMaxWidth(560);
        VBox content = new VBox(10, new HBox(8, field, choose), hint);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> parse(field.getText()) == null, field.textProperty()));
        setResultConverter(b -> b == ButtonType.OK ? parse(field.getText()) : null);
        setOnShown(e -> {
            field.requestFocus();
            field.selectAll();
        });
    }

    private void choose() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Workspace folder");
        Path now = parse(field.getText());
        if (now != null && Files.isDirectory(now)) chooser.setInitialDirectory(now.toFile());
        File dir = chooser.showDialog(getDialogPane().getScene().getWindow());
        if (dir != null) field.setText(dir.getAbsolutePath());
    }

    /** The typed path, or null when blank or not a path on this system. */
    static Path parse(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Path.of(text.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    static Optional<Path> ask(Window owner, Path current) {
        return new WorkspaceDialog(owner, current).showAndWait();
    }
}
