package io.counterweight.app.services;

import java.util.Objects;

/** The set of services a window works with. */
public record Services(DataService data, SamplingService sampling, AugmentService augment, TrainingService training) {
    public Services {
        Objects.requireNonNull(data);
        Objects.requireNonNull(sampling);
        Objects.requireNonNull(augment);
        Objects.requireNonNull(training);
    }

    /** The real core. TODO(merge): data and training services arrive with the core helpers. */
    public static Services core() {
        throw new UnsupportedOperationException("core data/training not merged yet");
    }
}
