package io.counterweight.app.services;

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

    /** The real core; run folders go under {@code runsDir} (the CLI's default is {@code runs}). */
    public static Services core(Path runsDir) {
        return new Services(new CoreDataService(), new CoreSamplingService(), new CoreAugmentService(),
                new CoreTrainingService(runsDir));
    }
}
