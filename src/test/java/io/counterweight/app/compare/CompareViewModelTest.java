package io.counterweight.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.Workbench;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.Fixtures;
import io.counterweight.app.testing.SameThreadTaskExecutor;
import io.counterweight.app.testing.ScriptedTrainingService;
import io.counterweight.app.testing.TestServices;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.metrics.ClassificationReport;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompareViewModelTest {
    private final ScriptedTrainingService trainer = new ScriptedTrainingService();
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Workbench workbench = new Workbench(TestServices.withTraining(trainer));
    private final CompareViewModel vm = new CompareViewModel(workbench, new SameThreadTaskExecutor(errors), errors);

    @BeforeEach
    void load() {
        workbench.setLoaded(Fixtures.dataset("f", new int[] {30, 10}, 3, 4, 1), "/f");
        workbench.epochsProperty().set(2);
    }

    @Test
    void trainsBaselineThenImprovedFromTheCurrentSettingsAndShowsTheCoreTable() {
        vm.runBoth();
        assertEquals(List.of(), errors.messages);
        assertEquals(2, trainer.configs.size());
        var base = trainer.configs.get(0);
        var improved = trainer.configs.get(1);
        assertFalse(base.remedies().sampler());
        assertEquals(AugmentConfig.none(), base.remedies().augment());
        assertTrue(improved.remedies().sampler());
        assertEquals(AugmentConfig.study(), improved.remedies().augment());
        assertEquals(base.seed(), improved.seed());
        assertEquals(base.recipe().epochs(), improved.recipe().epochs());
        List<Comparison.Row> expected = Comparison.of(vm.baselineProperty().get(), vm.improvedProperty().get()).rows();
        assertEquals(expected, vm.rows());
        assertEquals(6, vm.rows().size());
        assertFalse(vm.runningProperty().get());
        assertFalse(workbench.busyProperty().get());
    }

    @Test
    void theFootnoteNamesTheReportsGroupThresholds() {
        assertTrue(vm.groupsHint().contains(": >100, 20-100, <20."), vm.groupsHint());
        assertTrue(vm.groupsHint().contains(String.join(", ", ClassificationReport.groupLabels())), vm.groupsHint());
    }

    @Test
    void stoppingDuringTheBaselineSkipsTheImprovedRun() {
        trainer.beforeBatch = i -> { if (i == 2) vm.stop(); };
        vm.runBoth();
        assertEquals(1, trainer.configs.size());
        assertNull(vm.improvedProperty().get());
        assertTrue(vm.rows().isEmpty());
        assertEquals("Stopped before the improved run", vm.statusProperty().get());
    }

    @Test
    void noDataIsReported() {
        Workbench empty = new Workbench(TestServices.withTraining(trainer));
        new CompareViewModel(empty, new SameThreadTaskExecutor(errors), errors).runBoth();
        assertEquals(1, errors.messages.size());
        assertTrue(errors.messages.get(0).startsWith("No data set loaded"));
    }
}
