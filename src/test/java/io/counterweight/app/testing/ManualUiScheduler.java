package io.counterweight.app.testing;

import io.counterweight.app.common.UiScheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link UiScheduler} with a hand-moved clock: actions run when the test advances time past their
 * due time, or immediately when built with {@link #immediate()}.
 */
public final class ManualUiScheduler implements UiScheduler {
    private record Scheduled(long due, Runnable action) { }

    private final boolean immediate;
    private final List<Scheduled> queue = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private long now;

    private ManualUiScheduler(boolean immediate) {
        this.immediate = immediate;
    }

    public static ManualUiScheduler manual() {
        return new ManualUiScheduler(false);
    }

    public static ManualUiScheduler immediate() {
        return new ManualUiScheduler(true);
    }

    @Override
    public void runLater(Runnable action, long delayMillis) {
        delays.add(delayMillis);
        if (immediate) action.run();
        else queue.add(new Scheduled(now + delayMillis, action));
    }

    @Override
    public long nowMillis() {
        return now;
    }

    /** Moves the clock and runs every action that is due, in due order. */
    public void advance(long millis) {
        now += millis;
        queue.sort((a, b) -> Long.compare(a.due(), b.due()));
        while (!queue.isEmpty() && queue.get(0).due() <= now) queue.remove(0).action().run();
    }

    public int pendingCount() {
        return queue.size();
    }

    /** The delays asked for, in order. */
    public List<Long> requestedDelays() {
        return delays;
    }
}
