package io.counterweight.app.runs;

import io.counterweight.core.experiment.Prediction;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One predicted image: a thumbnail (decoded in the background by JavaFX), the file name and the top classes. */
final class PredictionCell extends ListCell<Prediction> {
    static final int THUMB = 48;

    private final ImageView thumb = new ImageView();
    private final Label file = new Label();
    private final Label classes = new Label();
    private final HBox box = new HBox(10, thumb, new VBox(2, file, classes));

    PredictionCell() {
        thumb.setFitWidth(THUMB);
        thumb.setFitHeight(THUMB);
        thumb.setPreserveRatio(true);
        thumb.setSmooth(false); // small training images stay crisp pixels
        file.getStyleClass().add("prediction-file");
        classes.getStyleClass().add("hint");
        file.setMinWidth(0);
        classes.setMinWidth(0);
    }

    @Override
    protected void updateItem(Prediction p, boolean empty) {
        super.updateItem(p, empty);
        if (empty || p == null) {
            setGraphic(null);
            thumb.setImage(null);
            return;
        }
        thumb.setImage(new Image(p.image().toUri().toString(), 4 * THUMB, 4 * THUMB, true, false, true));
        file.setText(p.image().getFileName().toString());
        classes.setText(RunPredictions.classes(p));
        setGraphic(box);
    }
}
