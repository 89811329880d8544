package io.counterweight.app.services;

import io.counterweight.core.experiment.Workspace;
import java.nio.file.Path;
import java.util.Objects;

/** The set of services a window works with. */
public record Services(DataService data, SamplingService sampling, AugmentService augment, TrainingService training) {
    public Services {
        Objects.requireNonNull(data);
        Objects.requireNonNull(sampling);
        Objects.requireNonNull(augment);
        Objects.requireNonNull(training);
    }

    /** The real core, run folders in the workspace the CLI uses too ($COUNTERWEIGHT_WORKSPACE, else the platform's). */
    public static Services core() {
        return core(Workspace.resolve(null).dir());
    }

    /** The real core; run folders go under {@code runsDir}. */
    public static Services core(Path runsDir) {
        return new Services(new CoreDataService(), new CoreSamplingService(), new CoreAugmentService(),
                new CoreTrainingService(runsDir));
    }
}
