package io.counterweight.app.drill;

import io.counterweight.app.CounterweightApp;
import io.counterweight.app.common.FxTaskExecutor;
import io.counterweight.app.services.CoreAugmentService;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.bench.RandomImages;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.metrics.Predictions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
import org.testfx.util.WaitForAsyncUtils;

/**
 * For the drill-down's test and benchmark: the real drill-down window on one confusion cell of thousands of
 * generated 32×32 colour images (CIFAR's shape, pixels as a reader lays them out), most confident first.
 * Image {@code i} of the split is the cell's {@code i}-th most confident one.
 */
final class ManyImagesCell {
    static final ImageShape SHAPE = new ImageShape(3, 32, 32);

    final CollectingErrorReporter errors = new CollectingErrorReporter();
    final DrillDown drill = new DrillDown(new FxTaskExecutor(errors), errors, new CoreAugmentService(), Platform::runLater);
    private final int images;

    ManyImagesCell(int images) {
        this.images = images;
    }

    /** An owner window with the app's style sheet, which the drill-down window takes over. FX thread. */
    static void owner(Stage stage) {
        Scene scene = new Scene(new Label("owner"), 300, 200);
        scene.getStylesheets().add(CounterweightApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    /** Opens cell (0 → 1) and waits until its images are listed. */
    void open(Stage owner) throws Exception {
        int n = images + 100; // and 100 images in another cell
        ImageSplit split = RandomImages.split(SHAPE, n, 2, 11);
        int[] truth = new int[n], predicted = new int[n];
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i < images ? 0 : 1;
            predicted[i] = 1;
            p[i] = 1f - i / (float) n; // strictly falling: the cell lists image i at place i
        }
        CellSource source = CellSource.inMemory(new Predictions(truth, predicted, p), split);
        WaitForAsyncUtils.asyncFx(() -> drill.show(owner, source, "bench", 1, 0, 1, List.of("cat", "dog"))).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> drill.viewModel().images().size() == images);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    GridView<CellImage> grid() {
        return (GridView<CellImage>) drill.window().getScene().lookup("#drillGrid");
    }

    VirtualFlow<?> flow() {
        return (VirtualFlow<?>) grid().lookup(".virtual-flow");
    }

    /** Every thumbnail cell node the grid holds, shown or kept for reuse. FX thread. */
    List<CellImageCell> cells() {
        return grid().lookupAll(".cell-image").stream().filter(CellImageCell.class::isInstance).map(CellImageCell.class::cast).toList();
    }

    /** The cells with an image inside the grid's viewport. FX thread. */
    List<CellImageCell> visibleCells() {
        Bounds view = flow().localToScene(flow().getLayoutBounds());
        return cells().stream()
                .filter(c -> c.getItem() != null && !c.isEmpty() && c.isVisible() && c.getParent() != null && c.getParent().isVisible())
                .filter(c -> view.intersects(c.localToScene(c.getLayoutBounds())))
                .toList();
    }

    /** Whether every cell in the viewport shows its thumbnail. FX thread. */
    boolean allVisibleShown() {
        List<CellImageCell> visible = visibleCells();
        return !visible.isEmpty() && visible.stream().allMatch(CellImageCell::showsThumbnail);
    }

    void shutdown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (drill.window() != null) drill.window().hide();
            drill.shutdown();
        }).get(30, TimeUnit.SECONDS);
    }
}
