package io.counterweight.app.drill;

import io.counterweight.core.Progress;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.metrics.Predictions;

/**
 * Where a run's cell images come from. Both methods are called off the FX thread: a reopened run reads its
 * predictions file and loads its data set again, a live run answers from memory.
 */
public interface CellSource {
    /** Epoch {@code epoch}'s per-test-image predictions. */
    Predictions predictions(int epoch);

    /** The test split the predictions index into; {@code progress} hears a slow load. */
    ImageSplit testImages(Progress progress);

    /** Identifies the test split for caching between drill-downs of one run; null when {@link #testImages} is cheap. */
    default String cacheKey() { return null; }

    /** A run in memory (the Training tab's): the latest predictions and the split it was evaluated on. */
    static CellSource inMemory(Predictions predictions, ImageSplit test) {
        return new CellSource() {
            @Override public Predictions predictions(int epoch) { return predictions; }
            @Override public ImageSplit testImages(Progress progress) { return test; }
        };
    }
}
