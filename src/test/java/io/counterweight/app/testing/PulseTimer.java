package io.counterweight.app.testing;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import javafx.scene.Scene;

/**
 * For benchmarks: runs a scene's CSS and layout passes exactly as its next pulse would ({@code Scene.doCSSPass}
 * and {@code doLayoutPass}, reached by reflection), so only what a change made dirty is restyled and laid out,
 * and says how long that took. {@code Parent.applyCss()} is no substitute: it restyles the whole subtree.
 */
public final class PulseTimer {
    private final Scene scene;
    private final Method css;
    private final Method layout;

    public PulseTimer(Scene scene) {
        this.scene = scene;
        try {
            css = Scene.class.getDeclaredMethod("doCSSPass");
            layout = Scene.class.getDeclaredMethod("doLayoutPass");
            css.setAccessible(true); // JavaFX is on the class path in the tests, so its internals are reachable
            layout.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JavaFX has no Scene.doCSSPass/doLayoutPass", e);
        }
    }

    /** The pulse's CSS and layout passes, now, on the FX thread; returns their times {CSS, layout} in ms. */
    public double[] cssAndLayout() {
        try {
            long t0 = System.nanoTime();
            css.invoke(scene);
            long t1 = System.nanoTime();
            layout.invoke(scene);
            return new double[] {(t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6};
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The node's CSS state as JavaFX keeps it (CLEAN, DIRTY_BRANCH, UPDATE, REAPPLY): what the next pulse restyles. */
    public static String cssFlag(javafx.scene.Node node) {
        try {
            java.lang.reflect.Field f = javafx.scene.Node.class.getDeclaredField("cssFlag");
            f.setAccessible(true);
            return String.valueOf(f.get(node));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JavaFX has no Node.cssFlag", e);
        }
    }

    /** Median, 95th percentile and max of {@code ms} after the first {@code warmUp} values. */
    public static String stats(double[] ms, int warmUp) {
        double[] v = Arrays.copyOfRange(ms, warmUp, ms.length);
        Arrays.sort(v);
        return String.format(Locale.ROOT, "median %.2f ms, p95 %.2f ms, max %.2f ms (n=%d)",
                v[v.length / 2], v[(int) (v.length * 0.95)], v[v.length - 1], v.length);
    }
}
