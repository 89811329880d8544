package io.counterweight.app.runs;

import io.counterweight.core.experiment.EpochMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.chart.XYChart;

/**
 * A reopened run's curves, one point per epoch of metrics.csv: training and test loss for the loss chart;
 * balanced accuracy (drawn first, so under the others), accuracy and macro-F1 for the metric chart. An
 * epoch without a value (NaN) has no point. The epoch axis runs to the epochs planned, so an interrupted
 * run shows how far it got.
 */
public final class RunCurves {
    private final XYChart.Series<Number, Number> trainLoss = series("training loss");
    private final XYChart.Series<Number, Number> testLoss = series("test loss");
    private final XYChart.Series<Number, Number> balanced = series("balanced accuracy");
    private final XYChart.Series<Number, Number> accuracy = series("accuracy");
    private final XYChart.Series<Number, Number> macroF1 = series("macro-F1");
    private final ReadOnlyIntegerWrapper epochs = new ReadOnlyIntegerWrapper(this, "epochs", 1);

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    /** Shows {@code history}; {@code planned} is the run's planned epochs (the axis end). */
    public void show(List<EpochMetrics> history, int planned) {
        fill(trainLoss, history, EpochMetrics::trainLoss);
        fill(testLoss, history, EpochMetrics::testLoss);
        fill(balanced, history, EpochMetrics::balancedAccuracy);
        fill(accuracy, history, EpochMetrics::accuracy);
        fill(macroF1, history, EpochMetrics::macroF1);
        epochs.set(Math.max(1, Math.max(planned, history.size())));
    }

    public void clear() {
        show(List.of(), 1);
    }

    private static void fill(XYChart.Series<Number, Number> s, List<EpochMetrics> history, ToDoubleFunction<EpochMetrics> f) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        for (EpochMetrics m : history) {
            double v = f.applyAsDouble(m);
            if (Double.isFinite(v)) points.add(new XYChart.Data<>(m.epoch(), v));
        }
        s.getData().setAll(points);
    }

    /** The loss chart's series: training loss, test loss. */
    public List<XYChart.Series<Number, Number>> loss() { return List.of(trainLoss, testLoss); }
    /** The metric chart's series: balanced accuracy, accuracy, macro-F1 (the CSS styles them in this order). */
    public List<XYChart.Series<Number, Number>> metrics() { return List.of(balanced, accuracy, macroF1); }
    /** The epoch axis's upper bound. */
    public ReadOnlyIntegerProperty epochsProperty() { return epochs.getReadOnlyProperty(); }
}
