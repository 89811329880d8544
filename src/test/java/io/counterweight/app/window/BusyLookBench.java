package io.counterweight.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.AppContext;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.PulseTimer;
import io.counterweight.app.testing.TestWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A measurement, run on purpose, not a test: what the window's "busy" look costs the pulse that shows it.
 * When a run starts, everything that must not change during it is disabled, and each node whose
 * disabled state flips is restyled in the next pulse's CSS pass. The real window on the demo set, the
 * Training tab shown (as when Start is pressed); the workbench's busy flag set and cleared {@value #FLIPS}
 * times, and after each flip the pulse's own CSS and layout passes timed ({@link PulseTimer}). Before that,
 * three real runs started as the Start button does (the first one cold, as a session's first run), each
 * followed by the passes of the next pulse, with the number of nodes that pulse restyles.
 * <pre>mvn -o -q test -Dtest=BusyLookBench -Dcounterweight.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "counterweight.bench", matches = "true")
class BusyLookBench {
    private static final int FLIPS = 60;
    private final Preferences prefs = Preferences.userRoot().node("io/counterweight/bench-" + UUID.randomUUID());
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("counterweight.warmup", "false");
        Path workspace = Files.createTempDirectory("counterweight-busy-bench");
        context = TestWindow.show(stage, Services.core(workspace), new CollectingErrorReporter(), prefs);
        context.openFromOutside(null); // the demo set
    }

    @AfterEach
    void tearDown() throws Exception {
        context.shutdown();
        prefs.removeNode();
    }

    @Test
    void flipTheBusyLook(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.workbench().selectedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("4  Training");
        WaitForAsyncUtils.waitForFxEvents();
        Parent root = robot.targetWindow().getScene().getRoot();
        PulseTimer pulse = new PulseTimer(root.getScene());
        if (Boolean.getBoolean("bench.lookWarmUp")) { // as the window does after its warm-up epoch
            robot.interact(() -> {
                long t0 = System.nanoTime();
                int styled = io.counterweight.app.common.LookWarmUp.disabledLook(root, context.workbench().busyProperty());
                double ms = (System.nanoTime() - t0) / 1e6;
                double[] p = pulse.cssAndLayout();
                System.out.printf(Locale.ROOT, "BENCH LookWarmUp: %d subtrees in %.1f ms, then CSS %.1f ms and layout %.1f ms%n", styled, ms, p[0], p[1]);
            });
        }
        // The real Start: which nodes need CSS in the pulse after it, and what that pulse's passes cost.
        for (int run = 1; run <= 3; run++) {
            int r = run;
            robot.interact(() -> {
                long t0 = System.nanoTime();
                context.trainingViewModel().start();
                double startMs = (System.nanoTime() - t0) / 1e6;
                List<Node> all = new ArrayList<>();
                collect(root, all);
                int needing = 0;
                for (Node n : all) if (needsCss(n)) needing++;
                double[] p = pulse.cssAndLayout();
                System.out.printf(Locale.ROOT, "BENCH Start, run %d: start() %.1f ms, then CSS %.1f ms and layout %.1f ms for %d nodes needing CSS%n", r, startMs, p[0], p[1], needing);
            });
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !context.workbench().busyProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
        }
        double[] on = new double[FLIPS], off = new double[FLIPS];
        int[] flipped = new int[1];
        int[] total = new int[1];
        robot.interact(() -> {
            List<Node> all = new ArrayList<>();
            collect(root, all);
            total[0] = all.size();
            boolean[] before = new boolean[all.size()];
            for (int i = 0; i < all.size(); i++) before[i] = all.get(i).isDisabled();
            for (int i = 0; i < FLIPS; i++) {
                long t0 = System.nanoTime();
                context.workbench().busyProperty().set(true);
                double[] p = pulse.cssAndLayout();
                on[i] = (System.nanoTime() - t0) / 1e6;
                if (i == 0) {
                    for (int k = 0; k < all.size(); k++) if (all.get(k).isDisabled() != before[k]) flipped[0]++;
                }
                long t1 = System.nanoTime();
                context.workbench().busyProperty().set(false);
                pulse.cssAndLayout();
                off[i] = (System.nanoTime() - t1) / 1e6;
            }
        });
        assertTrue(flipped[0] > 0, "busy disables something");
        System.out.printf(Locale.ROOT, "BENCH busy look: %d of %d nodes change their disabled state%n", flipped[0], total[0]);
        System.out.printf(Locale.ROOT, "BENCH first flips (cold): on %.1f, off %.1f, on %.1f, off %.1f ms%n", on[0], off[0], on[1], off[1]);
        System.out.println("BENCH busy on, flip + CSS + layout: " + PulseTimer.stats(on, 10));
        System.out.println("BENCH busy off, flip + CSS + layout: " + PulseTimer.stats(off, 10));
        System.out.println("BENCH prism.order=" + System.getProperty("prism.order") + " glass=" + System.getProperty("glass.platform")
                + " cores=" + Runtime.getRuntime().availableProcessors() + " java=" + System.getProperty("java.version"));
    }

    private static boolean needsCss(Node n) {
        return !"CLEAN".equals(PulseTimer.cssFlag(n));
    }

    private static void collect(Node n, List<Node> out) {
        out.add(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, out);
    }
}
