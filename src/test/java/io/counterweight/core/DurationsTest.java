package io.counterweight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void secondsAndMinutesAsMinutesColonSeconds() {
        assertEquals("0:00", Durations.clock(0));
        assertEquals("0:07", Durations.clock(7.4));
        assertEquals("0:08", Durations.clock(7.5), "rounded to the nearest second");
        assertEquals("1:00", Durations.clock(59.6));
        assertEquals("59:59", Durations.clock(3599));
    }

    @Test
    void anHourOrMoreGetsHours() {
        assertEquals("1:00:00", Durations.clock(3600));
        assertEquals("2:03:04", Durations.clock(2 * 3600 + 3 * 60 + 4));
        assertEquals("26:00:01", Durations.clock(26 * 3600 + 1), "no days");
    }

    @Test
    void unknownDurationsShowThePlaceholder() {
        assertEquals(Durations.UNKNOWN, Durations.clock(Double.NaN));
        assertEquals(Durations.UNKNOWN, Durations.clock(Double.POSITIVE_INFINITY), "e.g. an ETA at 0 images/s");
        assertEquals(Durations.UNKNOWN, Durations.clock(-1));
        assertEquals("--:--", Durations.UNKNOWN);
    }
}
