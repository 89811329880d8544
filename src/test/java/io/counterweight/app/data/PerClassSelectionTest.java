package io.counterweight.app.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.Workbench;
import io.counterweight.app.services.CoreAugmentService;
import io.counterweight.app.services.CoreDataService;
import io.counterweight.app.services.CoreSamplingService;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.Fixtures;
import io.counterweight.app.testing.SameThreadTaskExecutor;
import io.counterweight.app.testing.ScriptedTrainingService;
import io.counterweight.core.data.Dataset;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exact counts and n_max from the Data screen through the real core selection into the selected set and the config. */
class PerClassSelectionTest {
    /** The study's IDC subset keeps 772 and 76 of a larger, less skewed split. */
    private final Dataset idcLike = Fixtures.dataset("idc-like", new int[] {900, 120}, 3, 4, 5);
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Workbench workbench = new Workbench(new Services(new CoreDataService(), new CoreSamplingService(),
            new CoreAugmentService(), new ScriptedTrainingService()));
    private final Preferences prefs = Preferences.userRoot().node("io/counterweight/test-" + UUID.randomUUID());
    private final DataViewModel vm = new DataViewModel(workbench, new SameThreadTaskExecutor(errors), new RecentFolders(prefs), errors);

    @BeforeEach
    void load() {
        workbench.setLoaded(idcLike, "/data/idc");
    }

    @AfterEach
    void cleanPrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void theSelectedSetHasExactlyTheCountsAndARunRecordsThem() {
        vm.perClassTextProperty().set("772 / 76");
        assertTrue(vm.applyPerClass());
        assertArrayEquals(new int[] {772, 76}, workbench.selected().trainCounts());
        assertEquals(idcLike.test().size(), workbench.selected().test().size(), "the test split stays");
        assertEquals("772, 76", vm.perClassTextProperty().get(), "the field shows the counts as taken");
        assertEquals(List.of(772, 76), workbench.runnableConfig().data().perClass());
        assertTrue(vm.tailSummaryProperty().get().startsWith("Keeps 848 of 1,020 training images"), vm.tailSummaryProperty().get());

        vm.perClassTextProperty().set("");
        assertTrue(vm.applyPerClass(), "blank goes back to the set as loaded");
        assertArrayEquals(idcLike.trainCounts(), workbench.selected().trainCounts());
        assertEquals(List.of(), workbench.runnableConfig().data().perClass());
    }

    @Test
    void refusedTextKeepsTheSelectionAndSaysWhy() {
        vm.perClassTextProperty().set("772, 76, 5");
        assertFalse(vm.applyPerClass());
        assertEquals("Per-class counts: 3 counts for 2 classes; give one per class, in class order", vm.perClassErrorProperty().get());
        assertArrayEquals(idcLike.trainCounts(), workbench.selected().trainCounts());
        vm.perClassTextProperty().set("lots, 76");
        assertFalse(vm.applyPerClass());
        assertTrue(vm.perClassErrorProperty().get().contains("'lots' is not a whole number"));
        vm.perClassTextProperty().set("772, 76");
        assertTrue(vm.applyPerClass());
        assertEquals("", vm.perClassErrorProperty().get(), "a good text clears the message");
        assertEquals(List.of(), errors.messages, "field messages, no error dialogs");
    }

    @Test
    void exclusiveWithTheLongTail() {
        workbench.imbalanceProperty().set(0.1);
        vm.perClassTextProperty().set("772, 76");
        assertFalse(vm.applyPerClass());
        assertEquals("Exact counts replace the long tail: set the imbalance u back to 1 first", vm.perClassErrorProperty().get());
        assertEquals(List.of(), workbench.perClassProperty().get());
        assertEquals(0.1, workbench.runnableConfig().data().imbalance(), "the long tail stays, the config stays valid");
    }

    @Test
    void countsForTheFirstKClassesOnlyAndDroppedWhenTheClassesChange() {
        Dataset three = Fixtures.dataset("three", new int[] {50, 40, 30}, 2, 4, 9);
        workbench.setLoaded(three, "/data/three");
        workbench.classesProperty().set(2);
        vm.perClassTextProperty().set("10, 5");
        assertTrue(vm.applyPerClass(), vm.perClassErrorProperty().get());
        assertArrayEquals(new int[] {10, 5}, workbench.selected().trainCounts());
        workbench.classesProperty().set(0);
        assertEquals(List.of(), workbench.perClassProperty().get(), "two counts do not fit three classes");
        assertEquals("", vm.perClassTextProperty().get());
        assertArrayEquals(three.trainCounts(), workbench.selected().trainCounts());
    }

    @Test
    void nMaxCapsEveryClassAndTheLongTailStartsFromIt() {
        vm.maxPerClassProperty().set(100);
        assertArrayEquals(new int[] {100, 100}, workbench.selected().trainCounts());
        workbench.imbalanceProperty().set(0.1);
        assertArrayEquals(new int[] {100, 10}, workbench.selected().trainCounts(), "floor(100 · 0.1^(1/1))");
        assertEquals(100, workbench.runnableConfig().data().maxPerClass());
        vm.perClassTextProperty().set("772, 76");
        workbench.imbalanceProperty().set(1);
        assertFalse(vm.applyPerClass());
        assertEquals("Exact counts replace n_max: set max per class back to 0 first", vm.perClassErrorProperty().get());
    }
}
