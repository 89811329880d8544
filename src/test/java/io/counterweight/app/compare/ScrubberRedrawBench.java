package io.counterweight.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterweight.app.AppContext;
import io.counterweight.app.chart.ClassChangeChart;
import io.counterweight.app.chart.ConfusionHeatmap;
import io.counterweight.app.chart.DifferenceHeatmap;
import io.counterweight.app.services.CoreSamplingService;
import io.counterweight.app.services.EpochView;
import io.counterweight.app.services.ReopenedRun;
import io.counterweight.app.services.RunHistoryService;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.PulseTimer;
import io.counterweight.app.testing.ScriptedTrainingService;
import io.counterweight.app.testing.TestServices;
import io.counterweight.app.testing.TestWindow;
import io.counterweight.core.Progress;
import io.counterweight.core.experiment.EpochMetrics;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.Provenance;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.TableView;
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
 * A measurement, run on purpose, not a test: the Compare tab of the real window with two runs of 50
 * classes × 20 epochs (100 test images a class, random confusions), the epoch scrubber moved 300 times
 * (the first 50 moves are warm-up). Times per move (a) the FX thread's work: every view of the screen
 * follows the epoch; (b) the CSS and layout passes of the pulse that follows, as JavaFX runs them
 * ({@link PulseTimer}: the pulse's own passes, not a restyle of the whole scene); (c) rendering both heatmaps to pixels, and then the difference map, the
 * class chart and the per-class table (a snapshot each, an upper bound of what the pulse paints).
 * <pre>mvn -o -q test -Dtest=ScrubberRedrawBench -Dcounterweight.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "counterweight.bench", matches = "true")
class ScrubberRedrawBench {
    private static final int CLASSES = 50, EPOCHS = 20, MOVES = 300, WARM_UP = 50;
    private final Preferences prefs = Preferences.userRoot().node("io/counterweight/bench-" + UUID.randomUUID());
    private AppContext context;

    @Start
    void start(Stage stage) {
        CollectingErrorReporter errors = new CollectingErrorReporter();
        Services services = new Services(TestServices.identityData(), new CoreSamplingService(), TestServices.noAugment(),
                new ScriptedTrainingService(), new SyntheticHistory());
        context = TestWindow.show(stage, services, errors, prefs, 1590, 1190);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.shutdown();
        prefs.removeNode();
    }

    @Test
    void scrubTwo50ClassHeatmaps(FxRobot robot) throws Exception {
        robot.clickOn("5  Compare");
        CompareViewModel vm = context.compareViewModel();
        robot.interact(() -> vm.open(List.of(Path.of("/bench/a"), Path.of("/bench/b"))));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.runs().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        ConfusionHeatmap first = robot.lookup("#baselineHeatmap").query(), second = robot.lookup("#improvedHeatmap").query();
        DifferenceHeatmap difference = robot.lookup("#differenceMap").query();
        ClassChangeChart changes = robot.lookup("#changeChart").query();
        TableView<?> table = robot.lookup("#classTable").query();
        assertEquals(CLASSES, first.matrixProperty().get().numClasses());
        double[] update = new double[MOVES], layout = new double[MOVES], render = new double[MOVES], idle = new double[MOVES],
                others = new double[MOVES];
        double[][] parts = new double[3][MOVES];
        double[] cssOnly = new double[MOVES];
        PulseTimer pulse = new PulseTimer(first.getScene());
        robot.interact(() -> {
            SnapshotParameters params = new SnapshotParameters();
            for (int i = 0; i < MOVES; i++) {
                int epoch = 1 + (i * 7) % EPOCHS; // jumps, so every move changes the matrices
                long t0 = System.nanoTime();
                vm.epochProperty().set(epoch == vm.epochProperty().get() ? epoch % EPOCHS + 1 : epoch);
                update[i] = (System.nanoTime() - t0) / 1e6;
                double[] passes = pulse.cssAndLayout(); // what the next pulse does before it paints
                cssOnly[i] = passes[0];
                layout[i] = passes[0] + passes[1];
                long t1 = System.nanoTime();
                first.snapshot(params, null); // the whole heatmap: cells, labels, legend
                second.snapshot(params, null);
                long t2 = System.nanoTime();
                first.snapshot(params, null); // nothing new to draw: the snapshot's own cost
                second.snapshot(params, null);
                long t3 = System.nanoTime();
                difference.snapshot(params, null); // the other views a move changes
                long td = System.nanoTime();
                changes.snapshot(params, null);
                long tc = System.nanoTime();
                table.snapshot(params, null);
                long t4 = System.nanoTime();
                parts[0][i] = (td - t3) / 1e6;
                parts[1][i] = (tc - td) / 1e6;
                parts[2][i] = (t4 - tc) / 1e6;
                render[i] = (t2 - t1) / 1e6;
                idle[i] = (t3 - t2) / 1e6;
                others[i] = (t4 - t3) / 1e6;
            }
        });
        System.out.printf(Locale.ROOT, "BENCH scrubber, 2 × %d×%d heatmaps (+ difference map, class chart, table), %d moves, heatmap canvas %.0f×%.0f px%n",
                CLASSES, CLASSES, MOVES, first.canvas().getWidth(), first.canvas().getHeight());
        System.out.println("BENCH FX-thread update per move: " + PulseTimer.stats(update, WARM_UP));
        System.out.println("BENCH CSS + layout of the pulse after a move: " + PulseTimer.stats(layout, WARM_UP));
        System.out.println("BENCH   of which CSS: " + PulseTimer.stats(cssOnly, WARM_UP));
        System.out.println("BENCH rendering both heatmaps (snapshots): " + PulseTimer.stats(render, WARM_UP));
        System.out.println("BENCH the same snapshots with nothing redrawn (their fixed cost): " + PulseTimer.stats(idle, WARM_UP));
        System.out.println("BENCH rendering difference map, class chart and table (snapshots): " + PulseTimer.stats(others, WARM_UP));
        System.out.println("BENCH   of which the difference map: " + PulseTimer.stats(parts[0], WARM_UP));
        System.out.println("BENCH   of which the class chart: " + PulseTimer.stats(parts[1], WARM_UP));
        System.out.println("BENCH   of which the per-class table: " + PulseTimer.stats(parts[2], WARM_UP));
        double[] total = new double[MOVES], all = new double[MOVES];
        for (int i = 0; i < MOVES; i++) {
            total[i] = update[i] + layout[i] + render[i];
            all[i] = total[i] + others[i];
        }
        System.out.println("BENCH update + CSS/layout + rendering both heatmaps: " + PulseTimer.stats(total, WARM_UP));
        System.out.println("BENCH the same + rendering the other views: " + PulseTimer.stats(all, WARM_UP));
        System.out.println("BENCH prism.order=" + System.getProperty("prism.order") + " glass=" + System.getProperty("glass.platform")
                + " cores=" + Runtime.getRuntime().availableProcessors() + " java=" + System.getProperty("java.version"));
    }

    /** Two runs of 50 classes and 20 epochs, in memory: each epoch a seeded random confusion matrix. */
    private static final class SyntheticHistory implements RunHistoryService {
        private final List<String> names = new ArrayList<>();
        private final int[] trainCounts = new int[CLASSES];

        SyntheticHistory() {
            for (int c = 0; c < CLASSES; c++) {
                names.add("class-" + c);
                trainCounts[c] = (int) Math.floor(500 * Math.pow(0.02, c / (CLASSES - 1.0)));
            }
        }

        private ConfusionMatrix matrix(Path dir, int epoch) {
            SplittableRandom rng = new SplittableRandom(dir.hashCode() * 31L + epoch);
            long[][] m = new long[CLASSES][CLASSES];
            for (int t = 0; t < CLASSES; t++) {
                for (int i = 0; i < 100; i++) m[t][rng.nextInt(4) == 0 ? t : rng.nextInt(CLASSES)]++;
            }
            return ConfusionMatrix.of(m);
        }

        @Override
        public ReopenedRun open(Path runDir) {
            List<EpochMetrics> history = new ArrayList<>();
            for (int e = 1; e <= EPOCHS; e++) {
                ClassificationReport r = ClassificationReport.of(matrix(runDir, e), names, trainCounts);
                history.add(new EpochMetrics(e, 3.0 / e, 3.2 / e, r.accuracy(), r.macroF1(), r.balancedAccuracy(),
                        r.headAccuracy(), r.mediumAccuracy(), r.tailAccuracy(), 1000, 1));
            }
            ExperimentConfig cfg = ExperimentConfig.fastDemo().toBuilder().epochs(EPOCHS).label(runDir.getFileName().toString()).build();
            ConfusionMatrix last = matrix(runDir, EPOCHS);
            List<Integer> counts = Arrays.stream(trainCounts).boxed().toList();
            Provenance p = new Provenance(42, new Provenance.DataOrigin("synthetic", "demo", "fp", "3x32x32", names, counts,
                    java.util.Collections.nCopies(CLASSES, 100)), null, null, null, null, null, "completed", null);
            return new ReopenedRun(RunResult.of(runDir, cfg, false, ClassificationReport.of(last, names, trainCounts), last, history), p, null);
        }

        @Override
        public EpochView epoch(Path runDir, int epoch, int[] counts) {
            ConfusionMatrix m = matrix(runDir, epoch);
            return new EpochView(epoch, names, m, ClassificationReport.of(m, names, counts));
        }

        @Override public Path workspace() { return Path.of("/bench"); }
        @Override public void useWorkspace(Path dir) { throw new UnsupportedOperationException(); }
        @Override public List<RunSummary> list() { return List.of(); }
        @Override public boolean isRunFolder(Path dir) { return true; }
        @Override public void rename(Path runDir, String name) { throw new UnsupportedOperationException(); }
        @Override public void setTags(Path runDir, List<String> tags) { throw new UnsupportedOperationException(); }
        @Override public void delete(Path runDir) { throw new UnsupportedOperationException(); }
        @Override
        public RunResult repeat(Path d, TrainingListener l, TrainingControl c, Progress p, Consumer<List<String>> n) {
            throw new UnsupportedOperationException();
        }
        @Override
        public RunResult resume(Path d, TrainingListener l, TrainingControl c, Progress p, Consumer<List<String>> n) {
            throw new UnsupportedOperationException();
        }
    }
}
