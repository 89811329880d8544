package io.counterweight.app.services;

import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.ExperimentRunner;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStore;
import io.counterweight.core.train.BackendInfo;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Path;

/** {@link TrainingService} over core.experiment: run folders go under {@code runsDir}. */
public final class CoreTrainingService implements TrainingService {
    private final Path runsDir;

    public CoreTrainingService(Path runsDir) {
        this.runsDir = runsDir;
    }

    @Override
    public RunResult train(Dataset selected, ExperimentConfig config, TrainingListener listener, TrainingControl control) {
        return ExperimentRunner.train(selected, config, runsDir, listener, control);
    }

    @Override
    public RunResult open(Path runFolder) {
        return RunStore.open(runFolder);
    }

    @Override
    public String backendSummary() {
        BackendInfo b = BackendInfo.current();
        return b.backend() + " · " + b.device();
    }
}
