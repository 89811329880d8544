package io.counterweight.app.services;

import io.counterweight.core.Progress;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.metrics.Predictions;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The run history of the workspace (core.experiment's RunCatalog, RunStore, ExperimentRunner.repeat).
 * Every method reads or writes files: call it off the FX thread.
 */
public interface RunHistoryService {
    /** The folder runs are listed from and written to. */
    Path workspace();

    /**
     * Makes {@code dir} the workspace of this window's runs from now on (Training, Compare, Repeat and the
     * history), after checking that a run can be written there.
     *
     * @throws io.counterweight.core.CounterweightException naming the folder when it is not usable
     */
    void useWorkspace(Path dir);

    /** Every run of the workspace, newest first; a broken folder is a summary with a problem, never an error. */
    List<RunSummary> list();

    /** Whether {@code dir} is a run folder (has a config.json). */
    boolean isRunFolder(Path dir);

    /** A run folder as it was written, as far as it got; never throws for a broken folder. */
    ReopenedRun open(Path runDir);

    /** Epoch {@code epoch}'s confusion matrix and per-class report ({@code trainCounts} from the provenance). */
    EpochView epoch(Path runDir, int epoch, int[] trainCounts);

    /**
     * Epoch {@code epoch}'s per-test-image predictions ({@code predictions/epoch-NNN.csv}), for a drill-down into
     * a confusion cell.
     *
     * @throws io.counterweight.core.CounterweightException when the run has none for that epoch
     */
    default Predictions predictions(Path runDir, int epoch) {
        throw new io.counterweight.core.CounterweightException("no run history in this window");
    }

    /** The run's test split as it was evaluated: its data loaded and selected again from its config (slow: seconds). */
    default ImageSplit testImages(Path runDir, Progress progress) {
        throw new io.counterweight.core.CounterweightException("no run history in this window");
    }

    void rename(Path runDir, String name);

    void setTags(Path runDir, List<String> tags);

    /** Deletes the run folder; refuses a run that is training. */
    void delete(Path runDir);

    /**
     * Trains the run of {@code runDir} again, with its own config, into the workspace, blocking the calling
     * (worker) thread. {@code notes} hears, before training, what will make the numbers differ.
     */
    RunResult repeat(Path runDir, TrainingListener listener, TrainingControl control, Progress progress,
                     Consumer<List<String>> notes);

    /**
     * Continues an interrupted or stopped run in its own folder from its checkpoint, blocking the calling (worker)
     * thread; {@code notes} hears, before training, what differs from the run's first session. Refuses finished,
     * diverged and running runs, and changed data, with a one-line CounterweightException.
     */
    RunResult resume(Path runDir, TrainingListener listener, TrainingControl control, Progress progress,
                     Consumer<List<String>> notes);
}
