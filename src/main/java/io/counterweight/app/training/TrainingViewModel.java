package io.counterweight.app.training;

import io.counterweight.app.Workbench;
import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.drill.CellSource;
import io.counterweight.app.common.ErrorReporter;
import io.counterweight.app.common.JobHandle;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.app.common.Throttler;
import io.counterweight.app.common.UiScheduler;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import java.util.List;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the Training screen: the recipe (shared in the {@link Workbench}) with its presets, and
 * the run lifecycle. A run trains the currently selected data set through the core trainer on a
 * worker thread; its events reach {@link LiveRun} through a {@link Throttler}, so the FX thread
 * redraws at most ten times a second however fast batches finish.
 */
public final class TrainingViewModel {
    private final Workbench workbench;
    private final TaskExecutor executor;
    private final UiScheduler scheduler;
    private final ErrorReporter errors;
    private final LiveRun live;
    private final RemediesViewModel remedies;
    private final ObjectProperty<RecipePreset> preset = new SimpleObjectProperty<>(this, "preset", RecipePreset.FAST_DEMO);
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<RunResult> lastOutcome = new ReadOnlyObjectWrapper<>(this, "lastOutcome");
    private Dataset trained; // the data of the latest run: its test split is what the predictions index into
    private TrainingControl control;
    private JobHandle job = JobHandle.NONE;
    private boolean applyingPreset;
    private int runs;

    public TrainingViewModel(Workbench workbench, TaskExecutor executor, UiScheduler scheduler, ErrorReporter errors) {
        this.workbench = workbench;
        this.executor = executor;
        this.scheduler = scheduler;
        this.errors = errors;
        this.live = new LiveRun(draws -> workbench.actualDrawsProperty().set(draws));
        workbench.selectedProperty().addListener((o, was, now) -> {
            if (now != null && state.get() == RunState.IDLE) live.showClasses(now.classNames());
        });
        if (workbench.selected() != null) live.showClasses(workbench.selected().classNames());
        this.remedies = new RemediesViewModel(workbench);
        preset.addListener((o, a, p) -> {
            if (p != null && p.recipe() != null) apply(p);
        });
        Observable[] recipe = {workbench.modelProperty(), workbench.epochsProperty(), workbench.batchProperty(),
            workbench.learningRateProperty(), workbench.momentumProperty(), workbench.warmupProperty(),
            workbench.decayProperty(), workbench.decayEveryProperty(), workbench.decayGammaProperty()};
        for (Observable o : recipe) o.addListener(x -> { if (!applyingPreset) preset.set(matchingPreset()); });
        // Demo data gets the recipe that shows something within a minute; real data the study's.
        workbench.loadedProperty().addListener((o, a, d) -> {
            if (d != null) preset.set(workbench.config("run").isDemo() ? RecipePreset.FAST_DEMO : RecipePreset.STUDY);
        });
        apply(preset.get());
    }

    private void apply(RecipePreset p) {
        applyingPreset = true;
        try {
            workbench.applyRecipe(p.recipe());
        } finally {
            applyingPreset = false;
        }
    }

    private RecipePreset matchingPreset() {
        ExperimentConfig.Recipe now = workbench.config("run").recipe();
        for (RecipePreset p : RecipePreset.values()) {
            if (p.recipe() != null && p.recipe().equals(now)) return p;
        }
        return RecipePreset.CUSTOM;
    }

    /** Starts a run from the current settings; a bad setting is reported and nothing starts. */
    public void start() {
        if (state.get() != RunState.IDLE) return;
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
        trained = data;
        int run = ++runs; // a previous run's last flush may land after this one started: drop it
        Throttler<TrainingEvent> throttler = new Throttler<>(Throttler.DEFAULT_INTERVAL_MILLIS, scheduler,
                events -> { if (run == runs) onEvents(events); });
        state.set(RunState.RUNNING);
        workbench.busyProperty().set(true);
        status.set("Starting …");
        job = BackgroundJob.of("Training", ctx -> workbench.services().training().train(data, config, e -> {
                    throttler.offer(e);
                    // The status bar's job progress; Task coalesces these updates itself.
                    if (e instanceof TrainingEvent.BatchDone b) {
                        ctx.update("Training: epoch " + b.epoch() + " / " + config.recipe().epochs(),
                                (long) (b.epoch() - 1) * b.batchesPerEpoch() + b.batch(), (long) config.recipe().epochs() * b.batchesPerEpoch());
                    }
                }, c))
                .onDone(() -> {
                    state.set(RunState.IDLE);
                    workbench.busyProperty().set(false);
                })
                .onSuccess(outcome -> {
                    lastOutcome.set(outcome);
                    String where = outcome.runDir() == null ? "" : " · saved to " + outcome.runDir();
                    status.set((outcome.cancelled() ? "Stopped" : "Finished") + where);
                })
                .onFailure(e -> {
                    status.set("Training failed");
                    errors.report(e);
                })
                .executeWith(executor);
    }

    /** Runs on the FX thread with every event since the last flush. */
    private void onEvents(List<TrainingEvent> events) {
        live.accept(events);
        if (state.get() == RunState.RUNNING && events.stream().anyMatch(e -> e instanceof TrainingEvent.Started)) {
            status.set("Training …");
        }
    }

    public void pauseOrResume() {
        if (state.get() == RunState.RUNNING) {
            control.pause();
            state.set(RunState.PAUSED);
            status.set("Paused");
        } else if (state.get() == RunState.PAUSED) {
            control.resume();
            state.set(RunState.RUNNING);
            status.set("Training …");
        }
    }

    /** Stops after the current batch; the run folder keeps what was trained so far. */
    public void stop() {
        if (state.get() == RunState.RUNNING || state.get() == RunState.PAUSED) {
            Objects.requireNonNull(control).cancel();
            state.set(RunState.STOPPING);
            status.set("Stopping after this batch …");
        }
    }

    /** Stops a run on window close; the worker threads are daemons, this only lets the trainer end cleanly. */
    public void shutdown() {
        if (control != null) control.cancel();
        job.cancel();
    }

    /**
     * The shown matrix's images for a drill-down: the latest epoch's predictions and the trained test split;
     * null before the first epoch.
     */
    public CellSource cellSource() {
        var p = live.predictionsProperty().get();
        return p == null || trained == null ? null : CellSource.inMemory(p, trained.test());
    }

    public Workbench workbench() { return workbench; }
    public LiveRun live() { return live; }
    /** The "Loss & schedule" card: the remedies applied inside training and the learning rate's schedule. */
    public RemediesViewModel remedies() { return remedies; }
    public List<String> models() { return ExperimentConfig.MODELS; }
    public ObjectProperty<RecipePreset> presetProperty() { return preset; }
    public ReadOnlyObjectProperty<RunState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The heatmap's labels: the run's class names, which stay when the selection changes afterwards. */
    public ReadOnlyObjectProperty<List<String>> classNamesProperty() { return live.classNamesProperty(); }
    public ReadOnlyObjectProperty<RunResult> lastOutcomeProperty() { return lastOutcome.getReadOnlyProperty(); }
}
