package io.counterweight.core.report;

import java.awt.Color;

/**
 * The viridis colour map for the exported heatmaps, the same stops as the window's
 * ({@code app.chart.Viridis}) so a PNG and the screen agree; copied, not shared, because the core may
 * not see JavaFX colours. Perceptually uniform and readable in grey and for colour-blind readers.
 */
final class Viridis {
    private static final int[] STOPS = {
        0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
        0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725
    };
    private static final Color[] TABLE = new Color[256];

    static {
        for (int i = 0; i < TABLE.length; i++) TABLE[i] = interpolate(i / 255.0);
    }

    private Viridis() { }

    /** The colour for {@code t} in [0, 1] (clamped; NaN gives the lowest colour). */
    static Color at(double t) {
        if (!(t > 0)) return TABLE[0];
        if (t >= 1) return TABLE[255];
        return TABLE[(int) Math.round(t * 255)];
    }

    /** Black or white, whichever reads better on top of {@link #at(double)}. */
    static Color textOn(double t) {
        return t > 0.55 ? Color.BLACK : Color.WHITE;
    }

    private static Color interpolate(double t) {
        double x = t * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(x));
        double f = x - i;
        int a = STOPS[i], b = STOPS[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }
}
