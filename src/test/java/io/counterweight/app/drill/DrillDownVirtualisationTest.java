package io.counterweight.app.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A cell of 5,000 images in the real drill-down window: jumping through it keeps a bounded number of
 * thumbnail cells (the grid is virtualised), and at the end the cells in view show the last images, each
 * with its thumbnail rendered.
 */
@ExtendWith(ApplicationExtension.class)
class DrillDownVirtualisationTest {
    private static final int IMAGES = 5_000;
    private final ManyImagesCell cell = new ManyImagesCell(IMAGES);
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        ManyImagesCell.owner(stage);
    }

    @AfterEach
    void tearDown() throws Exception {
        cell.shutdown();
    }

    @Test
    void fiveThousandImagesNeedAFewDozenCellsAndTheLastOnesShowTheirThumbnails() throws Exception {
        cell.open(owner);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(cell::allVisibleShown).get());
        for (int step = 1; step <= 10; step++) { // jumps through the grid's rows to the last one
            int tenth = step;
            WaitForAsyncUtils.asyncFx(() -> cell.flow().scrollTo((cell.flow().getCellCount() - 1) * tenth / 10)).get();
            WaitForAsyncUtils.waitForFxEvents();
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(cell::allVisibleShown).get());
        int nodes = WaitForAsyncUtils.asyncFx(() -> cell.cells().size()).get();
        assertTrue(nodes < 200, nodes + " thumbnail cells for " + IMAGES + " images");
        List<CellImage> shown = WaitForAsyncUtils.asyncFx(() -> cell.visibleCells().stream().map(CellImageCell::getItem).toList()).get();
        assertTrue(shown.stream().anyMatch(i -> i.index() == IMAGES - 1), "the last image is in view: " + shown);
        for (CellImage image : shown) assertEquals(0, image.truth());
        assertEquals(List.of(), cell.errors.messages);
    }
}
