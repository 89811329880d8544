package io.counterweight.core.train;

/** Receives {@link TrainingEvent}s on the training thread. */
@FunctionalInterface
public interface TrainingListener {
    void onEvent(TrainingEvent event);

    TrainingListener NONE = e -> { };
}
