package io.counterweight.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** PulseStats against a fake clock: pulse times in nanoseconds, as an AnimationTimer gets them. */
class PulseStatsTest {
    private static final long MS = 1_000_000;
    private final PulseStats stats = new PulseStats();
    private long clock = 5_000 * MS; // any start: only differences count

    private void pulseAfter(double millis) {
        clock += (long) (millis * MS);
        stats.pulse(clock);
    }

    @Test
    void theFirstPulseOnlyStartsTheClock() {
        stats.pulse(clock);
        PulseStats.Interval i = stats.takeInterval();
        assertEquals(0, i.gaps());
        assertEquals(0, i.maxMillis());
        assertEquals(0, i.percentileMillis(0.99));
        assertEquals("-", i.sparseHistogram());
    }

    @Test
    void gapsAreCountedWithTheirMaximumPercentilesAndSlowOnes() {
        stats.pulse(clock);
        for (int k = 0; k < 97; k++) pulseAfter(16.7);
        pulseAfter(100);    // exactly the bound: not slow
        pulseAfter(100.5);  // over it
        pulseAfter(250.25);
        PulseStats.Interval i = stats.takeInterval();
        assertEquals(100, i.gaps());
        assertEquals(250.25, i.maxMillis(), 1e-9);
        assertEquals(2, i.slowGaps());
        assertEquals(16, i.percentileMillis(0.5));
        assertEquals(16, i.percentileMillis(0.97), "97 of 100 gaps are 16.7 ms");
        assertEquals(100, i.percentileMillis(0.98));
        assertEquals(100, i.percentileMillis(0.99));
        assertEquals(250, i.percentileMillis(1.0));
        assertEquals("16:97,100:2,250:1", i.sparseHistogram());
    }

    @Test
    void eachIntervalStartsEmptyButTheGapAcrossTheBoundaryCounts() {
        stats.pulse(clock);
        pulseAfter(300);
        assertEquals(300, stats.takeInterval().maxMillis(), 1e-9);
        pulseAfter(20); // the first gap of the next interval is measured from the last pulse of the previous
        PulseStats.Interval next = stats.takeInterval();
        assertEquals(1, next.gaps());
        assertEquals(20, next.maxMillis(), 1e-9);
        assertEquals(0, next.slowGaps());
    }

    @Test
    void aGapBeyondTheHistogramLandsInItsLastBucketWithAnExactMaximum() {
        stats.pulse(clock);
        pulseAfter(12_345);
        PulseStats.Interval i = stats.takeInterval();
        assertEquals(12_345, i.maxMillis(), 1e-9);
        assertEquals(PulseStats.BUCKETS - 1, i.percentileMillis(0.99));
    }

    @Test
    void restartForgetsThePreviousPulse() {
        stats.pulse(clock);
        stats.restart();
        pulseAfter(5_000);
        pulseAfter(10);
        PulseStats.Interval i = stats.takeInterval();
        assertEquals(1, i.gaps());
        assertEquals(10, i.maxMillis(), 1e-9);
    }

    @Test
    void withoutThePropertyNoMonitorIsCreated() {
        assertEquals(null, System.getProperty(PulseMonitor.PROPERTY), "the tests run without a pulse log");
        assertEquals(null, PulseMonitor.startIfRequested());
    }

    @Test
    void residentSetLinesParseInKilobytes() {
        assertEquals(612_345, PulseMonitor.parseKb("VmRSS:\t  612345 kB"));
    }

    @Test
    void longGapsAreKeptWithTheirEndInOrderAndBounded() {
        stats.pulse(clock);
        pulseAfter(66.9);           // under four frames: not kept
        pulseAfter(67);             // kept
        long endOfFirst = clock;
        pulseAfter(16.7);
        pulseAfter(140.5);          // kept
        PulseStats.Interval i = stats.takeInterval();
        assertEquals(2, i.longGaps().size());
        assertEquals(endOfFirst, i.longGaps().get(0).endNanos());
        assertEquals(67, i.longGaps().get(0).millis(), 1e-9);
        assertEquals(clock, i.longGaps().get(1).endNanos());
        assertEquals(140.5, i.longGaps().get(1).millis(), 1e-9);
        assertEquals(0, stats.takeInterval().longGaps().size(), "each interval keeps its own");
        for (int k = 0; k < PulseStats.MAX_LONG_GAPS + 10; k++) pulseAfter(200);
        PulseStats.Interval frozen = stats.takeInterval();
        assertEquals(PulseStats.MAX_LONG_GAPS, frozen.longGaps().size());
        assertEquals(PulseStats.MAX_LONG_GAPS + 10, frozen.slowGaps(), "the counts still see every gap");
    }
}
