package io.counterweight.app.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The arithmetic of {@link PulseMonitor}, without JavaFX: fed the time of each pulse (nanoseconds, as
 * an {@code AnimationTimer} gets it), it keeps the gaps between consecutive pulses of the current
 * interval as a histogram of 1 ms buckets, and hands out one {@link Interval} summary at a time.
 * Thread-safe: the FX thread feeds it, a logging thread takes the intervals.
 */
public final class PulseStats {
    /** A gap longer than this is a stall the user feels (issue #10's bound). */
    public static final long SLOW_GAP_MILLIS = 100;
    /** Gaps from 0 to BUCKETS-1 ms get a bucket each; longer ones share the last. */
    static final int BUCKETS = 2_000;
    /** Gaps of at least this (four frames) are also kept one by one with their end, to line them up with GC and JFR logs. */
    public static final long LONG_GAP_MILLIS = 67;
    /** At most this many long gaps are kept an interval (a frozen window would otherwise fill memory). */
    static final int MAX_LONG_GAPS = 64;

    private final long[] histogram = new long[BUCKETS];
    private long previousNanos = Long.MIN_VALUE;
    private long count, slow, maxNanos;
    private final List<LongGap> longGaps = new ArrayList<>();

    /** One pulse at {@code nowNanos}; the first pulse only starts the clock. */
    public synchronized void pulse(long nowNanos) {
        if (previousNanos != Long.MIN_VALUE) {
            long gap = Math.max(0, nowNanos - previousNanos);
            histogram[(int) Math.min(BUCKETS - 1, gap / 1_000_000)]++;
            count++;
            if (gap > SLOW_GAP_MILLIS * 1_000_000) slow++;
            maxNanos = Math.max(maxNanos, gap);
            if (gap >= LONG_GAP_MILLIS * 1_000_000 && longGaps.size() < MAX_LONG_GAPS) longGaps.add(new LongGap(nowNanos, gap / 1e6));
        }
        previousNanos = nowNanos;
    }

    /**
     * Forgets the previous pulse, so the next one starts a new clock (the timer was stopped, or the
     * time between is not the window's doing). Kept gaps stay.
     */
    public synchronized void restart() {
        previousNanos = Long.MIN_VALUE;
    }

    /** The gaps since the last call, then starts a new interval. */
    public synchronized Interval takeInterval() {
        Interval i = new Interval(count, maxNanos / 1e6, slow, histogram.clone(), List.copyOf(longGaps));
        Arrays.fill(histogram, 0);
        longGaps.clear();
        count = 0;
        slow = 0;
        maxNanos = 0;
        return i;
    }

    /**
     * The gaps of one interval.
     *
     * @param gaps       number of gaps (pulses minus one at the start)
     * @param maxMillis  the longest gap, exact
     * @param slowGaps   gaps longer than {@link #SLOW_GAP_MILLIS}
     * @param histogram  gaps per whole millisecond (the last bucket holds every longer one)
     * @param longGaps   the gaps of at least {@link #LONG_GAP_MILLIS}, in order (at most {@link #MAX_LONG_GAPS})
     */
    public record Interval(long gaps, double maxMillis, long slowGaps, long[] histogram, List<LongGap> longGaps) {
        /** The smallest whole millisecond m such that at least fraction {@code q} of the gaps are under m+1 ms. */
        public long percentileMillis(double q) {
            if (gaps == 0) return 0;
            long need = (long) Math.ceil(q * gaps);
            long seen = 0;
            for (int ms = 0; ms < histogram.length; ms++) {
                seen += histogram[ms];
                if (seen >= Math.max(1, need)) return ms;
            }
            return histogram.length - 1;
        }

        /** The non-empty buckets as {@code ms:count,ms:count}, so phases can be merged exactly later. */
        public String sparseHistogram() {
            StringBuilder b = new StringBuilder();
            for (int ms = 0; ms < histogram.length; ms++) {
                if (histogram[ms] == 0) continue;
                if (b.length() > 0) b.append(',');
                b.append(ms).append(':').append(histogram[ms]);
            }
            return b.length() == 0 ? "-" : b.toString();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "gaps=%d max=%.1fms p99=%dms slow=%d", gaps, maxMillis, percentileMillis(0.99), slowGaps);
        }
    }

    /** One long gap: the pulse that ended it ({@code System.nanoTime()} clock) and its length. */
    public record LongGap(long endNanos, double millis) {}
}
