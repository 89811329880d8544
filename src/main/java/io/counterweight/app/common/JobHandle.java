package io.counterweight.app.common;

/** The running side of a {@link BackgroundJob}: lets the UI cancel it. */
public interface JobHandle {
    /** Asks the work to stop; its {@code onCancelled} callback runs instead of success or failure. */
    void cancel();

    boolean isDone();

    /** A handle of nothing, for "no job yet" fields. */
    JobHandle NONE = new JobHandle() {
        @Override public void cancel() { }
        @Override public boolean isDone() { return true; }
    };
}
