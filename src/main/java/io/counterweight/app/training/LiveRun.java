package io.counterweight.app.training;

import io.counterweight.app.chart.LossSmoother;
import io.counterweight.core.Durations;
import io.counterweight.core.metrics.ClassMetrics;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.metrics.Predictions;
import io.counterweight.core.train.TrainingEvent;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * What the Training screen shows of the run in progress, folded from batches of trainer events on
 * the FX thread: progress texts, the curves, the latest confusion matrix (labelled with the run's own
 * class names, not the current selection's) and per-class metrics.
 * The loss curve keeps at most about {@link #MAX_LOSS_POINTS} points however long the run, so the
 * chart stays fast (every n-th smoothed iteration).
 */
public final class LiveRun {
    static final int MAX_LOSS_POINTS = 600;

    private final XYChart.Series<Number, Number> trainLoss = series("training loss (smoothed)");
    private final XYChart.Series<Number, Number> testLoss = series("test loss");
    private final XYChart.Series<Number, Number> accuracy = series("accuracy");
    private final XYChart.Series<Number, Number> macroF1 = series("macro-F1");
    private final ObservableList<ClassMetrics> perClass = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ConfusionMatrix> confusion = new ReadOnlyObjectWrapper<>(this, "confusion");
    private final ReadOnlyObjectWrapper<Predictions> predictions = new ReadOnlyObjectWrapper<>(this, "predictions");
    private int predictionsEpoch;
    private final ReadOnlyObjectWrapper<List<String>> classNames = new ReadOnlyObjectWrapper<>(this, "classNames", List.of());
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper(this, "epochText", "–");
    private final ReadOnlyStringWrapper batchText = new ReadOnlyStringWrapper(this, "batchText", "–");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "–");
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper(this, "etaText", "–");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "Not trained yet");
    // The loss chart's scale, known without the chart measuring its data: it then need not auto-range (and
    // re-measure every tick label) at each new point, which was most of the window's layout time in a run.
    private final ReadOnlyLongWrapper iterations = new ReadOnlyLongWrapper(this, "iterations", 0);
    private final ReadOnlyDoubleWrapper lossCeiling = new ReadOnlyDoubleWrapper(this, "lossCeiling", 0);
    private final Consumer<int[]> drawsSink;
    private final LossSmoother smoother = new LossSmoother(0.9);
    private int epochs = 1, batchesPerEpoch = 1;
    private long stride = 1;

    /** @param drawsSink receives the sampler's actual draws per class after each epoch */
    public LiveRun(Consumer<int[]> drawsSink) {
        this.drawsSink = drawsSink;
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    /** Applies a batch of events in order (the throttler's sink). */
    public void accept(List<TrainingEvent> events) {
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Started s) started(s);
            else if (e instanceof TrainingEvent.BatchDone b) batch(b);
            else if (e instanceof TrainingEvent.EpochDone d) epoch(d);
            else if (e instanceof TrainingEvent.Finished f) finished(f);
        }
    }

    /**
     * Before any run has shown numbers: one row a class with "–" for every metric. The table's cells are
     * then made (and styled) when the data arrives, not in the first epoch's frame, where making them from
     * cold cost the first run its longest stall (docs/reliability.md).
     */
    public void showClasses(List<String> names) {
        if (confusion.get() != null) return; // a run's results are on view: keep them
        perClass.setAll(placeholders(names));
    }

    private static List<ClassMetrics> placeholders(List<String> names) {
        return names.stream().map(n -> new ClassMetrics(n, Double.NaN, Double.NaN, Double.NaN, -1)).toList();
    }

    private void started(TrainingEvent.Started s) {
        for (var series : List.of(trainLoss, testLoss, accuracy, macroF1)) series.getData().clear();
        perClass.setAll(placeholders(s.classNames())); // same rows as the epochs will fill: the cells are reused
        confusion.set(null);
        predictions.set(null);
        classNames.set(s.classNames());
        smoother.reset();
        epochs = Math.max(1, s.epochs());
        batchesPerEpoch = Math.max(1, s.batchesPerEpoch());
        stride = Math.max(1, ((long) epochs * batchesPerEpoch + MAX_LOSS_POINTS - 1) / MAX_LOSS_POINTS);
        iterations.set((long) epochs * batchesPerEpoch);
        lossCeiling.set(0);
        progress.set(0);
        epochText.set("0 / " + epochs);
        batchText.set("0 / " + batchesPerEpoch);
        speedText.set("–");
        etaText.set("–");
        headline.set(String.format(Locale.ROOT, "Training '%s' on %,d images (%,d test) · %s · %s",
                s.label(), s.trainSize(), s.testSize(), s.backend(), s.device()));
    }

    private void batch(TrainingEvent.BatchDone b) {
        double smoothed = smoother.add(b.loss());
        if (b.iteration() % stride == 0 || b.iteration() == 1) {
            trainLoss.getData().add(new XYChart.Data<>(b.iteration(), finite(smoothed)));
            raiseCeiling(smoothed);
        }
        epochText.set(b.epoch() + " / " + epochs);
        batchText.set(b.batch() + " / " + b.batchesPerEpoch());
        speedText.set(String.format(Locale.ROOT, "%,.0f images/s", b.imagesPerSecond()));
        etaText.set(Durations.clock(b.etaSeconds()));
        progress.set(((b.epoch() - 1) * (double) b.batchesPerEpoch() + b.batch()) / ((double) epochs * b.batchesPerEpoch()));
    }

    private void epoch(TrainingEvent.EpochDone d) {
        long x = (long) d.epoch() * batchesPerEpoch;
        testLoss.getData().add(new XYChart.Data<>(x, finite(d.testLoss())));
        raiseCeiling(d.testLoss());
        accuracy.getData().add(new XYChart.Data<>(d.epoch(), d.report().accuracy()));
        macroF1.getData().add(new XYChart.Data<>(d.epoch(), d.report().macroF1()));
        predictionsEpoch = d.epoch();
        predictions.set(d.predictions()); // set before the matrix: a click on the new matrix finds its images
        confusion.set(d.confusion());
        perClass.setAll(d.report().perClass());
        if (d.drawsPerClass() != null) drawsSink.accept(d.drawsPerClass().clone());
        headline.set(String.format(Locale.ROOT, "Epoch %d / %d · accuracy %.1f %% · macro-F1 %.3f · balanced accuracy %.1f %% · test loss %.3f",
                d.epoch(), d.epochs(), 100 * d.report().accuracy(), d.report().macroF1(),
                100 * d.report().balancedAccuracy(), d.testLoss()));
    }

    private void finished(TrainingEvent.Finished f) {
        etaText.set(f.cancelled() ? "stopped" : "done");
        if (!f.cancelled()) progress.set(1);
    }

    private void raiseCeiling(double loss) {
        if (Double.isFinite(loss) && loss > lossCeiling.get()) lossCeiling.set(loss);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /** Iterations the run plans (epochs × batches an epoch); 0 before a run. */
    public ReadOnlyLongProperty iterationsProperty() { return iterations.getReadOnlyProperty(); }
    /** The largest finite loss the loss chart shows (training, smoothed, or test); 0 before any. */
    public ReadOnlyDoubleProperty lossCeilingProperty() { return lossCeiling.getReadOnlyProperty(); }
    public XYChart.Series<Number, Number> trainLoss() { return trainLoss; }
    public XYChart.Series<Number, Number> testLoss() { return testLoss; }
    public XYChart.Series<Number, Number> accuracy() { return accuracy; }
    public XYChart.Series<Number, Number> macroF1() { return macroF1; }
    public ObservableList<ClassMetrics> perClass() { return perClass; }
    /** The latest epoch's per-test-image predictions (null before the first epoch), behind the shown matrix. */
    public ReadOnlyObjectProperty<Predictions> predictionsProperty() { return predictions.getReadOnlyProperty(); }
    /** The epoch of {@link #predictionsProperty()}. */
    public int predictionsEpoch() { return predictionsEpoch; }
    public ReadOnlyObjectProperty<ConfusionMatrix> confusionProperty() { return confusion.getReadOnlyProperty(); }
    /** The run's class names (from its start event), labelling its confusion matrix. */
    public ReadOnlyObjectProperty<List<String>> classNamesProperty() { return classNames.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty epochTextProperty() { return epochText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty batchTextProperty() { return batchText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty speedTextProperty() { return speedText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty etaTextProperty() { return etaText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
}
