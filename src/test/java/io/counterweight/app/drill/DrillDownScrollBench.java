package io.counterweight.app.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.testing.PulseTimer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.SnapshotParameters;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A measurement, run on purpose, not a test: the drill-down window on a cell of 5,000 generated 32×32 colour
 * images, its grid scrolled from top to bottom one screen at a time, waiting each time until every thumbnail
 * in view is shown, then flung back to the top one screen per step without waiting. Per step: the FX thread's
 * scroll (the grid reuses and refills its cells), the CSS and layout passes that follow ({@link PulseTimer}),
 * rendering the grid (a snapshot), and the time until every thumbnail in view is shown (polled every ~10 ms);
 * and the most thumbnail cells the grid held at once.
 * <pre>mvn -o -q test -Dtest=DrillDownScrollBench -Dcounterweight.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "counterweight.bench", matches = "true")
class DrillDownScrollBench {
    private static final int IMAGES = 5_000, MAX_STEPS = 2_000, WARM_UP = 5;
    private final ManyImagesCell cell = new ManyImagesCell(IMAGES);
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        ManyImagesCell.owner(stage);
    }

    @AfterEach
    void tearDown() throws Exception {
        cell.shutdown();
    }

    /** One step's times in ms: scroll, CSS + layout, render; and when it started (System.nanoTime). */
    private record Step(double scroll, double cssLayout, double render, long started, int cells, boolean end) { }

    @Test
    void scrollFiveThousandThumbnails() throws Exception {
        cell.open(owner);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(cell::allVisibleShown).get());
        PulseTimer pulse = new PulseTimer(cell.drill.window().getScene());
        SnapshotParameters params = new SnapshotParameters();
        double[][] down = new double[4][MAX_STEPS];
        int steps = 0, maxCells = 0;
        for (boolean end = false; !end && steps < MAX_STEPS; steps++) {
            Step s = step(pulse, params, +1);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(cell::allVisibleShown).get());
            down[0][steps] = s.scroll();
            down[1][steps] = s.cssLayout();
            down[2][steps] = s.render();
            down[3][steps] = (System.nanoTime() - s.started()) / 1e6;
            maxCells = Math.max(maxCells, s.cells());
            end = s.end();
        }
        int downSteps = steps;
        double[][] up = new double[3][MAX_STEPS];
        long flingStart = System.nanoTime();
        steps = 0;
        for (boolean top = false; !top && steps < MAX_STEPS; steps++) {
            Step s = step(pulse, params, -1);
            up[0][steps] = s.scroll();
            up[1][steps] = s.cssLayout();
            up[2][steps] = s.render();
            maxCells = Math.max(maxCells, s.cells());
            top = s.end();
        }
        long flingEnd = System.nanoTime();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(cell::allVisibleShown).get());
        double firstScreen = (System.nanoTime() - flingEnd) / 1e6;
        List<CellImage> shown = WaitForAsyncUtils.asyncFx(() -> cell.visibleCells().stream().map(CellImageCell::getItem).toList()).get();
        assertTrue(shown.stream().anyMatch(i -> i.index() == 0), "back at the first image");
        assertEquals(List.of(), cell.errors.messages);

        System.out.printf(Locale.ROOT, "BENCH drill-down, %,d images of 32×32×3 in one cell, grid %.0f×%.0f px, %d steps of one screen down%n",
                IMAGES, cell.flow().getWidth(), cell.flow().getHeight(), downSteps);
        System.out.println("BENCH down, FX-thread scroll per step: " + stats(down[0], downSteps));
        System.out.println("BENCH down, CSS + layout after a step: " + stats(down[1], downSteps));
        System.out.println("BENCH down, rendering the grid (snapshot): " + stats(down[2], downSteps));
        System.out.println("BENCH down, until every thumbnail in view is shown: " + stats(down[3], downSteps));
        System.out.printf(Locale.ROOT, "BENCH fling up, %d steps without waiting, %.0f ms in all%n", steps, (flingEnd - flingStart) / 1e6);
        System.out.println("BENCH fling up, FX-thread scroll per step: " + stats(up[0], steps));
        System.out.println("BENCH fling up, CSS + layout after a step: " + stats(up[1], steps));
        System.out.println("BENCH fling up, rendering the grid (snapshot): " + stats(up[2], steps));
        System.out.printf(Locale.ROOT, "BENCH after the fling, until the first screen's thumbnails are shown: %.0f ms%n", firstScreen);
        System.out.println("BENCH most thumbnail cells held at once: " + maxCells);
        System.out.println("BENCH prism.order=" + System.getProperty("prism.order") + " glass=" + System.getProperty("glass.platform")
                + " cores=" + Runtime.getRuntime().availableProcessors() + " java=" + System.getProperty("java.version"));
        assertTrue(maxCells < 200, maxCells + " cells");
    }

    /** Scrolls one screen down (+1) or up (-1) on the FX thread, then runs the pulse's passes and renders the grid. */
    private Step step(PulseTimer pulse, SnapshotParameters params, int direction) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            var flow = cell.flow();
            long t0 = System.nanoTime();
            flow.scrollPixels(direction * flow.getHeight());
            long t1 = System.nanoTime();
            double[] passes = pulse.cssAndLayout();
            long t2 = System.nanoTime();
            cell.grid().snapshot(params, null);
            long t3 = System.nanoTime();
            boolean end = direction > 0 ? flow.getPosition() >= 1 : flow.getPosition() <= 0;
            return new Step((t1 - t0) / 1e6, passes[0] + passes[1], (t3 - t2) / 1e6, t0, cell.cells().size(), end);
        }).get(60, TimeUnit.SECONDS);
    }

    private static String stats(double[] ms, int n) {
        return PulseTimer.stats(Arrays.copyOf(ms, n), Math.min(WARM_UP, n - 1));
    }
}
