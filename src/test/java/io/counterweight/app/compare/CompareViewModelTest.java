package io.counterweight.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.app.Workbench;
import io.counterweight.app.augment.AugmentationViewModel;
import io.counterweight.app.augment.TransformModel;
import io.counterweight.app.sampler.SamplerViewModel;
import io.counterweight.app.services.CoreAugmentService;
import io.counterweight.app.services.CoreSamplingService;
import io.counterweight.app.services.EpochView;
import io.counterweight.app.services.Services;
import io.counterweight.app.testing.CollectingErrorReporter;
import io.counterweight.app.testing.FakeRunHistory;
import io.counterweight.app.testing.Fixtures;
import io.counterweight.app.testing.SameThreadTaskExecutor;
import io.counterweight.app.testing.ScriptedTrainingService;
import io.counterweight.app.testing.TestServices;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RunStatus;
import io.counterweight.core.metrics.ClassChange;
import io.counterweight.core.metrics.ClassGroup;
import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionDifference;
import io.counterweight.core.sampling.WeightMode;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompareViewModelTest {
    private final ScriptedTrainingService trainer = new ScriptedTrainingService();
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor(errors);
    private final Workbench workbench = new Workbench(new Services(TestServices.identityData(), new CoreSamplingService(),
            new CoreAugmentService(), trainer));
    private final CompareViewModel vm = new CompareViewModel(workbench, executor, errors);

    @BeforeEach
    void load() {
        workbench.setLoaded(Fixtures.dataset("f", new int[] {130, 30, 10}, 3, 4, 1), "/f");
        workbench.epochsProperty().set(3);
        trainer.extraCorrect = c -> c.remedies().any() ? 2 : 0; // the improved run gets 2 more right per class
    }

    @Test
    void theImprovedRunFollowsTheSamplerAndAugmentationTabs() {
        AugmentationViewModel augmentation = new AugmentationViewModel(workbench, executor);
        SamplerViewModel sampler = new SamplerViewModel(workbench);
        TransformModel rotation = augmentation.transforms().get(0), flip = augmentation.transforms().get(2);
        rotation.enabledProperty().set(true);
        flip.enabledProperty().set(true);
        flip.probabilityProperty().set(0.5);
        sampler.samplerProperty().set(true);
        assertEquals("Baseline = no remedies. Improved = sampler (inverse frequency) + rotation 0.3, flip 0.5. Same data, recipe and seed.",
                vm.planProperty().get());

        vm.runBoth();

        assertEquals(List.of(), errors.messages);
        assertEquals(2, trainer.configs.size());
        ExperimentConfig base = trainer.configs.get(0), improved = trainer.configs.get(1);
        assertFalse(base.remedies().sampler());
        assertEquals(AugmentConfig.none(), base.remedies().augment());
        assertTrue(improved.remedies().sampler());
        assertEquals(augmentation.config(), improved.remedies().augment(), "the Augmentation tab's settings, not the study's");
        assertEquals(AugmentConfig.none().withRotation(rotation.toConfig()).withFlip(flip.toConfig()), improved.remedies().augment());
        assertEquals("improved", improved.label());
        assertEquals(base.seed(), improved.seed());
        assertEquals(base.recipe(), improved.recipe());
        assertEquals(base.data(), improved.data());
        assertEquals("Compared the baseline with improved = sampler (inverse frequency) + rotation 0.3, flip 0.5",
                vm.statusProperty().get());
        List<Comparison.Row> expected = Comparison.of(vm.baselineProperty().get(), vm.improvedProperty().get()).rows();
        assertEquals(expected, vm.rows());
        assertFalse(vm.runningProperty().get());
        assertFalse(workbench.busyProperty().get());
    }

    @Test
    void theEffectiveNumberSamplerIsNamedWithItsBeta() {
        workbench.samplerProperty().set(true);
        workbench.weightModeProperty().set(WeightMode.EFFECTIVE_NUMBER);
        workbench.betaProperty().set(0.99);
        assertEquals("Baseline = no remedies. Improved = sampler (effective number, β 0.99). Same data, recipe and seed.",
                vm.planProperty().get());
    }

    @Test
    void withNothingSetUpTheComparisonIsRefusedInOneLine() {
        assertTrue(vm.planProperty().get().startsWith("Improved = nothing yet"), vm.planProperty().get());
        vm.runBoth();
        assertEquals(List.of("Nothing to compare: switch on the sampler (Sampler tab) or an augmentation (Augmentation tab)"
                + " for the improved run first"), errors.messages);
        assertTrue(trainer.configs.isEmpty());
    }

    @Test
    void theStudysRemediesAreOneClickAway() {
        vm.useStudyRemedies();
        assertTrue(workbench.samplerProperty().get());
        assertEquals(AugmentConfig.study(), workbench.augmentProperty().get());
        vm.runBoth();
        assertEquals(AugmentConfig.study(), trainer.configs.get(1).remedies().augment());
    }

    @Test
    void theScrubberPicksTheSameEpochOfEveryRunAndTheDifferenceFollows() {
        vm.useStudyRemedies();
        vm.runBoth();
        assertEquals(3, vm.maxEpochProperty().get());
        assertEquals(3, vm.epochProperty().get(), "opens on the last epoch");
        assertEquals(List.of(ScriptedTrainingService.matrix(3, 3), ScriptedTrainingService.matrix(3, 5)),
                vm.shown().stream().map(EpochView::matrix).toList());

        vm.epochProperty().set(1);

        assertEquals(List.of(ScriptedTrainingService.matrix(3, 1), ScriptedTrainingService.matrix(3, 3)),
                vm.shown().stream().map(EpochView::matrix).toList());
        ConfusionDifference d = vm.differenceProperty().get();
        // class 0 at epoch 1: baseline 1 of 2 right (1/2), improved 3 of 4 (3/4): +1/4 on the diagonal, −1/4 next to it
        assertEquals(0.25, d.delta(0, 0), 1e-12);
        assertEquals(-0.25, d.delta(0, 1), 1e-12);
        assertEquals(0.0, d.delta(0, 2), 1e-12);
        List<ClassChange> changes = vm.classChanges();
        assertEquals(List.of("class-0", "class-1", "class-2"), changes.stream().map(ClassChange::name).toList());
        assertEquals(List.of(ClassGroup.HEAD, ClassGroup.MEDIUM, ClassGroup.TAIL), changes.stream().map(ClassChange::group).toList());
        assertEquals(0.25, changes.get(0).recallDelta(), 1e-12);
        assertEquals(3, vm.perClass().size());
        assertEquals(0.5, vm.perClass().get(0).perRun().get(0).recall(), 1e-12);
        assertEquals(0.75, vm.perClass().get(0).perRun().get(1).recall(), 1e-12);
        assertEquals(130, vm.perClass().get(0).trainCount());
    }

    @Test
    void runsFromTheHistoryAreComparedEpochByEpochEachFromItsOwnFiles() {
        FakeRunHistory history = new FakeRunHistory();
        history.runs.add(FakeRunHistory.summary("long", RunStatus.FINISHED, 3, 3, "demo", List.of(), null));
        history.runs.add(FakeRunHistory.summary("short", RunStatus.STOPPED, 2, 3, "demo", List.of(), null));
        history.runs.add(FakeRunHistory.summary("third", RunStatus.FINISHED, 1, 3, "demo", List.of(), null));
        CompareViewModel fromHistory = new CompareViewModel(new Workbench(TestServices.withRuns(history)), executor, errors);
        fromHistory.refreshHistory();
        assertEquals(3, fromHistory.history().size());

        fromHistory.open(history.runs.stream().map(r -> r.runDir()).toList());

        assertEquals(List.of(), errors.messages);
        assertEquals(List.of("baseline", "baseline #2", "baseline #3"), fromHistory.runs().stream().map(ComparedRun::name).toList());
        assertEquals(6, history.epochReads, "every epoch read once, when opened");
        assertEquals(3, fromHistory.maxEpochProperty().get());
        assertEquals(List.of(3, 2, 1), fromHistory.shown().stream().map(EpochView::epoch).toList(), "shorter runs show their last epoch");
        ConfusionDifference d = fromHistory.differenceProperty().get();
        assertEquals(2.0 / 3 - 3.0 / 4, d.delta(0, 0), 1e-12, "epoch 2 (2 of 3 right) minus epoch 3 (3 of 4)");
        assertEquals(List.of(50, 20, 5), fromHistory.classChanges().stream().map(ClassChange::trainCount).toList(),
                "training counts from the provenance");

        fromHistory.epochProperty().set(2);
        assertEquals(List.of(2, 2, 1), fromHistory.shown().stream().map(EpochView::epoch).toList());
        assertEquals(0.0, fromHistory.differenceProperty().get().delta(0, 0), 1e-12);
        assertEquals(6, history.epochReads, "the scrubber reads no file");
    }

    @Test
    void oneRunIsNoComparison() {
        FakeRunHistory history = new FakeRunHistory();
        history.runs.add(FakeRunHistory.summary("only", RunStatus.FINISHED, 3, 3, "demo", List.of(), null));
        CompareViewModel one = new CompareViewModel(new Workbench(TestServices.withRuns(history)), executor, errors);
        one.open(List.of(history.runs.get(0).runDir()));
        assertEquals("Choose at least two runs to compare", one.statusProperty().get());
        assertTrue(one.runs().isEmpty());
        assertNull(one.differenceProperty().get());
    }

    @Test
    void aBrokenRunFolderIsOneLine() {
        FakeRunHistory history = new FakeRunHistory();
        history.runs.add(FakeRunHistory.summary("only", RunStatus.FINISHED, 3, 3, "demo", List.of(), null));
        CompareViewModel vm2 = new CompareViewModel(new Workbench(TestServices.withRuns(history)), executor, errors);
        vm2.open(List.of(history.runs.get(0).runDir(), Path.of("/ws/missing").toAbsolutePath()));
        assertEquals(1, errors.messages.size());
        assertTrue(errors.messages.get(0).endsWith(": not a Counterweight run folder"), errors.messages.get(0));
        assertFalse(vm2.runningProperty().get());
    }

    @Test
    void theNormalisedSettingIsRemembered() throws Exception {
        Preferences prefs = Preferences.userRoot().node("io/counterweight/test-" + UUID.randomUUID());
        try {
            CompareViewModel first = new CompareViewModel(workbench, executor, errors, new NormalisedPreference(prefs));
            assertTrue(first.normalisedProperty().get(), "normalised by default");
            first.normalisedProperty().set(false);
            CompareViewModel next = new CompareViewModel(workbench, executor, errors, new NormalisedPreference(prefs));
            assertFalse(next.normalisedProperty().get());
        } finally {
            prefs.removeNode();
        }
    }

    @Test
    void theFootnoteNamesTheReportsGroupThresholds() {
        assertTrue(vm.groupsHint().contains(": >100, 20-100, <20."), vm.groupsHint());
        assertTrue(vm.groupsHint().contains(String.join(", ", ClassificationReport.groupLabels())), vm.groupsHint());
    }

    @Test
    void stoppingDuringTheBaselineSkipsTheImprovedRun() {
        vm.useStudyRemedies();
        trainer.beforeBatch = i -> { if (i == 2) vm.stop(); };
        vm.runBoth();
        assertEquals(1, trainer.configs.size());
        assertNull(vm.improvedProperty().get());
        assertNotNull(vm.baselineProperty().get());
        assertTrue(vm.rows().isEmpty());
        assertEquals("Stopped before the improved run", vm.statusProperty().get());
    }

    @Test
    void noDataIsReported() {
        Workbench empty = new Workbench(TestServices.withTraining(trainer));
        new CompareViewModel(empty, executor, errors).runBoth();
        assertEquals(1, errors.messages.size());
        assertTrue(errors.messages.get(0).startsWith("No data set loaded"));
    }
}
