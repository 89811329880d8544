package io.counterweight.app.testing;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * For benchmarks: times a change made on the FX thread and the CSS and layout passes of the pulse that
 * follows it, as JavaFX itself runs them (between the scene's pre- and post-layout pulse listeners), so
 * only what the change made dirty is restyled and laid out. {@code Parent.applyCss()} would restyle the
 * whole subtree, far more than a pulse does.
 */
public final class PulseTimer implements AutoCloseable {
    private final Scene scene;
    private final Runnable pre = this::beforeLayout;
    private final Runnable post = this::afterLayout;
    private Pending pending; // FX thread only
    private long layoutStart;

    /** The change's own time and its pulse's CSS + layout time, in ms. */
    public record Times(double change, double cssLayout) { }

    private record Pending(CountDownLatch done, double[] out) { }

    public PulseTimer(Scene scene) {
        this.scene = scene;
        Platform.runLater(() -> {
            scene.addPreLayoutPulseListener(pre);
            scene.addPostLayoutPulseListener(post);
        });
    }

    /** Runs {@code change} on the FX thread and waits (from another thread) for the end of the next pulse's layout. */
    public Times measure(Runnable change) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        double[] out = new double[2];
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            change.run();
            out[0] = (System.nanoTime() - t0) / 1e6;
            pending = new Pending(done, out);
            Platform.requestNextPulse(); // a pulse even when the change made nothing dirty
        });
        if (!done.await(60, TimeUnit.SECONDS)) throw new AssertionError("no pulse within 60 s of a change");
        return new Times(out[0], out[1]);
    }

    private void beforeLayout() {
        layoutStart = System.nanoTime();
    }

    private void afterLayout() {
        Pending p = pending;
        if (p == null) return;
        pending = null;
        p.out()[1] = (System.nanoTime() - layoutStart) / 1e6;
        p.done().countDown();
    }

    @Override
    public void close() {
        Platform.runLater(() -> {
            scene.removePreLayoutPulseListener(pre);
            scene.removePostLayoutPulseListener(post);
        });
    }

    /** Median, 95th percentile and max of {@code ms} after the first {@code warmUp} values. */
    public static String stats(double[] ms, int warmUp) {
        double[] v = Arrays.copyOfRange(ms, warmUp, ms.length);
        Arrays.sort(v);
        return String.format(Locale.ROOT, "median %.2f ms, p95 %.2f ms, max %.2f ms (n=%d)",
                v[v.length / 2], v[(int) (v.length * 0.95)], v[v.length - 1], v.length);
    }

    /** The median of {@code ms} after the first {@code warmUp} values. */
    public static double median(double[] ms, int warmUp) {
        double[] v = Arrays.copyOfRange(ms, warmUp, ms.length);
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
