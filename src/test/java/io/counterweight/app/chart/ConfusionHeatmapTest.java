package io.counterweight.app.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Canvas heatmap on screen (headless): values, hover text, colours of the drawn cells. */
@ExtendWith(ApplicationExtension.class)
class ConfusionHeatmapTest {
    private ConfusionHeatmap heatmap;

    @Start
    void start(Stage stage) {
        heatmap = new ConfusionHeatmap();
        stage.setScene(new Scene(heatmap, 600, 600));
        stage.show();
    }

    @Test
    void rawAndNormalisedValuesAndHover(FxRobot robot) {
        long[][] m = {{8, 2, 0}, {1, 3, 0}, {0, 0, 0}};
        robot.interact(() -> {
            heatmap.classNamesProperty().set(List.of("cat", "dog", "eel"));
            heatmap.matrixProperty().set(ConfusionMatrix.of(m));
        });
        assertEquals(2, heatmap.displayedValue(0, 1), 0);
        robot.interact(() -> heatmap.normalisedProperty().set(true));
        assertEquals(0.2, heatmap.displayedValue(0, 1), 1e-12, "row-normalised: 2 of 10 cats");
        assertEquals(0, heatmap.displayedValue(2, 2), 0, "an empty row stays 0, not NaN");

        HeatmapLayout l = HeatmapLayout.fit(3, 600 - 64 - 8, 600, i -> List.of("cat", "dog", "eel").get(i));
        robot.interact(() -> heatmap.hover(l.left() + 1.5 * l.cell(), l.top() + 0.5 * l.cell()));
        assertEquals("true: cat\npredicted: dog\n2 of 10 images (20.0 %)", heatmap.hoverTextProperty().get());

        // Normalised cells sit on a fixed 0–1 scale: 8 of 10 cats is viridis(0.8), an empty cell viridis(0).
        WritableImage shot = snapshot(robot);
        var px = shot.getPixelReader();
        assertClose(Viridis.at(0.8), px.getColor((int) (l.left() + 0.3 * l.cell()), (int) (l.top() + 0.2 * l.cell())));
        assertClose(Viridis.at(0), px.getColor((int) (l.left() + 2.7 * l.cell()), (int) (l.top() + 0.2 * l.cell())));
    }

    @Test
    void fiftyClassesLayOutWithThinnedLabels(FxRobot robot) {
        int k = 50;
        long[][] m = new long[k][k];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add("class number " + c);
            m[c][c] = 90;
            m[c][(c + 7) % k] = 10;
        }
        robot.interact(() -> {
            heatmap.classNamesProperty().set(names);
            heatmap.matrixProperty().set(ConfusionMatrix.of(m));
        });
        HeatmapLayout l = HeatmapLayout.fit(k, 600 - 64 - 8, 600, names::get);
        assertTrue(l.labelStep() > 1);
        robot.interact(() -> heatmap.hover(l.left() + 7.5 * l.cell(), l.top() + 0.5 * l.cell()));
        assertTrue(heatmap.hoverTextProperty().get().startsWith("true: class number 0\npredicted: class number 7\n10 of 100"),
                heatmap.hoverTextProperty().get());
    }

    @Test
    void arrowKeysReadCellsAloudAndEnterOrAClickActivatesThem(FxRobot robot) {
        long[][] m = {{36, 12, 2}, {1, 3, 0}, {0, 0, 0}};
        List<int[]> activated = new ArrayList<>();
        robot.interact(() -> {
            heatmap.classNamesProperty().set(List.of("cat", "dog", "eel"));
            heatmap.matrixProperty().set(ConfusionMatrix.of(m));
            heatmap.setOnCellActivated((t, p) -> activated.add(new int[] {t, p}));
            heatmap.requestFocus();
        });
        assertEquals("confusion matrix of 3 classes; arrow keys read the cells", heatmap.getAccessibleText());
        robot.type(KeyCode.ENTER);
        assertEquals(0, activated.size(), "no cell is chosen before the first arrow key");

        robot.type(KeyCode.RIGHT); // the first arrow puts the cursor on the top-left cell
        assertEquals("true cat, predicted cat: 36 images, 72% of cat", heatmap.getAccessibleText());
        robot.type(KeyCode.RIGHT);
        assertEquals("true cat, predicted dog: 12 images, 24% of cat", heatmap.getAccessibleText());
        robot.type(KeyCode.DOWN);
        assertEquals("true dog, predicted dog: 3 images, 75% of dog", heatmap.getAccessibleText());
        robot.type(KeyCode.DOWN, KeyCode.DOWN); // wraps from the last row to the first
        assertEquals("true cat, predicted dog: 12 images, 24% of cat", heatmap.getAccessibleText());
        robot.type(KeyCode.ENTER);
        assertEquals(1, activated.size());
        assertArrayEquals(new int[] {0, 1}, activated.get(0));

        HeatmapLayout l = HeatmapLayout.fit(3, 600 - 64 - 8, 600, i -> List.of("cat", "dog", "eel").get(i));
        robot.interact(() -> heatmap.click(l.left() + 0.5 * l.cell(), l.top() + 1.5 * l.cell()));
        assertArrayEquals(new int[] {1, 0}, activated.get(1), "a click activates the cell under it");
        assertArrayEquals(new int[] {1, 0}, heatmap.cursor(), "and moves the cursor there");
        assertEquals("true dog, predicted cat: 1 image, 25% of dog", heatmap.getAccessibleText());
        robot.interact(() -> heatmap.moveCursor(2, 2));
        assertEquals("true eel, predicted eel: 0 images, 0% of eel", heatmap.getAccessibleText(), "an empty class reads 0%, not NaN");
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = heatmap.snapshot(null, null));
        return out[0];
    }

    private static void assertClose(javafx.scene.paint.Color want, javafx.scene.paint.Color got) {
        double d = Math.abs(want.getRed() - got.getRed()) + Math.abs(want.getGreen() - got.getGreen()) + Math.abs(want.getBlue() - got.getBlue());
        assertTrue(d < 0.05, "want " + want + " got " + got);
    }
}
