package io.counterweight.app.services;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.Workspace;
import java.nio.file.Path;
import java.util.Objects;

/** The set of services a window works with. */
public record Services(DataService data, SamplingService sampling, AugmentService augment, TrainingService training,
                       RunHistoryService runs, ExportService export) {
    public Services {
        Objects.requireNonNull(data);
        Objects.requireNonNull(sampling);
        Objects.requireNonNull(augment);
        Objects.requireNonNull(training);
        Objects.requireNonNull(runs);
        Objects.requireNonNull(export);
    }

    /** Services with the real core's exports (they only read the run folders they are given). */
    public Services(DataService data, SamplingService sampling, AugmentService augment, TrainingService training,
                    RunHistoryService runs) {
        this(data, sampling, augment, training, runs, new CoreExportService());
    }

    /** Services without a run history (tests of screens that never look at the workspace). */
    public Services(DataService data, SamplingService sampling, AugmentService augment, TrainingService training) {
        this(data, sampling, augment, training, NoRunHistory.INSTANCE);
    }

    /** The real core, run folders in the workspace the CLI uses too ($COUNTERWEIGHT_WORKSPACE, else the platform's). */
    public static Services core() {
        return core(Workspace.resolve(null).dir());
    }

    /**
     * The real core in the workspace the user chose in the window's preferences ({@code preferred}), or, when
     * none was chosen or it is no valid path here, the one the CLI uses.
     */
    public static Services core(String preferred) {
        Path dir;
        try {
            dir = Workspace.resolve(preferred).dir();
        } catch (CounterweightException e) {
            dir = Workspace.resolve(null).dir();
        }
        return core(dir);
    }

    /** The real core; run folders go under {@code runsDir} (Training, Compare, Repeat and the history alike). */
    public static Services core(Path runsDir) {
        WorkspaceFolder workspace = new WorkspaceFolder(runsDir);
        return new Services(new CoreDataService(), new CoreSamplingService(), new CoreAugmentService(),
                new CoreTrainingService(workspace), new CoreRunHistoryService(workspace), new CoreExportService());
    }
}
