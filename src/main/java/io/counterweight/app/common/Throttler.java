package io.counterweight.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Merges a burst of events from a worker thread into at most one UI update per interval.
 *
 * <p>{@link #offer} may be called from any thread and never blocks; it only queues the event and,
 * if no flush is pending, schedules one for {@code interval} after the previous flush. The flush
 * runs on the UI thread and hands the sink every event queued since the last flush, in order, so
 * nothing is lost (a per-iteration listener that redraws per event slowed DL4J training tenfold).
 */
public final class Throttler<E> {
    /** At most ten UI updates a second. */
    public static final long DEFAULT_INTERVAL_MILLIS = 100;

    private final long intervalMillis;
    private final UiScheduler scheduler;
    private final Consumer<List<E>> sink;
    private final ConcurrentLinkedQueue<E> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushPending = new AtomicBoolean();
    private volatile long lastFlushMillis = Long.MIN_VALUE / 2;

    public Throttler(long intervalMillis, UiScheduler scheduler, Consumer<List<E>> sink) {
        if (intervalMillis < 0) throw new IllegalArgumentException("interval must be >= 0");
        this.intervalMillis = intervalMillis;
        this.scheduler = Objects.requireNonNull(scheduler);
        this.sink = Objects.requireNonNull(sink);
    }

    public void offer(E event) {
        queue.add(event);
        if (flushPending.compareAndSet(false, true)) {
            long wait = lastFlushMillis + intervalMillis - scheduler.nowMillis();
            scheduler.runLater(this::flush, Math.max(0, wait));
        }
    }

    /** Delivers everything queued so far; runs on the UI thread. */
    void flush() {
        // Clear the flag before draining: an event offered during the drain schedules the next flush.
        flushPending.set(false);
        lastFlushMillis = scheduler.nowMillis();
        List<E> batch = new ArrayList<>();
        for (E e; (e = queue.poll()) != null; ) batch.add(e);
        if (!batch.isEmpty()) sink.accept(batch);
    }
}
