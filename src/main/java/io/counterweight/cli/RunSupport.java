package io.counterweight.cli;

import io.counterweight.core.train.TrainingControl;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during training stops at the next batch and lets the run folder be finished (metrics of the
 * completed epochs and the model are kept) instead of killing the JVM mid-write.
 */
final class RunSupport implements AutoCloseable {
    private static final long GRACE_SECONDS = 30;

    final TrainingControl control = new TrainingControl();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onInterrupt, "counterweight-shutdown");

    RunSupport() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void onInterrupt() {
        control.cancel();
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook is waiting on 'finished', released above
        }
    }
}
