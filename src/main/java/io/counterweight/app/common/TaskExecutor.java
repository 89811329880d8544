package io.counterweight.app.common;

/**
 * The one way background work is started in the GUI. The app uses {@link FxTaskExecutor}
 * ({@code javafx.concurrent.Task} on daemon worker threads); view-model tests use a same-thread
 * executor so they need neither threads nor a screen.
 */
public interface TaskExecutor {
    <T> JobHandle execute(BackgroundJob<T> job);

    /** Stops accepting work and interrupts running work (on window close). */
    void shutdown();
}
