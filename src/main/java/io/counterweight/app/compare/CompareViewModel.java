package io.counterweight.app.compare;

import io.counterweight.app.Workbench;
import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.JobHandle;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.services.TrainingService;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Compare screen: trains the study's baseline and improved runs from the current
 * settings (same data, recipe and seed; only the remedies differ), or reopens two run folders, and
 * lays their final metrics side by side.
 */
public final class CompareViewModel {
    private final Workbench workbench;
    private final TaskExecutor executor;
    private final ErrorReporter errors;
    private final ReadOnlyObjectWrapper<RunResult> baseline = new ReadOnlyObjectWrapper<>(this, "baseline");
    private final ReadOnlyObjectWrapper<RunResult> improved = new ReadOnlyObjectWrapper<>(this, "improved");
    private final ObservableList<Comparison.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Train a baseline and an improved run from the current settings, or open two run folders.");
    private TrainingControl control;
    private JobHandle job = JobHandle.NONE;

    public CompareViewModel(Workbench workbench, TaskExecutor executor, ErrorReporter errors) {
        this.workbench = workbench;
        this.executor = executor;
        this.errors = errors;
    }

    /** Trains baseline (no remedies) then improved (sampler + augmentation at p = 0.3). */
    public void runBoth() {
        if (running.get() || workbench.busyProperty().get()) return;
        Dataset data = workbench.selected();
        ExperimentConfig config;
        try {
            config = workbench.runnableConfig();
        } catch (CounterweightException e) {
            errors.report(e);
            return;
        }
        TrainingControl c = new TrainingControl();
        control = c;
        baseline.set(null);
        improved.set(null);
        rows.clear();
        begin("Training the baseline …");
        // Two chained jobs, so the baseline's matrix shows while the improved run trains.
        job = trainJob(data, config.asBaseline(), c, 0, config.recipe().epochs())
                .onSuccess(base -> {
                    baseline.set(base);
                    if (c.isCancelled()) {
                        end();
                        status.set("Stopped before the improved run");
                        return;
                    }
                    job = trainJob(data, config.asImproved(), c, 1, config.recipe().epochs())
                            .onDone(this::end)
                            .onSuccess(better -> show(List.of(base, better)))
                            .executeWith(executor);
                })
                .onFailure(e -> {
                    end();
                    errors.report(e);
                })
                .executeWith(executor);
    }

    private BackgroundJob<RunResult> trainJob(Dataset data, ExperimentConfig config, TrainingControl c, int run, int epochs) {
        TrainingService training = workbench.services().training();
        return BackgroundJob.of("Training the " + config.label() + " run",
                        ctx -> training.train(data, config, e -> report(ctx, e, run, epochs), c))
                .onProgress(this::progress);
    }

    private static void report(io.counterweight.app.common.JobContext ctx, TrainingEvent e, int run, int epochs) {
        if (e instanceof TrainingEvent.BatchDone b) {
            long done = (long) run * epochs * b.batchesPerEpoch() + (long) (b.epoch() - 1) * b.batchesPerEpoch() + b.batch();
            ctx.update((run == 0 ? "baseline" : "improved") + ": epoch " + b.epoch() + " / " + epochs,
                    done, 2L * epochs * b.batchesPerEpoch());
        }
    }

    /** Reopens two run folders written earlier (by the GUI or the CLI). */
    public void open(Path baselineFolder, Path improvedFolder) {
        if (running.get() || baselineFolder == null || improvedFolder == null) return;
        TrainingService training = workbench.services().training();
        begin("Reading run folders …");
        job = BackgroundJob.of("Opening run folders",
                        ctx -> List.of(training.open(baselineFolder), training.open(improvedFolder)))
                .onDone(this::end)
                .onSuccess(this::show)
                .executeWith(executor);
    }

    public void stop() {
        if (control != null) control.cancel();
    }

    private void begin(String message) {
        running.set(true);
        workbench.busyProperty().set(true);
        progress.set(-1);
        status.set(message);
    }

    private void end() {
        running.set(false);
        workbench.busyProperty().set(false);
        progress.set(0);
    }

    private void show(List<RunResult> outcomes) {
        if (outcomes.size() < 2) {
            status.set("Stopped before the improved run");
            return;
        }
        RunResult a = outcomes.get(0), b = outcomes.get(1);
        baseline.set(a);
        improved.set(b);
        rows.setAll(workbench.services().training().compare(a, b)); // the core's table: same metrics and n/a rules as the CLI
        status.set("Compared '" + a.config().label() + "' with '" + b.config().label() + "'"
                + (b.cancelled() ? " (the improved run was stopped early)" : ""));
    }

    /** Used while progress arrives from the job. */
    void progress(String message, double fraction) {
        if (message != null && !message.isBlank()) status.set(message);
        progress.set(fraction);
    }

    /** The table's footnote; the group thresholds are the report's, so they match the row names. */
    public String groupsHint() {
        return "Head, medium and tail group the classes by training images: "
                + String.join(", ", ClassificationReport.groupLabels()) + ". Changes of accuracies are in percentage"
                + " points (pp); a positive change means the remedies helped.";
    }

    public ObservableList<Comparison.Row> rows() { return rows; }
    /** Writes baseline and improved as one HTML report (the baseline the reference) to {@code file}, off the FX thread. */
    public void exportReport(java.nio.file.Path file) {
        RunResult a = baseline.get(), b = improved.get();
        if (a == null || b == null || file == null) return;
        var export = workbench.services().export();
        BackgroundJob.of("Writing " + file.getFileName(), ctx -> export.report(List.of(a.runDir(), b.runDir()), file))
                .onSuccess(f -> status.set("Wrote the comparison report " + f))
                .onFailure(e -> {
                    status.set("No report written");
                    errors.report(e);
                })
                .executeWith(executor);
    }

    public ReadOnlyObjectProperty<RunResult> baselineProperty() { return baseline.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RunResult> improvedProperty() { return improved.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public Workbench workbench() { return workbench; }
}
