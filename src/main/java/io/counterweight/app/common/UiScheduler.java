package io.counterweight.app.common;

/**
 * Runs an action on the UI thread after a delay. Abstracted so the {@link Throttler} can be tested
 * with a manual clock and no FX toolkit.
 */
public interface UiScheduler {
    void runLater(Runnable action, long delayMillis);

    /** Milliseconds of a monotonic clock. */
    long nowMillis();
}
