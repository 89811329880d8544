package io.counterweight.app.runs;

import io.counterweight.app.Workbench;
import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.JobContext;
import io.counterweight.app.common.JobHandle;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.common.UiScheduler;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Runs screen's Repeat: trains a run again from its folder with its own config, into the workspace, on a
 * worker thread, with progress and Stop. Refused while another run trains ({@link Workbench#busyProperty()},
 * which it sets itself while it trains). Before training, the notes of what will make the numbers differ
 * from the original arrive from the worker and reach the FX thread through the {@link UiScheduler}; at the
 * end the new run is listed and selected.
 */
public final class RepeatRun {
    private final RunsViewModel runs;
    private final Workbench workbench;
    private final TaskExecutor executor;
    private final UiScheduler scheduler;
    private final ErrorReporter errors;
    private final ReadOnlyBooleanWrapper repeating = new ReadOnlyBooleanWrapper(this, "repeating");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private TrainingControl control;
    private JobHandle job = JobHandle.NONE;
    private int generation;

    RepeatRun(RunsViewModel runs, Workbench workbench, TaskExecutor executor, UiScheduler scheduler, ErrorReporter errors) {
        this.runs = runs;
        this.workbench = workbench;
        this.executor = executor;
        this.scheduler = scheduler;
        this.errors = errors;
    }

    void start(RunSummary run) {
        if (run == null || repeating.get()) return;
        if (workbench.busyProperty().get()) {
            runs.setStatus("Another run is training: Repeat when it has ended");
            return;
        }
        TrainingControl c = new TrainingControl();
        control = c;
        int g = ++generation;
        repeating.set(true);
        workbench.busyProperty().set(true);
        progress.set(-1);
        notes.set("");
        runs.setStatus("Repeating " + run.name() + " …");
        var history = workbench.services().runs();
        job = BackgroundJob.of("Repeating " + run.name(), ctx -> history.repeat(run.runDir(), e -> report(ctx, e, run.epochs()), c, ctx,
                        differences -> scheduler.runLater(() -> { if (g == generation && repeating.get()) notes.set(describe(differences)); }, 0)))
                .onProgress((message, fraction) -> {
                    if (message != null && !message.isBlank()) runs.setStatus(message);
                    progress.set(fraction);
                })
                .onDone(() -> {
                    repeating.set(false);
                    workbench.busyProperty().set(false);
                    progress.set(0);
                    notes.set("");
                })
                .onSuccess(result -> {
                    runs.setStatus((result.cancelled() ? "Stopped the repeat of " : "Repeated ") + run.name() + " as "
                            + result.runDir().getFileName());
                    runs.listAndSelect(result.runDir());
                })
                .onFailure(e -> {
                    runs.setStatus("The repeat of " + run.name() + " failed");
                    errors.report(e);
                })
                .executeWith(executor);
    }

    private static void report(JobContext ctx, TrainingEvent e, int epochs) {
        if (e instanceof TrainingEvent.BatchDone b) {
            ctx.update("Repeat: epoch " + b.epoch() + " / " + epochs,
                    (long) (b.epoch() - 1) * b.batchesPerEpoch() + b.batch(), (long) Math.max(1, epochs) * b.batchesPerEpoch());
        }
    }

    /** The line under the toolbar while a repeat trains. */
    static String describe(List<String> differences) {
        if (differences.isEmpty()) return "Repeat: same data, backend, device and speed settings as the original; the numbers should match it.";
        return "Repeat: the numbers may differ from the original: " + String.join("; ", differences) + ".";
    }

    /** Asks the training to stop after the current batch; the new folder keeps what was trained. */
    void stop() {
        if (control != null && repeating.get()) {
            control.cancel();
            runs.setStatus("Stopping after this batch …");
        }
    }

    void cancel() {
        job.cancel();
    }

    public ReadOnlyBooleanProperty repeatingProperty() { return repeating.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** What will make the repeat's numbers differ from the original, while it trains; empty otherwise. */
    public ReadOnlyStringProperty notesProperty() { return notes.getReadOnlyProperty(); }
}
