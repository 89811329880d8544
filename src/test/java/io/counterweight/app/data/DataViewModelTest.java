package io.counterweight.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.Workbench;
import io.counterweight.app.services.CoreSamplingService;
import io.counterweight.app.services.DataService;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.Fixtures;
import io.counterweight.app.testing.SameThreadTaskExecutor;
import io.counterweight.app.testing.ScriptedTrainingService;
import io.counterweight.app.testing.TestServices;
import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Data screen's state with a recording data service (selection itself is the core's, tested there). */
class DataViewModelTest {
    private final Dataset fixture = Fixtures.dataset("fixture", new int[] {40, 20, 10}, 2, 4, 7);
    private final List<String> calls = new ArrayList<>();
    private final DataService data = new DataService() {
        @Override public Dataset demo(long seed) {
            calls.add("demo " + seed);
            return fixture;
        }
        @Override public Dataset load(String source, DatasetFormat format, long seed, Progress p) {
            calls.add("load " + source + " " + format);
            p.update("reading", 1, 2);
            if (source.endsWith("broken")) throw new CounterweightException(source + ": not a data set folder");
            return fixture;
        }
        @Override public Dataset select(Dataset loaded, int classes, double imbalance, List<Integer> perClass, int maxPerClass,
                                        long seed) {
            calls.add("select " + classes + " " + imbalance + " " + seed);
            return loaded;
        }
    };
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor(errors, true);
    private final Workbench workbench = new Workbench(new Services(data, new CoreSamplingService(),
            TestServices.noAugment(), new ScriptedTrainingService()));
    private final Preferences prefs = Preferences.userRoot().node("io/counterweight/test-" + UUID.randomUUID());
    private final DataViewModel vm = new DataViewModel(workbench, executor, new RecentFolders(prefs), errors);

    @AfterEach
    void cleanPrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void openingShowsProgressThenRowsAndRemembersTheFolder() {
        vm.open(Path.of("/data/pets"));
        assertTrue(vm.loadingProperty().get(), "loading until the job ends");
        List<Double> progress = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        executor.runPending();
        assertFalse(vm.loadingProperty().get());
        assertEquals(List.of(0.5), progress);
        assertEquals(List.of("load /data/pets AUTO", "select 0 1.0 42"), calls);
        assertEquals(3, vm.rows().size());
        assertEquals(new ClassRow(2, "class-2", 10, 10, 4.0), vm.rows().get(2));
        assertEquals(List.of("/data/pets"), vm.recentFolders());
        assertEquals(List.of("/data/pets"), new RecentFolders(prefs).list(), "persisted");
        assertTrue(vm.summaryProperty().get().contains("3 classes"), vm.summaryProperty().get());
        assertTrue(vm.tailSummaryProperty().get().contains("largest class 40, smallest 10 (4.00 : 1)"), vm.tailSummaryProperty().get());
    }

    @Test
    void movingTheImbalanceAsksTheCoreForANewSelection() {
        vm.loadDemo();
        executor.runPending();
        calls.clear();
        vm.setImbalanceFromSlider(Math.log10(0.02));
        vm.applyPreset(0.005);
        assertEquals(List.of("select 0 0.02 42", "select 0 0.005 42"), calls, "slider value rounded to 3 digits");
        assertEquals(List.of(), vm.recentFolders(), "the demo set is not a recent folder");
    }

    @Test
    void cancelledLoadKeepsThePreviousDataSet() {
        vm.loadDemo();
        executor.runPending();
        vm.open(Path.of("/data/big"));
        vm.cancelLoad();
        executor.runPending();
        assertFalse(vm.loadingProperty().get());
        assertEquals("Loading cancelled", vm.progressMessageProperty().get());
        assertEquals("demo", workbench.sourceProperty().get());
        assertEquals(1, executor.executed(), "the cancelled job never ran");
    }

    @Test
    void aSecondOpenReplacesTheFirstAndOnlyItsResultCounts() {
        vm.open(Path.of("/data/first"));
        vm.open(Path.of("/data/second"));
        executor.runNext(); // the replaced first load ends (cancelled) while the second is still to run
        assertTrue(vm.loadingProperty().get(), "still loading the second");
        assertEquals("Loading second …", vm.progressMessageProperty().get());
        executor.runPending();
        assertFalse(vm.loadingProperty().get());
        assertEquals("/data/second", workbench.sourceProperty().get());
        assertEquals(List.of("load /data/second AUTO", "select 0 1.0 42"), calls, "the first load was cancelled before it ran");
    }

    @Test
    void aBrokenFolderIsReportedInOneLine() {
        vm.open(Path.of("/data/broken"));
        executor.runPending();
        assertEquals(List.of("/data/broken: not a data set folder"), errors.messages);
        assertFalse(vm.loadingProperty().get());
        assertNull(workbench.loaded());
    }

    @Test
    void noEntryChangesTheDataSetWhileARunTrains() {
        vm.loadDemo();
        executor.runPending();
        calls.clear();
        workbench.busyProperty().set(true);
        vm.open(Path.of("/data/dropped")); // drag-and-drop, a recent folder and "Open" all come here
        vm.loadDemo();
        executor.runPending();
        assertEquals(List.of(), calls, "nothing was loaded or reselected");
        assertEquals("demo", workbench.sourceProperty().get());
        assertFalse(vm.loadingProperty().get());
        assertEquals(List.of(), vm.recentFolders());
        assertEquals(2, errors.messages.size(), errors.messages.toString());
        for (String m : errors.messages) assertTrue(m.startsWith("A run is training"), m);
    }

    @Test
    void aLoadThatEndsAfterARunStartedIsNotApplied() {
        vm.open(Path.of("/data/pets"));
        workbench.busyProperty().set(true); // a run starts (on the data set before) while the folder is read
        executor.runPending();
        assertNull(workbench.loaded(), "the run's data set stays");
        assertFalse(vm.loadingProperty().get());
        assertEquals(List.of(), vm.recentFolders());
        assertEquals(1, errors.messages.size(), errors.messages.toString());
        assertTrue(errors.messages.get(0).startsWith("A run is training"), errors.messages.get(0));
    }

    @Test
    void theClassesSpinnerStepsOverOneClass() {
        vm.loadDemo();
        executor.runPending();
        workbench.classesProperty().set(2);
        workbench.classesProperty().set(1);
        assertEquals(0, workbench.classesProperty().get(), "down from 2: back to all");
        workbench.classesProperty().set(1);
        assertEquals(2, workbench.classesProperty().get(), "up from 0 (all): 2");
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("select 1 ")), calls.toString());
    }

    @Test
    void recentFoldersKeepTheNewestEight() {
        RecentFolders recent = new RecentFolders(prefs);
        for (int i = 0; i < 10; i++) recent.add("/d" + i);
        recent.add("/d5");
        List<String> list = recent.list();
        assertEquals(RecentFolders.MAX, list.size());
        assertEquals(List.of("/d5", "/d9", "/d8", "/d7", "/d6", "/d4", "/d3", "/d2"), list);
    }
}
