package io.counterweight.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * "Nice" axis ticks (steps of 1, 2 or 5 times a power of ten), so a reader can interpolate by eye
 * instead of squinting at 0.3127. Used by the report's images and by the window's live loss chart.
 *
 * @param lo    the axis's lower end (a multiple of {@code step})
 * @param hi    the axis's upper end (a multiple of {@code step})
 */
public record Ticks(double lo, double hi, double step) {

    /** Ticks covering [min, max] with about {@code target} intervals; whole numbers when {@code integers}. */
    public static Ticks of(double min, double max, int target, boolean integers) {
        if (!(max > min)) max = min + (integers ? 1 : Math.max(Math.abs(min) * 0.1, 1e-3));
        double step = nice((max - min) / target);
        if (integers) step = Math.max(1, Math.round(step));
        return new Ticks(Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step, step);
    }

    public List<Double> values() {
        List<Double> v = new ArrayList<>();
        for (int i = 0; lo + i * step <= hi + step * 1e-6; i++) v.add(lo + i * step);
        return v;
    }

    private static double nice(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }
}
