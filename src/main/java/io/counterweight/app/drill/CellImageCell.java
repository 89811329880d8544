package io.counterweight.app.drill;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;

/**
 * One thumbnail of the grid with its true → predicted class and confidence. GridView reuses a few of these
 * while scrolling; a thumbnail that arrives after the cell moved on to another image is not shown.
 */
public final class CellImageCell extends GridCell<CellImage> {
    private final DrillDownViewModel vm;
    private final Thumbnails thumbnails;
    private final ImageView thumb = new ImageView();
    private final Label caption = new Label();
    private final Label confidence = new Label();
    private final VBox box = new VBox(2, thumb, caption, confidence);
    private volatile CellImage showing; // read by the thumbnail worker, which must not touch the node itself

    CellImageCell(DrillDownViewModel vm, Thumbnails thumbnails, double side) {
        this.vm = vm;
        this.thumbnails = thumbnails;
        thumb.setFitWidth(side);
        thumb.setFitHeight(side);
        thumb.setPreserveRatio(true);
        thumb.setSmooth(false); // small training images stay crisp pixels
        caption.getStyleClass().add("thumb-caption");
        confidence.getStyleClass().add("thumb-confidence");
        box.setAlignment(Pos.TOP_CENTER);
        getStyleClass().add("cell-image");
    }

    @Override
    protected void updateItem(CellImage item, boolean empty) {
        super.updateItem(item, empty);
        showing = empty ? null : item;
        if (empty || item == null) {
            thumb.setImage(null);
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        caption.setText(vm.caption(item));
        confidence.setText(String.format(Locale.ROOT, "%.1f %%", 100.0 * item.probability()));
        setAccessibleText("test image " + item.index() + ": true " + vm.name(item.truth()) + ", predicted "
                + vm.name(item.predicted()) + ", " + confidence.getText() + " confident");
        thumb.setImage(thumbnails.cached(item.index()));
        if (thumb.getImage() == null) thumbnails.request(item.index(), () -> showing == item, thumb::setImage);
        setGraphic(box);
    }

    /** Whether this cell shows an image with its thumbnail (tests count them). */
    public boolean showsThumbnail() {
        return getItem() != null && !isEmpty() && thumb.getImage() != null && getGraphic() == box;
    }
}
