package io.counterweight.app.runs;

import static io.counterweight.core.experiment.RunStatus.FAILED;
import static io.counterweight.core.experiment.RunStatus.FINISHED;
import static io.counterweight.core.experiment.RunStatus.INTERRUPTED;
import static io.counterweight.core.experiment.RunStatus.RUNNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.Workbench;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.FakeRunHistory;
import io.counterweight.app.testing.ManualUiScheduler;
import io.counterweight.app.testing.SameThreadTaskExecutor;
import io.counterweight.app.testing.ScriptedTrainingService;
import io.counterweight.app.testing.TestServices;
import io.counterweight.core.experiment.RunSummary;
import io.counterweight.core.metrics.ClassificationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/**
 * The Runs screen's view model against an in-memory history, with jobs on the calling thread and a
 * hand-moved clock: no screen, no files, no sleeps.
 */
class RunsViewModelTest {
    private static final RunSummary OLD = FakeRunHistory.summary("20240501-100000-baseline-mlp", FINISHED, 4, 4,
            "demo shapes", List.of("study"), null);
    private static final RunSummary CUT = FakeRunHistory.summary("20240502-100000-improved-mlp", INTERRUPTED, 3, 8,
            "cifar-50", List.of(), null);
    private static final RunSummary BROKEN = FakeRunHistory.summary("20240503-100000-baseline-lenet", FAILED, 0, 0, "?",
            List.of(), "config.json: not readable (truncated)");

    private final FakeRunHistory history = new FakeRunHistory();
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final ManualUiScheduler clock = ManualUiScheduler.manual();
    private final Workbench workbench = new Workbench(TestServices.withRuns(history));
    private final WorkspacePreference preference = WorkspacePreference.inMemory();
    private final RunsViewModel vm = new RunsViewModel(workbench, new SameThreadTaskExecutor(errors), clock, errors, preference);

    private void show(RunSummary... runs) {
        history.runs.addAll(List.of(runs));
        vm.activeProperty().set(true);
    }

    private RunSummary row(RunSummary run) {
        return vm.runs().stream().filter(r -> r.runDir().equals(run.runDir())).findFirst().orElseThrow();
    }

    @Test
    void listsOnlyWhileTheTabIsShownAndAgainEveryTwoSeconds() {
        history.runs.add(OLD);
        clock.advance(10_000);
        assertEquals(0, history.lists, "nothing is read before the tab is shown");

        vm.activeProperty().set(true);
        assertEquals(1, history.lists);
        assertEquals(List.of(OLD), vm.runs());
        clock.advance(RunsViewModel.RELIST_MILLIS - 1);
        assertEquals(1, history.lists);
        history.runs.add(0, CUT); // e.g. a run started from the command line
        clock.advance(1);
        assertEquals(2, history.lists);
        assertEquals(List.of(CUT, OLD), vm.runs(), "newest first, as listed");

        vm.activeProperty().set(false);
        clock.advance(60_000);
        assertEquals(2, history.lists, "hidden: no re-listing");
        assertEquals(0, clock.pendingCount());

        vm.activeProperty().set(true);
        assertEquals(3, history.lists, "shown again: listed at once");
        clock.advance(RunsViewModel.RELIST_MILLIS);
        assertEquals(4, history.lists, "one chain of re-listings, not two");
        assertEquals(List.of(), errors.messages);
    }

    @Test
    void anUnchangedListingLeavesTheRowsAloneAndAChangedOneKeepsTheSelection() {
        show(CUT, OLD);
        vm.select(row(OLD));
        List<ListChangeListener.Change<? extends RunSummary>> changes = new ArrayList<>();
        vm.runs().addListener((ListChangeListener<RunSummary>) changes::add);

        clock.advance(RunsViewModel.RELIST_MILLIS);
        assertEquals(2, history.lists);
        assertEquals(List.of(), changes, "same runs: the rows are not touched");

        RunSummary running = FakeRunHistory.summary("20240504-100000-improved-mlp", RUNNING, 1, 5, "demo shapes", List.of(), null);
        history.runs.add(0, running);
        history.runs.set(2, renamed(OLD, "the baseline")); // renamed from elsewhere (another window, the CLI)
        clock.advance(RunsViewModel.RELIST_MILLIS);
        assertEquals(1, changes.size());
        assertEquals(3, vm.runs().size());
        assertEquals(OLD.runDir(), vm.selectedProperty().get().runDir(), "the selected run stays selected");
        assertEquals("the baseline", vm.selectedProperty().get().name(), "... as it is now");
        assertTrue(vm.titleProperty().get().startsWith("the baseline · mlp · 4 / 4 epochs"), vm.titleProperty().get());
    }

    private static RunSummary renamed(RunSummary s, String name) {
        return new RunSummary(s.runDir(), name, s.label(), s.model(), s.data(), s.remedies(), s.status(), s.epochsDone(),
                s.epochs(), s.accuracy(), s.macroF1(), s.balancedAccuracy(), s.startTime(), s.seconds(), s.tags(), s.problem());
    }

    @Test
    void theFilterMatchesEveryWordInNameFolderDataOrTagsAndTheStatus() {
        show(BROKEN, CUT, OLD);
        vm.filterTextProperty().set("SHAPES");
        assertEquals(List.of(OLD), List.copyOf(vm.shownRuns()));
        vm.filterTextProperty().set("study baseline");
        assertEquals(List.of(OLD), List.copyOf(vm.shownRuns()), "a tag and a word of the folder's name");
        vm.filterTextProperty().set("study cifar");
        assertEquals(List.of(), List.copyOf(vm.shownRuns()), "every word must match");
        vm.filterTextProperty().set("");
        vm.statusFilterProperty().set("interrupted");
        assertEquals(List.of(CUT), List.copyOf(vm.shownRuns()));
        vm.statusFilterProperty().set(RunFilter.ALL);
        assertEquals(List.of(BROKEN, CUT, OLD), List.copyOf(vm.shownRuns()));
        assertEquals(List.of("all", "running", "finished", "stopped", "diverged", "interrupted", "failed"), vm.statusChoices());
    }

    @Test
    void anInterruptedRunIsReopenedAsFarAsItGot() {
        show(CUT);
        vm.select(row(CUT));
        assertEquals(List.of(), errors.messages);
        assertEquals(3, vm.lastEpochProperty().get());
        assertEquals(3, vm.epochProperty().get(), "opens on the last completed epoch");
        assertEquals(8, vm.curves().epochsProperty().get(), "the axis runs to the epochs planned");
        for (var series : vm.curves().metrics()) assertEquals(3, series.getData().size(), series.getName());
        assertEquals("accuracy", vm.curves().metrics().get(1).getName());
        assertEquals(2.5 / 2, vm.curves().loss().get(1).getData().get(1).getYValue().doubleValue(), 1e-12, "test loss of epoch 2");
        assertEquals(ScriptedTrainingService.matrix(3, 3), vm.epochViewProperty().get().matrix());
        assertTrue(vm.epochTextProperty().get().startsWith("Epoch 3 of 8 · accuracy"), vm.epochTextProperty().get());
        assertTrue(vm.problemProperty().get().startsWith("Interrupted"), vm.problemProperty().get());
        assertEquals(0, history.epochReads, "the last epoch came with the run");
        List<String> sections = vm.details().stream().map(RunDetail::section).filter(s -> !s.isEmpty()).toList();
        assertEquals(sections.stream().distinct().toList(), sections, "each section named once");
        assertTrue(vm.details().contains(new RunDetail("", "epochs", "8")), vm.details().toString());
        assertTrue(vm.details().contains(new RunDetail("trained on", "data set", "cifar-50")), vm.details().toString());
    }

    @Test
    void aBrokenFolderIsARowWithItsProblemNeverAnErrorDialog() {
        show(BROKEN, OLD);
        vm.select(row(BROKEN));
        assertEquals(List.of(), errors.messages);
        assertEquals("config.json: not readable (truncated)", vm.problemProperty().get());
        assertEquals(0, vm.lastEpochProperty().get());
        assertNull(vm.epochViewProperty().get());
        assertEquals("No epoch completed", vm.epochTextProperty().get());
    }

    @Test
    void theSliderShowsEachEpochsOwnMatrixAndReadsEachFileOnce() {
        show(OLD);
        vm.select(row(OLD));
        assertEquals(ScriptedTrainingService.matrix(3, 4), vm.epochViewProperty().get().matrix());
        for (int e : new int[] {1, 2, 1, 4, 2, 3}) {
            vm.epochProperty().set(e);
            assertEquals(ScriptedTrainingService.matrix(3, e), vm.epochViewProperty().get().matrix(), "epoch " + e);
            var report = ClassificationReport.of(ScriptedTrainingService.matrix(3, e), FakeRunHistory.NAMES, FakeRunHistory.TRAIN_COUNTS);
            assertEquals(report.perClass(), List.copyOf(vm.perClass()), "per-class table of epoch " + e);
            assertTrue(vm.epochTextProperty().get().startsWith("Epoch " + e + " of 4 · accuracy"), vm.epochTextProperty().get());
        }
        assertEquals(3, history.epochReads, "epochs 1, 2 and 3 read once each; 4 came with the run");
    }

    @Test
    void aLateReadDoesNotReplaceTheEpochChosenSince() {
        var deferred = new SameThreadTaskExecutor(errors, true);
        var late = new RunsViewModel(workbench, deferred, clock, errors, preference);
        history.runs.add(OLD);
        late.activeProperty().set(true);
        deferred.runPending();
        late.select(late.runs().get(0));
        deferred.runPending();
        late.epochProperty().set(1);
        late.epochProperty().set(2);
        deferred.runNext(); // epoch 1's file arrives after the slider moved on
        assertEquals(ScriptedTrainingService.matrix(3, 4), late.epochViewProperty().get().matrix(), "still the last shown");
        deferred.runNext();
        assertEquals(ScriptedTrainingService.matrix(3, 2), late.epochViewProperty().get().matrix());
        late.epochProperty().set(1);
        assertEquals(ScriptedTrainingService.matrix(3, 1), late.epochViewProperty().get().matrix(), "kept from the late read");
        assertEquals(2, history.epochReads);
    }

    @Test
    void renameTagsAndDeleteGoThroughTheService() {
        show(CUT, OLD);
        vm.select(row(OLD));
        String folder = OLD.runDir().getFileName().toString();

        vm.rename("  best baseline ");
        assertEquals("rename " + folder + " best baseline", history.calls.get(0));
        assertEquals("best baseline", vm.selectedProperty().get().name());
        assertEquals("best baseline", row(OLD).name());

        vm.setTags("study, demo,, study ");
        assertEquals("tags " + folder + " [study, demo]", history.calls.get(1));
        assertEquals(List.of("study", "demo"), row(OLD).tags());

        vm.delete();
        assertEquals("delete " + folder, history.calls.get(2));
        assertEquals(List.of(CUT), List.copyOf(vm.runs()));
        assertNull(vm.selectedProperty().get());
        assertEquals(List.of(), errors.messages);
    }

    @Test
    void aRunThatIsTrainingIsNotDeleted() {
        RunSummary running = FakeRunHistory.summary("20240504-100000-improved-mlp", RUNNING, 1, 5, "demo shapes", List.of(), null);
        show(running);
        vm.select(row(running));
        assertFalse(RunsViewModel.canDelete(vm.selectedProperty().get()));
        vm.delete();
        assertEquals(List.of(), history.calls, "not even asked");
        assertEquals(List.of(running), history.runs);
        assertTrue(vm.statusProperty().get().contains("training"), vm.statusProperty().get());
    }

    @Test
    void repeatShowsWhatDiffersIsBusyWhileItTrainsAndSelectsTheNewRun() {
        show(OLD);
        vm.select(row(OLD));
        List<Object> during = new ArrayList<>();
        history.whileTraining = () -> {
            clock.advance(0); // the FX thread runs what the worker handed it
            during.add(vm.repeatRun().notesProperty().get());
            during.add(workbench.busyProperty().get());
            during.add(vm.repeatRun().repeatingProperty().get());
        };
        vm.repeat();
        assertEquals("repeat " + OLD.runDir().getFileName(), history.calls.get(0));
        assertTrue(((String) during.get(0)).contains("the data set's content differs (fingerprint)"), during.toString());
        assertEquals(true, during.get(1), "busy while it trains: no other run starts");
        assertEquals(true, during.get(2));
        assertFalse(workbench.busyProperty().get());
        assertFalse(vm.repeatRun().repeatingProperty().get());
        assertEquals("", vm.repeatRun().notesProperty().get());
        Path copy = Path.of("/ws", "20990101-000000-repeat").toAbsolutePath();
        assertEquals(copy, vm.runs().get(0).runDir(), "listed");
        assertEquals(copy, vm.selectedProperty().get().runDir(), "and selected");
        assertEquals(4, vm.lastEpochProperty().get(), "reopened");
        assertEquals(List.of(), errors.messages);
    }

    @Test
    void repeatIsRefusedWhileAnotherRunTrains() {
        show(OLD);
        vm.select(row(OLD));
        workbench.busyProperty().set(true); // the Training or Compare tab trains
        vm.repeat();
        assertEquals(List.of(), history.calls);
        assertFalse(vm.repeatRun().repeatingProperty().get());
        assertTrue(workbench.busyProperty().get(), "the other run's flag is left alone");
        assertTrue(vm.statusProperty().get().startsWith("Another run is training"), vm.statusProperty().get());
    }

    @Test
    void aRefusedWorkspaceIsNotRememberedAnAcceptedOneIsAndListed() {
        show(OLD);
        vm.select(row(OLD));
        Path refused = Path.of("/read-only/ws").toAbsolutePath();
        vm.useWorkspace(refused);
        assertEquals(List.of("workspace " + refused + ": not writable"), errors.messages);
        assertNull(preference.get());
        assertEquals("Workspace: " + history.workspace, vm.workspaceTextProperty().get());
        assertEquals(OLD.runDir(), vm.selectedProperty().get().runDir(), "nothing changed");

        Path other = Path.of("/data/runs").toAbsolutePath();
        vm.useWorkspace(other);
        assertEquals(other.toString(), preference.get());
        assertEquals("Workspace: " + other, vm.workspaceTextProperty().get());
        assertEquals(List.of(), vm.runs(), "the new workspace's history");
        assertNull(vm.selectedProperty().get());
    }

    @Test
    void aRunFolderFromOutsideIsSelectedInTheHistory() {
        history.runs.addAll(List.of(CUT, OLD));
        vm.reopenFolder(OLD.runDir());
        assertEquals(OLD, vm.selectedProperty().get());
        assertEquals(4, vm.lastEpochProperty().get());
        assertEquals(List.of(CUT, OLD), vm.runs());
    }

    @Test
    void theWorkspacePreferenceIsKeptInJavaPrefs() throws Exception {
        Preferences node = Preferences.userRoot().node("io/counterweight/test-" + UUID.randomUUID());
        try {
            assertNull(new WorkspacePreference(node).get());
            new WorkspacePreference(node).set(Path.of("/data/runs"));
            assertEquals(Path.of("/data/runs").toAbsolutePath().toString(), new WorkspacePreference(node).get());
        } finally {
            node.removeNode();
        }
    }
}
