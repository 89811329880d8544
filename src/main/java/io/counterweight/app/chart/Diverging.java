package io.counterweight.app.chart;

import javafx.scene.paint.Color;

/**
 * ColorBrewer's RdBu diverging map, red (−1) through white (0) to blue (+1): readable for the common
 * colour-vision deficiencies and in grey (the ends are dark, the middle light), so a sign shows as a hue
 * and a size as a depth. Cells without a value are grey.
 */
public final class Diverging {
    private static final int[] STOPS = {
        0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac, 0x053061
    };
    private static final Color[] TABLE = new Color[257];
    public static final Color MISSING = Color.web("#bdbdbd");

    static {
        for (int i = 0; i < TABLE.length; i++) TABLE[i] = interpolate(i / 256.0);
    }

    private Diverging() { }

    /** The colour for {@code t} in [−1, 1] (clamped); NaN is {@link #MISSING}. */
    public static Color at(double t) {
        if (Double.isNaN(t)) return MISSING;
        double u = (Math.max(-1, Math.min(1, t)) + 1) / 2;
        return TABLE[(int) Math.round(u * 256)];
    }

    /** Black or white, whichever reads better on top of {@link #at(double)}. */
    public static Color textOn(double t) {
        return Math.abs(t) > 0.6 ? Color.WHITE : Color.BLACK;
    }

    private static Color interpolate(double u) {
        double x = u * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(x));
        double f = x - i;
        int a = STOPS[i], b = STOPS[i + 1];
        return Color.rgb(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }
}
