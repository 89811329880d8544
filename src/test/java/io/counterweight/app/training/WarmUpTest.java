package io.counterweight.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.Workbench;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.Fixtures;
import io.counterweight.app.testing.ManualUiScheduler;
import io.counterweight.app.testing.SameThreadTaskExecutor;
import io.counterweight.app.testing.ScriptedTrainingService;
import io.counterweight.app.testing.TestServices;
import io.counterweight.core.metrics.ClassMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    private final ScriptedTrainingService trainer = new ScriptedTrainingService();
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Workbench workbench = new Workbench(TestServices.withTraining(trainer));

    @Test
    void warmsUpOnceWhenTheFirstDataArrivesAndGivesWayToARealRun() {
        WarmUp warmUp = new WarmUp(workbench, new SameThreadTaskExecutor(errors));
        warmUp.startWhenDataArrives();
        assertEquals(0, trainer.warmUps.size(), "no data yet");

        workbench.setLoaded(Fixtures.dataset("fixture", new int[] {30, 20, 10}, 5, 4, 1), "/tmp/fixture");
        assertEquals(1, trainer.warmUps.size(), "started by the first data set");
        workbench.setLoaded(Fixtures.dataset("other", new int[] {9, 9}, 3, 4, 2), "/tmp/other");
        assertEquals(1, trainer.warmUps.size(), "once a session");
        assertFalse(warmUp.runningProperty().get(), "the same-thread executor has finished it");

        assertFalse(trainer.warmUps.get(0).isCancelled());
        workbench.busyProperty().set(true); // a real run, a comparison or a grid starts
        assertTrue(trainer.warmUps.get(0).isCancelled(), "any real job cancels the warm-up");
        assertEquals(List.of(), errors.messages);
        assertEquals(List.of(), trainer.configs, "the warm-up is not a run");
    }

    @Test
    void noWarmUpWhileBusy() {
        workbench.setLoaded(Fixtures.dataset("fixture", new int[] {30, 20, 10}, 5, 4, 1), "/tmp/fixture");
        workbench.busyProperty().set(true);
        new WarmUp(workbench, new SameThreadTaskExecutor(errors)).startWhenDataArrives();
        assertEquals(0, trainer.warmUps.size());
    }

    @Test
    void thePerClassTableHasARowPerClassBeforeTheFirstEpoch() {
        TrainingViewModel vm = new TrainingViewModel(workbench, new SameThreadTaskExecutor(errors), ManualUiScheduler.immediate(), errors);
        workbench.setLoaded(Fixtures.dataset("fixture", new int[] {30, 20, 10}, 5, 4, 1), "/tmp/fixture");
        List<ClassMetrics> rows = vm.live().perClass();
        assertEquals(List.of("class-0", "class-1", "class-2"), rows.stream().map(ClassMetrics::name).toList());
        assertTrue(rows.stream().allMatch(r -> Double.isNaN(r.f1()) && r.support() < 0), "placeholders, shown as –");
        assertEquals("–", TrainingViewController.metric(Double.NaN));
        assertEquals("0.500", TrainingViewController.metric(0.5));

        workbench.epochsProperty().set(1);
        vm.start();
        assertFalse(Double.isNaN(vm.live().perClass().get(0).f1()), "the epoch's numbers replace them");
        workbench.setLoaded(Fixtures.dataset("other", new int[] {9, 9}, 3, 4, 2), "/tmp/other");
        assertEquals(3, vm.live().perClass().size(), "a run's results stay on view when the data changes");
    }
}
