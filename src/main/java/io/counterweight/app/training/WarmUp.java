package io.counterweight.app.training;

import io.counterweight.app.Workbench;
import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.train.TrainingControl;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;

/**
 * Trains one throw-away epoch in the background as soon as the window has data, so the JIT has compiled
 * the training path before the user's first Start. Without it the first run of a session competes with
 * the compiler (one C2 thread on two cores): the window's own code waited seconds for compilation and the
 * first run's frames stalled for up to 250 ms where later runs stay under 80 ms (docs/reliability.md).
 * Runs at the workers' low priority, writes nothing the user sees (a temporary folder), and gives way:
 * any real job (the workbench turning busy) cancels it at the next batch.
 */
public final class WarmUp {
    private static final System.Logger LOG = System.getLogger(WarmUp.class.getName());

    private final Workbench workbench;
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private TrainingControl control;
    private boolean done;

    public WarmUp(Workbench workbench, TaskExecutor executor) {
        this.workbench = workbench;
        this.executor = executor;
        workbench.busyProperty().addListener((o, was, busy) -> { if (busy) cancel(); });
    }

    /** Starts once, when the first data set is shown (now, if one already is). */
    public void startWhenDataArrives() {
        if (workbench.selected() != null) {
            start();
            return;
        }
        ChangeListener<Dataset> once = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Dataset> o, Dataset was, Dataset now) {
                if (now == null) return;
                o.removeListener(this);
                start();
            }
        };
        workbench.selectedProperty().addListener(once);
    }

    /** True from the start of the warm-up to its end (finished, cancelled or failed). */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** Stops the warm-up at its next batch; nothing happens if none runs. */
    public void cancel() {
        if (control != null) control.cancel();
    }

    private void start() {
        if (done || workbench.busyProperty().get()) return;
        ExperimentConfig config;
        try {
            config = workbench.runnableConfig();
        } catch (CounterweightException e) {
            return; // settings the user must fix first: their Start will say so; nothing to warm
        }
        done = true;
        Dataset data = workbench.selected();
        TrainingControl c = new TrainingControl();
        control = c;
        running.set(true);
        BackgroundJob.of("Warm-up", ctx -> { workbench.services().training().warmUp(data, config, c); return null; })
                .quiet()
                .onDone(() -> running.set(false))
                .onFailure(e -> LOG.log(System.Logger.Level.DEBUG, "warm-up failed (harmless): " + e))
                .executeWith(executor);
    }
}
