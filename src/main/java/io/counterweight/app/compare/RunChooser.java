package io.counterweight.app.compare;

import io.counterweight.core.experiment.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A dialog listing the run history; two or more runs picked (Ctrl/Shift-click), the first picked the reference. */
final class RunChooser {
    private RunChooser() { }

    static Optional<List<Path>> show(Window owner, ObservableList<RunSummary> history) {
        ListView<RunSummary> list = new ListView<>(history);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPrefSize(760, 420);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RunSummary r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : describe(r));
            }
        });
        list.setPlaceholder(new Label("Reading the run history …"));
        Dialog<List<Path>> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Compare runs");
        dialog.setHeaderText("Pick two or more runs (Ctrl-click); the first one picked is the reference.");
        dialog.getDialogPane().setContent(new VBox(8, list));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(javafx.beans.binding.Bindings.size(list.getSelectionModel().getSelectedIndices()).lessThan(2));
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? list.getSelectionModel().getSelectedItems().stream().map(RunSummary::runDir).toList() : null);
        return dialog.showAndWait();
    }

    static String describe(RunSummary r) {
        return String.format(Locale.ROOT, "%s · %s · %s · %s · %d/%d epochs · acc %s", r.name(), r.data(), r.model(), r.remedies(),
                r.epochsDone(), r.epochs(), Double.isFinite(r.accuracy()) ? String.format(Locale.ROOT, "%.1f %%", 100 * r.accuracy()) : "–");
    }
}
