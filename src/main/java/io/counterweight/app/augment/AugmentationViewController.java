package io.counterweight.app.augment;

import io.counterweight.app.common.WhenShown;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

/** Binds the Augmentation screen to its {@link AugmentationViewModel} and paints the preview grid. */
public final class AugmentationViewController {
    /** Preview tiles are scaled to about this many pixels, nearest-neighbour, so pixels stay crisp. */
    static final double TILE_PX = 100;

    private final AugmentationViewModel vm;

    @FXML private VBox transformBox;
    @FXML private GridPane previewGrid;
    @FXML private Button studyButton;
    @FXML private Button noneButton;

    public AugmentationViewController(AugmentationViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        for (TransformModel t : vm.transforms()) transformBox.getChildren().add(card(t));
        studyButton.disableProperty().bind(vm.workbench().busyProperty());
        noneButton.disableProperty().bind(vm.workbench().busyProperty());
        transformBox.disableProperty().bind(vm.workbench().busyProperty());
        // A hidden screen paints when shown: every load renders a new preview, and its tiles' nodes
        // cost the frame after the load while nobody looks at them.
        WhenShown repaint = new WhenShown(vm.shownProperty(), () -> paint(vm.previewProperty().get()));
        vm.previewProperty().addListener((o, a, grid) -> repaint.request());
        paint(vm.previewProperty().get());
    }

    private VBox card(TransformModel t) {
        ToggleSwitch on = new ToggleSwitch();
        on.selectedProperty().bindBidirectional(t.enabledProperty());
        on.setId("switch-" + id(t));
        Label title = new Label(t.name());
        title.getStyleClass().add("card-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(10, title, gap, on);
        Label description = new Label(t.description());
        description.getStyleClass().add("hint");
        description.setWrapText(true);
        VBox card = new VBox(6, head, description,
                sliderRow("probability", t.probabilityProperty(), "probability-" + id(t)));
        if (!t.name().startsWith("Horizontal")) {
            card.getChildren().add(sliderRow("magnitude", t.magnitudeProperty(), "magnitude-" + id(t)));
        }
        card.getStyleClass().addAll("card", "transform-card");
        card.getChildren().subList(1, card.getChildren().size()).forEach(n -> n.disableProperty().bind(t.enabledProperty().not()));
        return card;
    }

    private static HBox sliderRow(String label, javafx.beans.property.DoubleProperty value, String id) {
        Label name = new Label(label);
        name.setMinWidth(90);
        name.getStyleClass().add("slider-name");
        Slider slider = new Slider(0, 1, value.get());
        slider.setId(id);
        slider.setBlockIncrement(0.05);
        slider.valueProperty().bindBidirectional(value);
        HBox.setHgrow(slider, Priority.ALWAYS);
        Label shown = new Label();
        shown.getStyleClass().add("value");
        shown.setMinWidth(44);
        shown.textProperty().bind(value.asString(Locale.ROOT, "%.2f"));
        HBox row = new HBox(8, name, slider, shown);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static String id(TransformModel t) {
        return t.name().toLowerCase(Locale.ROOT).split(" ")[t.name().startsWith("Horizontal") ? 1 : 0];
    }

    private void paint(PreviewGrid grid) {
        previewGrid.getChildren().clear();
        if (grid == null) return;
        double scale = Math.max(1, Math.floor(TILE_PX / Math.max(grid.width(), grid.height())));
        for (int r = 0; r < grid.rows(); r++) {
            Label label = new Label(grid.rowLabels().get(r));
            label.getStyleClass().add("row-label");
            label.setMaxWidth(120);
            previewGrid.add(label, 0, r * 2, 1, 1);
            for (int c = 0; c < grid.columns(); c++) {
                WritableImage image = new WritableImage(grid.width(), grid.height());
                image.getPixelWriter().setPixels(0, 0, grid.width(), grid.height(), PixelFormat.getIntArgbInstance(),
                        grid.tile(r, c), 0, grid.width());
                ImageView view = new ImageView(image);
                view.setSmooth(false);
                view.setFitWidth(grid.width() * scale);
                view.setFitHeight(grid.height() * scale);
                view.getStyleClass().add(c == 0 ? "tile-original" : "tile");
                previewGrid.add(view, c + 1, r * 2);
                Label caption = new Label(grid.captions().get(r * grid.columns() + c).replace(" + ", "+"));
                caption.getStyleClass().add("tile-caption");
                caption.setMaxWidth(grid.width() * scale);
                GridPane.setHalignment(caption, HPos.CENTER);
                previewGrid.add(caption, c + 1, r * 2 + 1);
            }
        }
    }

    @FXML private void applyStudy() { vm.applyStudy(); }

    @FXML private void applyNone() { vm.applyNone(); }

    @FXML private void reroll() { vm.reroll(); }
}
