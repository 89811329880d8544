package io.counterweight.cli;

import io.counterweight.core.train.TrainingControl;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ctrl-C as a stop request instead of a kill. On SIGINT the JVM runs its shutdown hooks and halts when
 * they return (exit code 130); this hook cancels {@link #control} (training stops at the next batch and
 * finishes its run folder; the readers stop loading, as {@link ProgressPrinter#isCancelled()} says) and then
 * holds the JVM until {@link Main#main} has written the command's result or error ({@link #outputWritten()}),
 * at most {@value #GRACE_SECONDS} s.
 */
final class RunSupport implements AutoCloseable {
    private static final long GRACE_SECONDS = 30;
    private static final CountDownLatch OUTPUT_WRITTEN = new CountDownLatch(1);

    final TrainingControl control = new TrainingControl();
    private final Thread hook = new Thread(this::onInterrupt, "counterweight-shutdown");

    RunSupport() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Called by {@link Main#main} once stdout and stderr hold all the command prints: the JVM may exit. */
    static void outputWritten() {
        OUTPUT_WRITTEN.countDown();
    }

    boolean stopRequested() {
        return control.isCancelled();
    }

    /**
     * {@code work}'s result; {@link Stopped} instead when it failed after a stop was requested (a reader
     * stopped by the cancelled progress throws "cancelled"), so the user reads "stopped", not an error.
     */
    <T> T stoppable(ProgressPrinter progress, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!stopRequested()) throw e;
            progress.finishLine();
            throw new Stopped();
        }
    }

    /** Throws {@link Stopped} when a stop was requested: for commands whose result is worthless once the user stopped them. */
    void checkStopped(ProgressPrinter progress) {
        if (!stopRequested()) return;
        progress.finishLine();
        throw new Stopped();
    }

    private void onInterrupt() {
        control.cancel();
        try {
            OUTPUT_WRITTEN.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is waiting for the output (outputWritten), which the command is about to print
        }
    }
}
