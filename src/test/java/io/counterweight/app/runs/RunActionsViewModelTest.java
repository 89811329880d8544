package io.counterweight.app.runs;

import static io.counterweight.core.experiment.RunStatus.FINISHED;
import static io.counterweight.core.experiment.RunStatus.INTERRUPTED;
import static io.counterweight.core.experiment.RunStatus.RUNNING;
import static io.counterweight.core.experiment.RunStatus.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.Workbench;
import io.counterweight.app.services.ExportService;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.FakeRunHistory;
import io.counterweight.app.testing.ManualUiScheduler;
import io.counterweight.app.testing.SameThreadTaskExecutor;
import io.counterweight.app.testing.TestServices;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.Prediction;
import io.counterweight.core.experiment.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Runs screen's Resume, exports and predictions against an in-memory history and a recording export service. */
class RunActionsViewModelTest {
    private static final RunSummary DONE = FakeRunHistory.summary("20240501-100000-baseline-mlp", FINISHED, 4, 4, "demo",
            List.of(), null);
    private static final RunSummary CUT = FakeRunHistory.summary("20240502-100000-improved-mlp", INTERRUPTED, 3, 8, "demo",
            List.of(), null);
    private static final RunSummary EMPTY = FakeRunHistory.summary("20240503-100000-improved-mlp", STOPPED, 0, 8, "demo",
            List.of(), null);

    /** Records each call and answers with the files it would have written. */
    private static final class RecordingExport implements ExportService {
        final List<String> calls = new ArrayList<>();
        RuntimeException failure;

        @Override public Path report(List<Path> runDirs, Path file) { calls.add("report " + names(runDirs) + " " + file); return file; }
        @Override public List<Path> csv(List<Path> runDirs, Path dir) {
            calls.add("csv " + names(runDirs) + " " + dir);
            return List.of(dir.resolve("metrics.csv"), dir.resolve("per_class.csv"));
        }
        @Override public List<Path> charts(List<Path> runDirs, Path dir, int scale) {
            calls.add("charts " + names(runDirs) + " " + dir + " " + scale);
            return List.of(dir.resolve("loss-" + scale + "x.png"));
        }
        @Override public List<Path> images(List<Path> paths) { calls.add("images " + paths); return paths; }
        @Override public List<Prediction> predict(Path runDir, List<Path> images, int k) {
            calls.add("predict " + runDir.getFileName() + " " + images.size() + " top " + k);
            if (failure != null) throw failure;
            return images.stream().map(i -> new Prediction(i, List.of(new Prediction.Scored("a", 0.7),
                    new Prediction.Scored("b", 0.2), new Prediction.Scored("c", 0.1)))).toList();
        }

        private static List<String> names(List<Path> dirs) {
            return dirs.stream().map(d -> d.getFileName().toString()).toList();
        }
    }

    private final FakeRunHistory history = new FakeRunHistory();
    private final RecordingExport export = new RecordingExport();
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final ManualUiScheduler clock = ManualUiScheduler.manual();
    private final Workbench workbench = new Workbench(TestServices.withRuns(history, export));
    private final RunsViewModel vm = new RunsViewModel(workbench, new SameThreadTaskExecutor(errors), clock, errors,
            WorkspacePreference.inMemory());

    private void show(RunSummary... runs) {
        history.runs.addAll(List.of(runs));
        vm.activeProperty().set(true);
    }

    private RunSummary row(RunSummary run) {
        return vm.runs().stream().filter(r -> r.runDir().equals(run.runDir())).findFirst().orElseThrow();
    }

    private static ExportDestinations into(Path dir) {
        return new ExportDestinations() {
            @Override public Path file(String title, String suggested, String extension) { return dir.resolve(suggested); }
            @Override public Path folder(String title) { return dir; }
            @Override public List<Path> images(String title) { return List.of(dir.resolve("x.png"), dir.resolve("y.png")); }
        };
    }

    @Test
    void resumeContinuesAnInterruptedRunShowsTheNotesWhileItTrainsAndTheRunEndsFinished() {
        show(DONE, CUT);
        vm.select(row(CUT));
        assertTrue(RunsViewModel.canResume(vm.selectedProperty().get()));
        List<Object> during = new ArrayList<>();
        history.whileTraining = () -> {
            clock.advance(0); // the notes reach the FX thread through the scheduler
            during.add(vm.repeatRun().notesProperty().get());
            during.add(workbench.busyProperty().get());
        };
        vm.resume();
        assertEquals(List.of("resume " + CUT.runDir().getFileName()), history.calls);
        assertEquals(List.of("Resume: the numbers may differ from the original: the data set's content differs (fingerprint).", true),
                during);
        assertFalse(workbench.busyProperty().get());
        assertEquals("", vm.repeatRun().notesProperty().get(), "the notes go when it ends");
        assertEquals(FINISHED, vm.selectedProperty().get().status(), "the history shows it finished, still selected");
        assertEquals(CUT.runDir(), vm.selectedProperty().get().runDir());
        assertTrue(vm.statusProperty().get().startsWith("Resumed " + CUT.name()), vm.statusProperty().get());
        assertEquals(List.of(), errors.messages);
    }

    @Test
    void resumeIsRefusedForAFinishedRunAndWhileAnotherRunTrains() {
        show(DONE, CUT);
        vm.select(row(DONE));
        assertFalse(RunsViewModel.canResume(vm.selectedProperty().get()));
        vm.resume();
        assertEquals(List.of(), history.calls);
        assertTrue(vm.statusProperty().get().contains("only an interrupted or stopped run"), vm.statusProperty().get());

        vm.select(row(CUT));
        workbench.busyProperty().set(true);
        vm.resume();
        assertEquals(List.of(), history.calls);
        assertTrue(vm.statusProperty().get().startsWith("Another run is training"), vm.statusProperty().get());
        assertFalse(RunsViewModel.canResume(FakeRunHistory.summary("r", RUNNING, 1, 2, "d", List.of(), null)));
    }

    @Test
    void exportsTheSelectedRunOrTheChosenRowsAsAComparisonWhereTheDestinationsSay() {
        show(DONE, CUT);
        vm.select(row(DONE));
        vm.export().html();
        assertEquals(List.of(), export.calls, "no destination (a cancelled chooser): nothing written");

        Path out = Path.of("/out").toAbsolutePath();
        vm.export().setDestinations(into(out));
        vm.export().html();
        vm.export().csv();
        vm.export().png(2);
        String done = DONE.runDir().getFileName().toString();
        assertEquals(List.of("report [" + done + "] " + out.resolve(done + ".html"), "csv [" + done + "] " + out,
                "charts [" + done + "] " + out + " 2"), export.calls);
        assertEquals("Wrote loss-2x.png to " + out, vm.statusProperty().get());

        export.calls.clear();
        vm.choose(List.of(row(DONE), row(CUT)));
        vm.export().csv();
        assertEquals(List.of("csv [" + done + ", " + CUT.runDir().getFileName() + "] " + out), export.calls);
        assertEquals("Wrote metrics.csv, per_class.csv to " + out, vm.statusProperty().get());
    }

    @Test
    void predictionsOfPickedImagesAreListedWithTheirTopThreeClasses() {
        show(DONE, CUT);
        vm.select(row(DONE));
        vm.export().setDestinations(into(Path.of("/img").toAbsolutePath()));
        vm.predictImages();
        assertEquals(List.of("images [" + Path.of("/img/x.png").toAbsolutePath() + ", " + Path.of("/img/y.png").toAbsolutePath() + "]",
                "predict " + DONE.runDir().getFileName() + " 2 top 3"), export.calls);
        assertEquals(2, vm.predictions().predictions().size());
        assertEquals("a 0.700  ·  b 0.200  ·  c 0.100", RunPredictions.classes(vm.predictions().predictions().get(0)));
        assertEquals("2 image(s) by " + DONE.name(), vm.predictions().titleProperty().get());
        assertFalse(vm.predictions().predictingProperty().get());
    }

    @Test
    void aRunWithoutAModelOrACorruptImageIsOneLineThroughTheErrorReporter() {
        show(DONE, EMPTY);
        vm.select(row(EMPTY));
        assertFalse(RunPredictions.canPredict(vm.selectedProperty().get()), "stopped before its first epoch");
        vm.predictions().predict(List.of(Path.of("a.png")));
        assertEquals(List.of(), export.calls);
        assertEquals(1, errors.messages.size());
        assertTrue(errors.messages.get(0).contains("has no model to predict with"), errors.messages.get(0));

        vm.select(row(DONE));
        export.failure = new CounterweightException("/img/broken.png: not a readable image");
        vm.predictions().predict(List.of(Path.of("/img/broken.png")));
        assertEquals(2, errors.messages.size());
        assertEquals("/img/broken.png: not a readable image", errors.messages.get(1));
        assertEquals(0, vm.predictions().predictions().size());
        assertTrue(RunPredictions.canPredict(FakeRunHistory.summary("s", STOPPED, 1, 4, "d", List.of(), null)));
        assertTrue(RunPredictions.canPredict(CUT));
    }
}
