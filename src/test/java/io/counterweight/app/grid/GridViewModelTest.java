package io.counterweight.app.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.Workbench;
import io.counterweight.app.runs.ExportDestinations;
import io.counterweight.app.services.GridService;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.Fixtures;
import io.counterweight.app.testing.ManualUiScheduler;
import io.counterweight.app.testing.SameThreadTaskExecutor;
import io.counterweight.app.testing.ScriptedTrainingService;
import io.counterweight.app.testing.TestServices;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.experiment.grid.GridEvent;
import io.counterweight.core.experiment.grid.GridFolder;
import io.counterweight.core.experiment.grid.GridListener;
import io.counterweight.core.experiment.grid.GridPlan;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import io.counterweight.core.report.GridTable;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Grid screen's view model against a scripted grid service: the core's events become queue rows, progress
 * and ETA only when the throttler flushes (one flush for a burst), cancel stops the grid and says how to resume,
 * and the outcome (a hand-made {@link GridTable}) fills the result table, the gains and the final queue.
 */
class GridViewModelTest {
    private static final Path GRID_DIR = Path.of("/ws/grids/grid-test");

    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final ManualUiScheduler scheduler = ManualUiScheduler.manual();
    private final FakeGrids grids = new FakeGrids();
    private final Workbench workbench = new Workbench(TestServices.withTraining(new ScriptedTrainingService()));
    private GridViewModel vm;

    @BeforeEach
    void setUp() {
        workbench.setLoaded(Fixtures.dataset("f", new int[] {30, 10}, 3, 4, 1), "/f");
        workbench.modelProperty().set("mlp");
        workbench.epochsProperty().set(2);
        vm = new GridViewModel(workbench, grids, new SameThreadTaskExecutor(errors), scheduler, errors);
        for (GridViewModel.RemedyChoice r : vm.remedies()) r.selectedProperty().set(List.of("baseline", "sampler").contains(r.name()));
        vm.ratiosProperty().set("0.1");
        vm.seedsProperty().set(2);
    }

    @Test
    void offersTheDefaultRemediesCheckedAndSummarisesTheCells() {
        GridViewModel fresh = new GridViewModel(workbench, grids, new SameThreadTaskExecutor(errors), scheduler, errors);
        assertEquals(List.of("baseline", "sampler", "augment", "sampler+augment"), fresh.chosenRemedies());
        fresh.ratiosProperty().set("0.1, 0.02 0.005");
        fresh.seedsProperty().set(3);
        assertEquals("4 remedies × 3 ratios × 3 seeds = 36 cells", fresh.setupSummaryProperty().get());
        assertEquals("", fresh.setupProblemProperty().get());
    }

    @Test
    void ratiosAreValidatedAndABadSetupStartsNothing() {
        assertEquals(List.of(0.1, 0.02, 0.005), GridViewModel.parseRatios(" 0.1, 0.02  0.005 "));
        assertEquals(List.of(), GridViewModel.parseRatios("  "));
        assertEquals("Imbalance ratios: 'x' is not a number",
                assertThrows(CounterweightException.class, () -> GridViewModel.parseRatios("0.1, x")).getMessage());
        assertThrows(CounterweightException.class, () -> GridViewModel.parseRatios("1.5"));
        assertThrows(CounterweightException.class, () -> GridViewModel.parseRatios("0"));
        assertThrows(CounterweightException.class, () -> GridViewModel.parseRatios("0.1, 0.1"));

        vm.ratiosProperty().set("0.1, abc");
        assertEquals("Imbalance ratios: 'abc' is not a number", vm.setupProblemProperty().get());
        assertEquals("", vm.setupSummaryProperty().get());
        vm.start();
        assertEquals(List.of("Imbalance ratios: 'abc' is not a number"), errors.messages);
        assertEquals(0, grids.runs);

        vm.ratiosProperty().set("0.1");
        vm.remedies().forEach(r -> r.selectedProperty().set(false));
        assertEquals("Choose at least one remedy", vm.setupProblemProperty().get());
    }

    @Test
    void startPlansFromTheWorkbenchAndTheChosenSettings() {
        grids.outcome = outcome(false, List.of());
        vm.start();
        assertEquals(List.of(), errors.messages);
        GridPlan plan = grids.plans.get(0);
        assertEquals(4, plan.cells().size(), "2 remedies × 1 ratio × 2 seeds");
        assertEquals("mlp", plan.cells().get(0).config().recipe().model());
        assertEquals(2, plan.cells().get(0).config().recipe().epochs());
        assertEquals(List.of("baseline", "sampler", "baseline", "sampler"), plan.cells().stream().map(c -> c.remedy()).toList());
        assertEquals(List.of(0.1), plan.cells().stream().map(c -> c.imbalance()).distinct().toList());
        assertEquals(List.of(42L, 43L), plan.cells().stream().map(c -> c.seed()).distinct().toList());
    }

    @Test
    void eventsReachTheQueueProgressAndEtaOnlyWhenTheThrottlerFlushes() {
        List<Runnable> checks = new ArrayList<>();
        grids.outcome = outcome(false, List.of(1));
        grids.body = (listener, control) -> {
            GridPlan plan = grids.plans.get(0);
            listener.onEvent(new GridEvent.Started(plan, GRID_DIR, 1));
            listener.onEvent(new GridEvent.CellSkipped(new GridFolder.CellState(plan.cell(1), Path.of("/run1"), RunStatus.FINISHED)));
            listener.onEvent(new GridEvent.CellStarted(plan.cell(2), null));
            for (int b = 1; b <= 40; b++) {
                listener.onEvent(new GridEvent.CellTraining(plan.cell(2), new TrainingEvent.BatchDone(1, b, 40, b, 1.0, 100, 30)));
                listener.onEvent(new GridEvent.Progress(1, 4, 0.25 + 0.125 * b / 40, 65));
            }
            // nothing reaches the screen before the flush, and the 123 events asked for one flush only
            assertEquals(List.of("waiting", "waiting", "waiting", "waiting"), statuses());
            assertEquals(1, scheduler.pendingCount());
            scheduler.advance(100);
            assertEquals(List.of("skipped · finished before", "training · epoch 1 / 2 · 100 %", "waiting", "waiting"), statuses());
            assertEquals(0.375, vm.progressProperty().get(), 1e-9);
            assertEquals("1 / 4 cells · ETA 1:05", vm.etaProperty().get());
            assertTrue(vm.runningProperty().get());
            assertTrue(workbench.busyProperty().get(), "other screens cannot train meanwhile");

            ClassificationReport report = report();
            listener.onEvent(new GridEvent.CellTraining(plan.cell(2), new TrainingEvent.EpochDone(1, 2, 1, 1, report,
                    ConfusionMatrix.of(new long[][] {{3, 0}, {1, 2}}), new int[] {30, 10}, 100, 1)));
            scheduler.advance(100);
            assertEquals(String.format(java.util.Locale.ROOT, "training · epoch 1 / 2 done · macro-F1 %.3f", report.macroF1()),
                    statuses().get(1));
            listener.onEvent(new GridEvent.CellFinished(plan.cell(2), RunResult.of(Path.of("/run2"), plan.cell(2).config(), false,
                    report, ConfusionMatrix.of(new long[][] {{3, 0}, {1, 2}}), List.of()), null));
            listener.onEvent(new GridEvent.CellStarted(plan.cell(3), Path.of("/run3")));
            listener.onEvent(new GridEvent.CellFinished(plan.cell(3), null, "disk full"));
            listener.onEvent(new GridEvent.Progress(3, 4, 0.75, Double.NaN));
            scheduler.advance(100);
            assertEquals(String.format(java.util.Locale.ROOT, "finished · macro-F1 %.3f", report.macroF1()), statuses().get(1));
            assertEquals("failed · disk full", statuses().get(2));
            assertEquals("3 / 4 cells · ETA --:--", vm.etaProperty().get());
            checks.add(() -> { });
        };
        vm.start();
        assertEquals(1, checks.size(), "the scripted grid ran to its end");
        assertEquals(List.of(), errors.messages);
    }

    @Test
    void theOutcomeFillsTheTableGainsAndQueueAndLateEventsAreDropped() {
        grids.outcome = outcome(false, List.of(1, 2));
        grids.body = (listener, control) -> listener.onEvent(new GridEvent.CellStarted(grids.plans.get(0).cell(3), null));
        vm.start();
        assertFalse(vm.runningProperty().get());
        assertFalse(workbench.busyProperty().get());
        assertEquals(List.of(
                List.of("baseline", "0.1", "2", "40.0 ± 2.0", "0.300 ± 0.010", "41.0 ± 1.0", "80.0 ± 0.0", "20.0 ± 5.0", "n/a"),
                List.of("sampler", "0.1", "1", "60.0", "0.550", "61.0", "70.0", "50.0", "n/a")), vm.summary());
        assertEquals(List.of(new GainRow("sampler", "0.1", "cat", 1, "+0.250", "+0.125"),
                new GainRow("sampler", "0.1", "dog", 1, "-0.050", "n/a")), vm.gains());
        assertEquals(List.of("skipped · macro-F1 0.310", "skipped · macro-F1 0.550",
                "finished · macro-F1 0.290", "failed"), statuses());
        assertSame(grids.outcome.table(), vm.tableProperty().get());
        assertEquals(GRID_DIR, vm.gridDirProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals("3 / 4 cells finished", vm.etaProperty().get());
        assertEquals("Grid finished (2 cells finished before, skipped). Folder: " + GRID_DIR, vm.statusProperty().get());
        assertEquals(3, vm.macroF1ChartProperty().get().length);

        scheduler.advance(1000); // the CellStarted offered during the run arrives after the end
        assertEquals("finished · macro-F1 0.290", statuses().get(2), "a late event does not overwrite the outcome");
    }

    @Test
    void cancelStopsTheGridKeepsFinishedCellsAndSaysHowToResume() {
        grids.outcome = outcome(true, List.of());
        grids.body = (listener, control) -> {
            assertFalse(control.isCancelled());
            vm.cancel();
            assertTrue(control.isCancelled(), "the service's control is the one cancelled");
            assertTrue(vm.cancellingProperty().get());
            assertEquals("Stopping after the current batch …", vm.statusProperty().get());
        };
        vm.start();
        assertFalse(vm.runningProperty().get());
        assertEquals(List.of("finished · macro-F1 0.310", "stopped · resumes on the next start", "finished · macro-F1 0.290",
                "waiting · runs on the next start"), statuses());
        assertTrue(vm.statusProperty().get().startsWith("Stopped: 2 of 4 cells finished; Start again with the same settings to resume."),
                vm.statusProperty().get());
    }

    @Test
    void exportWritesIntoTheChosenFolderAndACancelledChooserWritesNothing() {
        grids.outcome = outcome(false, List.of());
        vm.export(); // nothing to export yet
        assertEquals(0, grids.exports.size());
        vm.start();
        vm.export(); // destinations NONE: the chooser was cancelled
        assertEquals(0, grids.exports.size());
        Path out = Path.of("/tmp/grid-export");
        vm.destinationsProperty().set(new ExportDestinations() {
            @Override public Path file(String title, String suggested, String extension) { return null; }
            @Override public Path folder(String title) { return out; }
            @Override public List<Path> images(String title) { return List.of(); }
        });
        vm.export();
        assertEquals(List.of(out), grids.exports);
        assertEquals("Wrote 2 files to " + out, vm.statusProperty().get());
    }

    @Test
    void noDataIsReportedInOneLine() {
        Workbench empty = new Workbench(TestServices.withTraining(new ScriptedTrainingService()));
        new GridViewModel(empty, grids, new SameThreadTaskExecutor(errors), scheduler, errors).start();
        assertEquals(1, errors.messages.size());
        assertTrue(errors.messages.get(0).startsWith("No data set loaded"), errors.messages.get(0));
        assertEquals(0, grids.runs);
        assertNull(vm.tableProperty().get());
    }

    private List<String> statuses() {
        return vm.queue().stream().map(QueueRow::status).toList();
    }

    private static ClassificationReport report() {
        return ClassificationReport.of(ConfusionMatrix.of(new long[][] {{3, 0}, {1, 2}}), List.of("cat", "dog"), new int[] {30, 10});
    }

    /**
     * A hand-made outcome of the 4-cell plan (in plan order: baseline 42, sampler 42, baseline 43, sampler 43): both
     * baselines finished; sampler 42 finished (or, cancelled, stopped); sampler 43 failed (or, cancelled, pending).
     */
    private static GridService.GridOutcome outcome(boolean cancelled, List<Integer> skipped) {
        Table cells = Table.create("cells", StringColumn.create("remedy", "baseline", "baseline", "sampler", "sampler"),
                DoubleColumn.create("imbalance", 0.1, 0.1, 0.1, 0.1), LongColumn.create("seed", 42, 43, 42, 43),
                StringColumn.create("status", "finished", "finished", cancelled ? "stopped" : "finished", cancelled ? "pending" : "failed"),
                DoubleColumn.create("macro_f1", 0.31, 0.29, cancelled ? Double.NaN : 0.55, Double.NaN));
        Table summary = Table.create("summary", StringColumn.create("remedy", "baseline", "sampler"),
                DoubleColumn.create("imbalance", 0.1, 0.1), IntColumn.create("n", 2, 1),
                DoubleColumn.create("accuracy_mean", 0.40, 0.60), DoubleColumn.create("accuracy_std", 0.02, Double.NaN),
                DoubleColumn.create("macro_f1_mean", 0.30, 0.55), DoubleColumn.create("macro_f1_std", 0.01, Double.NaN),
                DoubleColumn.create("balanced_accuracy_mean", 0.41, 0.61), DoubleColumn.create("balanced_accuracy_std", 0.01, Double.NaN),
                DoubleColumn.create("head_accuracy_mean", 0.80, 0.70), DoubleColumn.create("head_accuracy_std", 0.0, Double.NaN),
                DoubleColumn.create("medium_accuracy_mean", 0.20, 0.50), DoubleColumn.create("medium_accuracy_std", 0.05, Double.NaN),
                DoubleColumn.create("tail_accuracy_mean", Double.NaN, Double.NaN), DoubleColumn.create("tail_accuracy_std", Double.NaN, Double.NaN));
        Table gains = Table.create("class_gains", StringColumn.create("remedy", "sampler", "sampler"),
                DoubleColumn.create("imbalance", 0.1, 0.1), IntColumn.create("class_id", 0, 1), StringColumn.create("class", "cat", "dog"),
                IntColumn.create("n", 1, 1), DoubleColumn.create("recall_gain", 0.25, -0.05), DoubleColumn.create("f1_gain", 0.125, Double.NaN));
        return new GridService.GridOutcome(GRID_DIR, new GridTable(cells, summary, gains), skipped, cancelled, new byte[3], new byte[4]);
    }

    /** Plans with the real core (pure), runs a scripted body, returns the outcome the test set. */
    private static final class FakeGrids implements GridService {
        final List<GridPlan> plans = new ArrayList<>();
        final List<Path> exports = new ArrayList<>();
        BiConsumer<GridListener, TrainingControl> body = (l, c) -> { };
        GridOutcome outcome;
        int runs;

        @Override public List<RemedyOption> remedies() {
            return List.of(new RemedyOption("baseline", "none"), new RemedyOption("sampler", "s"), new RemedyOption("augment", "a"),
                    new RemedyOption("sampler+augment", "both"), new RemedyOption("mixup", "m"));
        }

        @Override public GridPlan plan(ExperimentConfig base, List<String> remedies, List<Double> ratios, int seeds) {
            GridPlan p = GridPlan.of(base, remedies, ratios, seeds, "grid-test");
            plans.add(p);
            return p;
        }

        @Override public GridOutcome run(GridPlan plan, GridListener listener, TrainingControl control, Progress loadProgress) {
            runs++;
            body.accept(listener, control);
            return outcome;
        }

        @Override public List<Path> export(GridTable table, String title, Path dir) {
            exports.add(dir);
            return List.of(dir.resolve("summary.csv"), dir.resolve("cells.csv"));
        }
    }
}
