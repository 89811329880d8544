package io.counterweight.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.train.TrainingEvent;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

/** The loss chart's scale as LiveRun keeps it: the planned iterations and the largest loss shown. */
class LiveRunTest {
    private static final List<String> NAMES = List.of("a", "b");
    private final LiveRun live = new LiveRun(draws -> { });

    private static TrainingEvent.Started started(int epochs, int batches) {
        return new TrainingEvent.Started("run", "cpu", "test", epochs, batches, 100, 20, NAMES);
    }

    private static TrainingEvent.BatchDone batch(int epoch, int batch, long iteration, double loss) {
        return new TrainingEvent.BatchDone(epoch, batch, 4, iteration, loss, 100, 1);
    }

    private static TrainingEvent.EpochDone epoch(int epoch, double testLoss) {
        ConfusionMatrix cm = ConfusionMatrix.of(new long[][] {{8, 2}, {3, 7}});
        return new TrainingEvent.EpochDone(epoch, 3, 1.0, testLoss, ClassificationReport.of(cm, NAMES, new int[] {50, 50}), cm,
                null, 100, 1);
    }

    private double largestPlotted() {
        double max = 0;
        for (var s : List.of(live.trainLoss(), live.testLoss())) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                double y = d.getYValue().doubleValue();
                if (Double.isFinite(y)) max = Math.max(max, y);
            }
        }
        return max;
    }

    @Test
    void theScaleFollowsThePlanAndTheLargestLossShown() {
        assertEquals(0, live.iterationsProperty().get());
        assertEquals(0, live.lossCeilingProperty().get());
        live.accept(List.of(started(3, 4)));
        assertEquals(12, live.iterationsProperty().get(), "3 epochs of 4 batches");
        live.accept(List.of(batch(1, 1, 1, 2.0), batch(1, 2, 2, 3.5), batch(1, 3, 3, Double.NaN), batch(1, 4, 4, 0.5)));
        assertEquals(largestPlotted(), live.lossCeilingProperty().get(), 1e-12);
        double afterTraining = live.lossCeilingProperty().get();
        live.accept(List.of(epoch(1, afterTraining + 1.25))); // a test loss above every training point
        assertEquals(afterTraining + 1.25, live.lossCeilingProperty().get(), 1e-12);
        assertEquals(largestPlotted(), live.lossCeilingProperty().get(), 1e-12);
        live.accept(List.of(epoch(2, 0.1))); // lower: the scale stays
        assertEquals(afterTraining + 1.25, live.lossCeilingProperty().get(), 1e-12);
    }

    @Test
    void aNewRunStartsANewScale() {
        live.accept(List.of(started(3, 4), batch(1, 1, 1, 9.0)));
        live.accept(List.of(started(5, 10)));
        assertEquals(50, live.iterationsProperty().get());
        assertEquals(0, live.lossCeilingProperty().get());
    }
}
