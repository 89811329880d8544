package io.counterweight.app.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.counterweight.core.data.Dataset;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.metrics.ClassificationReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrainingViewModelTest {
    private final ScriptedTrainingService trainer = new ScriptedTrainingService();
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Workbench workbench = new Workbench(TestServices.withTraining(trainer));
    private final TrainingViewModel vm = new TrainingViewModel(workbench, new SameThreadTaskExecutor(errors),
            ManualUiScheduler.immediate(), errors);
    private final Dataset data = Fixtures.dataset("fixture", new int[] {30, 20, 10}, 5, 4, 1);

    @BeforeEach
    void load() {
        workbench.setLoaded(data, "/tmp/fixture");
    }

    @Test
    void aRunFillsCurvesHeatmapTableAndActualDraws() {
        workbench.epochsProperty().set(2);
        workbench.samplerProperty().set(true);
        vm.start();

        assertEquals(List.of(), errors.messages);
        assertEquals(RunState.IDLE, vm.stateProperty().get());
        LiveRun live = vm.live();
        assertEquals(8, live.trainLoss().getData().size(), "2 epochs x 4 batches, all kept (far below the point cap)");
        assertEquals(1.0, live.trainLoss().getData().get(0).getYValue().doubleValue(), 1e-12, "first smoothed = first loss");
        assertEquals(List.of(4L, 8L), xs(live.testLoss()), "test loss at the end of each epoch, on the iteration axis");
        assertEquals(List.of(2.0, 1.0), ys(live.testLoss()));
        var report2 = ClassificationReport.of(ScriptedTrainingService.matrix(3, 2), data.classNames(), data.trainCounts());
        assertEquals(report2.accuracy(), ys(live.accuracy()).get(1), 1e-12);
        assertEquals(report2.macroF1(), ys(live.macroF1()).get(1), 1e-12);
        assertEquals(ScriptedTrainingService.matrix(3, 2), live.confusionProperty().get());
        assertEquals(report2.perClass(), live.perClass());
        assertArrayEquals(data.trainCounts(), workbench.actualDrawsProperty().get());
        assertEquals("done", live.etaTextProperty().get());
        assertEquals(1.0, live.progressProperty().get(), 0);
        assertTrue(vm.statusProperty().get().startsWith("Finished"));
        ExperimentConfig ran = trainer.configs.get(0);
        assertTrue(ran.remedies().sampler());
        assertEquals(2, ran.recipe().epochs());
        assertEquals("/tmp/fixture", ran.data().path());
    }

    @Test
    void theHeatmapKeepsTheRunsClassNamesWhenTheSelectionChanges() {
        workbench.epochsProperty().set(1);
        vm.start();
        assertEquals(3, vm.live().confusionProperty().get().numClasses());
        assertEquals(List.of("class-0", "class-1", "class-2"), vm.classNamesProperty().getValue());

        Dataset pets = Fixtures.dataset("pets", new int[] {9, 9, 9}, 3, 4, 2);
        workbench.setLoaded(new Dataset("pets", pets.format(), List.of("cat", "dog", "fish"), pets.train(), pets.test()), "/tmp/pets");
        assertEquals(List.of("cat", "dog", "fish"), workbench.selected().classNames(), "same size, other names");
        assertEquals(List.of("class-0", "class-1", "class-2"), vm.classNamesProperty().getValue(), "still the run's labels");
        assertEquals(ScriptedTrainingService.matrix(3, 1), vm.live().confusionProperty().get());

        vm.start(); // the next run is labelled with its own names
        assertEquals(List.of("cat", "dog", "fish"), vm.classNamesProperty().getValue());
    }

    @Test
    void longRunsKeepTheLossCurveShort() {
        trainer.batchesPerEpoch = 500;
        workbench.epochsProperty().set(3);
        vm.start();
        int points = vm.live().trainLoss().getData().size();
        assertTrue(points <= LiveRun.MAX_LOSS_POINTS + 1, "points: " + points);
        assertTrue(points >= LiveRun.MAX_LOSS_POINTS / 2, "points: " + points);
    }

    @Test
    void stopEndsTheRunAfterTheCurrentBatch() {
        workbench.epochsProperty().set(3);
        List<RunState> seen = new ArrayList<>();
        trainer.beforeBatch = i -> {
            if (i == 5) {
                vm.stop();
                seen.add(vm.stateProperty().get());
            }
        };
        vm.start();
        assertEquals(List.of(RunState.STOPPING), seen);
        assertEquals(RunState.IDLE, vm.stateProperty().get());
        assertTrue(vm.lastOutcomeProperty().get().cancelled());
        assertEquals(5, vm.live().trainLoss().getData().size());
        assertEquals("stopped", vm.live().etaTextProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Stopped"));
        assertFalse(workbench.busyProperty().get());
    }

    @Test
    void pauseAndResumeFlipTheState() {
        List<RunState> seen = new ArrayList<>();
        trainer.beforeBatch = i -> {
            if (i == 1) {
                vm.pauseOrResume();
                seen.add(vm.stateProperty().get());
                vm.pauseOrResume();
                seen.add(vm.stateProperty().get());
            }
        };
        vm.start();
        assertEquals(List.of(RunState.PAUSED, RunState.RUNNING), seen);
    }

    @Test
    void aBadRecipeIsReportedAndNothingRuns() {
        workbench.learningRateProperty().set(0);
        vm.start();
        assertEquals(1, errors.messages.size());
        assertTrue(errors.messages.get(0).startsWith("--lr"), errors.messages.get(0));
        assertTrue(trainer.configs.isEmpty());
        assertEquals(RunState.IDLE, vm.stateProperty().get());
    }

    @Test
    void presetsFollowTheDataAndEditsMakeItCustom() {
        assertEquals(RecipePreset.STUDY, vm.presetProperty().get(), "real data gets the study recipe");
        assertEquals(50, workbench.epochsProperty().get());
        assertEquals(1e-4, workbench.learningRateProperty().get(), 0);
        workbench.setLoaded(Fixtures.dataset("demo-like", new int[] {9, 9}, 3, 4, 2), "demo");
        assertEquals(RecipePreset.FAST_DEMO, vm.presetProperty().get());
        assertEquals(ExperimentConfig.fastDemo().recipe().epochs(), workbench.epochsProperty().get());
        workbench.batchProperty().set(64);
        assertEquals(RecipePreset.CUSTOM, vm.presetProperty().get());
        vm.presetProperty().set(RecipePreset.STUDY);
        assertEquals(32, workbench.batchProperty().get());
    }

    private static List<Long> xs(javafx.scene.chart.XYChart.Series<Number, Number> s) {
        return s.getData().stream().map(d -> d.getXValue().longValue()).toList();
    }

    private static List<Double> ys(javafx.scene.chart.XYChart.Series<Number, Number> s) {
        return s.getData().stream().map(d -> d.getYValue().doubleValue()).toList();
    }
}
