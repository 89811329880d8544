package io.counterweight.core;

/**
 * Progress of long work (loading, training) reported as plain calls, so the CLI can print it and the
 * GUI can bind it. {@code isCancelled} lets the worker stop promptly when the user asks.
 */
public interface Progress {
    /** @param done units done so far, @param total units in all (or -1 when unknown). */
    void update(String message, long done, long total);

    /**
     * Something the user must see although the work goes on, e.g. a data set loaded with neutral class
     * names because its names file is missing. Ignored unless the front end shows it.
     */
    default void warn(String message) { }

    default boolean isCancelled() {
        return false;
    }

    Progress NONE = (message, done, total) -> { };
}
