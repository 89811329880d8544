package io.counterweight.app.chart;

import javafx.scene.paint.Color;

/**
 * The viridis colour map (matplotlib): perceptually uniform, readable in grey and for the common
 * colour-vision deficiencies, so a heatmap reads the same on a projector and in print.
 */
public final class Viridis {
    // 11 evenly spaced stops of viridis; linear interpolation between them is visually exact enough.
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
    public static Color at(double t) {
        if (!(t > 0)) return TABLE[0];
        if (t >= 1) return TABLE[255];
        return TABLE[(int) Math.round(t * 255)];
    }

    /** Black or white, whichever reads better on top of {@link #at(double)}. */
    public static Color textOn(double t) {
        return t > 0.55 ? Color.BLACK : Color.WHITE; // viridis grows lighter monotonically
    }

    private static Color interpolate(double t) {
        double x = t * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(x));
        double f = x - i;
        int a = STOPS[i], b = STOPS[i + 1];
        return Color.rgb(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }
}
