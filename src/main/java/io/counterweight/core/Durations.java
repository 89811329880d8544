package io.counterweight.core;

import java.util.Locale;

/** Durations as a clock shows them (ETAs, elapsed times), the same in the CLI and the GUI. */
public final class Durations {
    /** Shown for a duration not known (yet): NaN, infinite or negative. */
    public static final String UNKNOWN = "--:--";

    private Durations() { }

    /** "m:ss" below an hour, "h:mm:ss" from an hour on, rounded to the nearest second. */
    public static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) return UNKNOWN;
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
