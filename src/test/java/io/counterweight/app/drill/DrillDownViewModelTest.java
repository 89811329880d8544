package io.counterweight.app.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.SameThreadTaskExecutor;
import io.counterweight.core.Progress;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.metrics.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drill-down's state without a screen: the cell's images in order, the split cached per run, a mismatch named. */
class DrillDownViewModelTest {
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final DrillDownViewModel vm = new DrillDownViewModel(new SameThreadTaskExecutor(errors), errors);

    // five test images: truth 0,0,0,1,1; predicted 1,1,0,1,0
    private final Predictions predictions = new Predictions(new int[] {0, 0, 0, 1, 1}, new int[] {1, 1, 0, 1, 0},
            new float[] {0.6f, 0.9f, 0.7f, 0.8f, 0.55f});

    private static ImageSplit split(int n) {
        ImageShape shape = new ImageShape(1, 2, 2);
        byte[][] images = new byte[n][shape.size()];
        return new ImageSplit(shape, images, new int[n]);
    }

    /** A reopened run's source that counts how often its data set is loaded. */
    private final class Counting implements CellSource {
        int loads;
        final ImageSplit test;
        Counting(ImageSplit test) { this.test = test; }
        @Override public Predictions predictions(int epoch) { return predictions; }
        @Override public ImageSplit testImages(Progress progress) { loads++; return test; }
        @Override public String cacheKey() { return "/runs/a"; }
    }

    @Test
    void showsTheCellMostConfidentFirstAndLoadsARunsImagesOnce() {
        Counting source = new Counting(split(5));
        vm.open(source, "run-a", 3, 0, 1, List.of("cat", "dog"));
        assertEquals(List.of(new CellImage(1, 0, 1, 0.9f), new CellImage(0, 0, 1, 0.6f)), vm.images());
        assertEquals("true cat, predicted dog · epoch 3 · run-a", vm.titleProperty().get());
        assertEquals("2 images, most confident first", vm.statusProperty().get());
        assertEquals("cat → dog", vm.caption(vm.images().get(0)));
        assertSame(source.test, vm.testProperty().get());

        vm.open(source, "run-a", 3, 1, 1, List.of("cat", "dog"));
        assertEquals(List.of(new CellImage(3, 1, 1, 0.8f)), vm.images());
        assertEquals("1 image, most confident first", vm.statusProperty().get());
        assertEquals(1, source.loads, "the second cell of the same run reuses its test split");
        assertEquals(List.of(), errors.messages);
    }

    @Test
    void aTestSplitThatNoLongerMatchesIsReportedNotShown() {
        vm.open(new Counting(split(4)), "run-a", 1, 0, 0, List.of("cat", "dog"));
        assertEquals(List.of(), vm.images());
        String why = "the test split has 4 images but the predictions 5: the data set changed since the run";
        assertEquals(List.of(why), errors.messages);
        assertEquals("No images: " + why, vm.statusProperty().get());
    }
}
