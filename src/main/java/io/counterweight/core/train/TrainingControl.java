package io.counterweight.core.train;

/**
 * Stop and pause flags shared between the UI thread and the training thread. The trainer checks
 * them between batches, so a stop takes effect within one training step.
 */
public final class TrainingControl {
    private volatile boolean cancelled;
    private boolean paused;

    public void cancel() {
        cancelled = true;
        synchronized (this) {
            notifyAll();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** Blocks the training thread while paused; returns at once when cancelled. */
    public synchronized void awaitIfPaused() throws InterruptedException {
        while (paused && !cancelled) wait();
    }
}
