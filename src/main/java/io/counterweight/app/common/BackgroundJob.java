package io.counterweight.app.common;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A unit of background work plus what to do with its outcome on the FX thread. View models build
 * one and hand it to the {@link TaskExecutor}; they never touch threads themselves (JabRef's
 * {@code BackgroundTask} pattern). Callbacks run on the FX thread in the app and on the calling
 * thread in tests.
 */
public final class BackgroundJob<T> {

    /** The work itself; runs off the FX thread and may throw. */
    @FunctionalInterface
    public interface Work<T> {
        T call(JobContext context) throws Exception;
    }

    /** Progress as a fraction in [0, 1], or negative when unknown. */
    @FunctionalInterface
    public interface ProgressHandler {
        void onProgress(String message, double fraction);
    }

    private final String title;
    private final Work<T> work;
    private Consumer<T> onSuccess = v -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> { };
    private ProgressHandler onProgress = (m, f) -> { };
    private Runnable onDone = () -> { };
    private boolean quiet;

    private BackgroundJob(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundJob<T> of(String title, Work<T> work) {
        return new BackgroundJob<>(title, work);
    }

    public BackgroundJob<T> onSuccess(Consumer<T> c) { onSuccess = Objects.requireNonNull(c); return this; }

    /** Without a failure handler the executor's error reporter shows the error: nothing is swallowed. */
    public BackgroundJob<T> onFailure(Consumer<Throwable> c) { onFailure = c; return this; }

    public BackgroundJob<T> onCancelled(Runnable r) { onCancelled = Objects.requireNonNull(r); return this; }

    public BackgroundJob<T> onProgress(ProgressHandler h) { onProgress = Objects.requireNonNull(h); return this; }

    /** Runs first whenever the job ends (success, failure or cancel), e.g. to clear a busy flag. */
    public BackgroundJob<T> onDone(Runnable r) { onDone = Objects.requireNonNull(r); return this; }

    /** Not listed in the status bar (short, frequent work such as preview renders). */
    public BackgroundJob<T> quiet() { quiet = true; return this; }

    public boolean isQuiet() { return quiet; }

    public JobHandle executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    public String title() { return title; }

    public Work<T> work() { return work; }

    public Consumer<T> successHandler() { return onSuccess; }

    /** The failure handler, or null when the executor's error reporter should handle failures. */
    public Consumer<Throwable> failureHandler() { return onFailure; }

    public Runnable cancelledHandler() { return onCancelled; }

    public ProgressHandler progressHandler() { return onProgress; }

    public Runnable doneHandler() { return onDone; }
}
