package io.counterweight.app.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** {@link UiScheduler} for the app: a daemon timer thread that hands actions to {@code Platform.runLater}. */
public final class FxUiScheduler implements UiScheduler {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "counterweight-ui-timer");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void runLater(Runnable action, long delayMillis) {
        if (delayMillis <= 0) Platform.runLater(action);
        else TIMER.schedule(() -> Platform.runLater(action), delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public long nowMillis() {
        return System.nanoTime() / 1_000_000;
    }
}
