package io.counterweight.core.train;

/**
 * Images per second over the last {@code window} training steps, so the rate shown follows the current
 * speed rather than the whole-run average. O(1) per step.
 */
final class MovingRate {
    private final long[] times;
    private final long[] images;
    private int next;
    private int filled;
    private long total;

    MovingRate(int window) {
        times = new long[window + 1];
        images = new long[window + 1];
    }

    /** Starts a new window at {@code nanos} (e.g. after an evaluation pause that is not training time). */
    void restart(long nanos) {
        filled = 0;
        next = 0;
        record(nanos, 0);
    }

    /** A step of {@code count} images ended at {@code nanos}. */
    void record(long nanos, int count) {
        total += count;
        times[next] = nanos;
        images[next] = total;
        next = (next + 1) % times.length;
        filled = Math.min(filled + 1, times.length);
    }

    /** Images per second across the window, or NaN before the first step. */
    double perSecond() {
        if (filled < 2) return Double.NaN;
        int newest = (next - 1 + times.length) % times.length;
        int oldest = (next - filled + times.length) % times.length;
        double seconds = (times[newest] - times[oldest]) / 1e9;
        return seconds <= 0 ? Double.NaN : (images[newest] - images[oldest]) / seconds;
    }
}
