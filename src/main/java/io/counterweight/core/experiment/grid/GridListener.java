package io.counterweight.core.experiment.grid;

/** Receives {@link GridEvent}s on the grid's thread (the training thread): keep it cheap. */
@FunctionalInterface
public interface GridListener {
    void onEvent(GridEvent event);

    GridListener NONE = e -> { };
}
