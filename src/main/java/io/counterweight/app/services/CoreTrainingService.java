package io.counterweight.app.services;

import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.experiment.Workspace;
import io.counterweight.core.train.NativeThreads;
import io.counterweight.core.train.BackendInfo;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import io.counterweight.core.train.TrainingTuning;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link TrainingService} over core.experiment: run folders go to the window's {@link WorkspaceFolder},
 * as it is when a run starts.
 */
public final class CoreTrainingService implements TrainingService {
    private final WorkspaceFolder workspace;

    public CoreTrainingService(Path runsDir) {
        this(new WorkspaceFolder(runsDir));
    }

    public CoreTrainingService(WorkspaceFolder workspace) {
        this.workspace = workspace;
    }

    @Override
    public RunResult train(Dataset selected, ExperimentConfig config, TrainingListener listener, TrainingControl control) {
        Path runsDir = new Workspace(workspace.get()).ensureWritable().dir(); // a read-only or full disk: said before training
        return ExperimentRunner.train(selected, config, runsDir, listener, control, windowTuning());
    }

    /**
     * The window's speed settings. On a small machine the UI and the input pipeline need a core, and
     * javafx:run cannot set OMP_WAIT_POLICY=PASSIVE: 2 spinning OpenMP threads there train slower than 1
     * (docs/performance.md). For the same reason batches are not split over replicas there
     * (TrainingTuning.computeThreads).
     */
    static TrainingTuning windowTuning() {
        TrainingTuning tuning = TrainingTuning.defaults();
        if (Runtime.getRuntime().availableProcessors() <= 2) {
            NativeThreads.apply(1);
            tuning = tuning.withComputeThreads(1);
        }
        return tuning;
    }

    @Override
    public RunResult open(Path runFolder) {
        return RunStore.open(runFolder);
    }

    @Override
    public List<Comparison.Row> compare(RunResult baseline, RunResult improved) {
        return Comparison.of(baseline, improved).rows();
    }

    @Override
    public String backendSummary() {
        BackendInfo b = BackendInfo.current();
        return b.backend() + " · " + b.device();
    }
}
