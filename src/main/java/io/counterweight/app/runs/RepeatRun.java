package io.counterweight.app.runs;

import io.counterweight.app.Workbench;
import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.JobContext;
import io.counterweight.app.common.JobHandle;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.common.UiScheduler;
import io.counterweight.core.Progress;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import io.counterweight.core.train.TrainingListener;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Runs screen's Repeat and Resume: trains a run again from its folder with its own config, into the workspace
 * (Repeat), or continues an interrupted or stopped run in its own folder from its checkpoint (Resume), on a
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
        var history = workbench.services().runs();
        train(run, "Repeat", "Repeating ", (r, l, c, p, n) -> history.repeat(r.runDir(), l, c, p, n));
    }

    /** Continues an interrupted or stopped run in its own folder ({@link #canResume}); refused for other statuses. */
    void resume(RunSummary run) {
        if (run == null) return;
        if (!canResume(run)) {
            runs.setStatus(run.name() + " is " + run.status().id() + ": only an interrupted or stopped run can be resumed");
            return;
        }
        var history = workbench.services().runs();
        train(run, "Resume", "Resuming ", (r, l, c, p, n) -> history.resume(r.runDir(), l, c, p, n));
    }

    /** Whether {@code s} can be continued in its folder: interrupted (its process died) or stopped. */
    public static boolean canResume(RunSummary s) {
        return s != null && (s.status() == RunStatus.INTERRUPTED || s.status() == RunStatus.STOPPED);
    }

    /** A training of the history service: repeat or resume. */
    private interface Training {
        RunResult run(RunSummary run, TrainingListener listener, TrainingControl control, Progress progress,
                      Consumer<List<String>> notes);
    }

    private void train(RunSummary run, String verb, String doing, Training training) {
        if (run == null || repeating.get()) return;
        if (workbench.busyProperty().get()) {
            runs.setStatus("Another run is training: " + verb + " when it has ended");
            return;
        }
        TrainingControl c = new TrainingControl();
        control = c;
        int g = ++generation;
        repeating.set(true);
        workbench.busyProperty().set(true);
        progress.set(-1);
        notes.set("");
        runs.setStatus(doing + run.name() + " …");
        job = BackgroundJob.of(doing + run.name(), ctx -> training.run(run, e -> report(ctx, verb, e, run.epochs()), c, ctx,
                        differences -> scheduler.runLater(() -> {
                            if (g == generation && repeating.get()) notes.set(describe(verb, differences));
                        }, 0)))
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
                    runs.setStatus(outcome(verb, run, result));
                    runs.listAndSelect(result.runDir());
                })
                .onFailure(e -> {
                    runs.setStatus("The " + verb.toLowerCase(java.util.Locale.ROOT) + " of " + run.name() + " failed");
                    errors.report(e);
                })
                .executeWith(executor);
    }

    private static String outcome(String verb, RunSummary run, RunResult result) {
        if (verb.equals("Resume")) {
            return (result.cancelled() ? "Stopped " + run.name() + " again after epoch " : "Resumed " + run.name() + ": finished, epoch ")
                    + result.epochsDone() + " of " + run.epochs();
        }
        return (result.cancelled() ? "Stopped the repeat of " : "Repeated ") + run.name() + " as " + result.runDir().getFileName();
    }

    private static void report(JobContext ctx, String verb, TrainingEvent e, int epochs) {
        if (e instanceof TrainingEvent.BatchDone b) {
            ctx.update(verb + ": epoch " + b.epoch() + " / " + epochs,
                    (long) (b.epoch() - 1) * b.batchesPerEpoch() + b.batch(), (long) Math.max(1, epochs) * b.batchesPerEpoch());
        }
    }

    /** The line under the toolbar while a repeat (or a resume) trains. */
    static String describe(List<String> differences) {
        return describe("Repeat", differences);
    }

    static String describe(String verb, List<String> differences) {
        if (differences.isEmpty()) return verb + ": same data, backend, device and speed settings as the original; the numbers should match it.";
        return verb + ": the numbers may differ from the original: " + String.join("; ", differences) + ".";
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
