package io.counterweight.app.drill;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.GridView;

/** The drill-down window: a title, a status line and the virtualised grid of the cell's thumbnails. */
final class DrillDownView {
    static final double THUMB = 96;

    private final Stage stage = new Stage();
    private final GridView<CellImage> grid;

    DrillDownView(DrillDownViewModel vm, Thumbnails thumbnails, Window owner) {
        grid = new GridView<>(vm.images());
        grid.setId("drillGrid");
        grid.setCellWidth(THUMB + 44);
        grid.setCellHeight(THUMB + 44);
        grid.setHorizontalCellSpacing(6);
        grid.setVerticalCellSpacing(6);
        grid.setCellFactory(g -> new CellImageCell(vm, thumbnails, THUMB));
        Label title = new Label();
        title.setId("drillTitle");
        title.getStyleClass().add("card-title");
        title.textProperty().bind(vm.titleProperty());
        Label status = new Label();
        status.setId("drillStatus");
        status.getStyleClass().add("hint");
        status.textProperty().bind(vm.statusProperty());
        BorderPane root = new BorderPane(grid, new VBox(4, title, status), null, null, null);
        root.getStyleClass().addAll("screen", "drill-down");
        Scene scene = new Scene(root, 760, 560);
        if (owner != null && owner.getScene() != null) {
            javafx.beans.binding.Bindings.bindContent(scene.getStylesheets(), owner.getScene().getStylesheets()); // the window's theme follows
            stage.initOwner(owner);
        }
        scene.setOnKeyPressed(e -> { if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) stage.hide(); });
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        if (owner != null) { // beside the heatmap rather than over it, as far as the screen allows
            stage.setX(owner.getX() + Math.max(0, owner.getWidth() - 780));
            stage.setY(owner.getY() + 60);
        }
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() { return stage; }
}
