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
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.RemedyInfo;
import io.counterweight.core.sampling.WeightMode;
import io.counterweight.core.train.LossKind;
import io.counterweight.core.train.LrDecay;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each control of the "Loss & schedule" card reaches the config a run starts from, and a run records it. */
class RemediesViewModelTest {
    private final ScriptedTrainingService trainer = new ScriptedTrainingService();
    private final CollectingErrorReporter errors = new CollectingErrorReporter();
    private final Workbench workbench = new Workbench(TestServices.withTraining(trainer));
    private final TrainingViewModel training = new TrainingViewModel(workbench, new SameThreadTaskExecutor(errors),
            ManualUiScheduler.immediate(), errors);
    private final RemediesViewModel vm = training.remedies();

    @BeforeEach
    void load() {
        workbench.setLoaded(Fixtures.dataset("fixture", new int[] {30, 20, 10}, 5, 4, 1), "/tmp/fixture");
        workbench.epochsProperty().set(6);
    }

    @Test
    void weightedLossWithTheSamplersWeightModeAndADeferredStart() {
        vm.lossProperty().set(LossKind.WEIGHTED);
        workbench.weightModeProperty().set(WeightMode.EFFECTIVE_NUMBER);
        workbench.betaProperty().set(0.99);
        vm.deferEpochProperty().set(4);
        ExperimentConfig.Remedies r = workbench.runnableConfig().remedies();
        assertEquals(LossKind.WEIGHTED, r.loss());
        assertEquals(WeightMode.EFFECTIVE_NUMBER, r.weightMode());
        assertEquals(0.99, r.beta());
        assertEquals(4, r.deferEpoch());
        assertFalse(r.sampler(), "the weighted loss does not switch the sampler on");
        assertEquals("improved", workbench.runnableConfig().label(), "a weighted loss is a remedy");
    }

    @Test
    void logitAdjustedLossWithTau() {
        assertFalse(vm.tauUsedBinding().get(), "τ is dimmed for cross-entropy");
        vm.lossProperty().set(LossKind.LOGIT_ADJUSTED);
        vm.tauProperty().set(1.5);
        assertTrue(vm.tauUsedBinding().get());
        ExperimentConfig.Remedies r = workbench.runnableConfig().remedies();
        assertEquals(LossKind.LOGIT_ADJUSTED, r.loss());
        assertEquals(1.5, r.tau());
    }

    @Test
    void mixupAlone() {
        vm.mixupProperty().set(0.4);
        ExperimentConfig c = workbench.runnableConfig();
        assertEquals(0.4, c.remedies().mixup());
        assertEquals(LossKind.CROSS_ENTROPY, c.remedies().loss());
        assertEquals("improved", c.label());
    }

    @Test
    void warmupAndStepDecayReachTheRecipe() {
        assertFalse(vm.stepUsedBinding().get(), "every/γ dimmed without step decay");
        vm.warmupProperty().set(2);
        vm.decayProperty().set(LrDecay.STEP);
        vm.decayEveryProperty().set(3);
        vm.decayGammaProperty().set(0.5);
        assertTrue(vm.stepUsedBinding().get());
        ExperimentConfig.Recipe r = workbench.runnableConfig().recipe();
        assertEquals(2, r.warmup());
        assertEquals(LrDecay.STEP, r.decay());
        assertEquals(3, r.decayEvery());
        assertEquals(0.5, r.decayGamma());
        vm.decayProperty().set(LrDecay.COSINE);
        assertEquals(LrDecay.COSINE, workbench.runnableConfig().recipe().decay());
    }

    @Test
    void deferringNeedsSomethingToDeferAndTheCardSaysSoBeforeStart() {
        assertFalse(vm.deferUsedBinding().get(), "neither sampler nor weighted loss: nothing to defer");
        vm.deferEpochProperty().set(3);
        assertTrue(vm.problemProperty().get().contains("--defer-epoch"), vm.problemProperty().get());
        training.start();
        assertEquals(1, errors.messages.size(), "Start refuses with the same message");
        assertTrue(trainer.configs.isEmpty(), "nothing ran");
        workbench.samplerProperty().set(true);
        assertTrue(vm.deferUsedBinding().get());
        assertEquals("", vm.problemProperty().get(), "deferred re-sampling (DRS) is fine");
        vm.warmupProperty().set(7);
        assertTrue(vm.problemProperty().get().startsWith("--warmup must be in 0..--epochs (6)"), vm.problemProperty().get());
    }

    @Test
    void allCombinedReachTheTrainerOfARun() {
        workbench.samplerProperty().set(true);
        vm.lossProperty().set(LossKind.LOGIT_ADJUSTED);
        vm.tauProperty().set(0.5);
        vm.deferEpochProperty().set(2);
        vm.mixupProperty().set(0.2);
        vm.warmupProperty().set(1);
        vm.decayProperty().set(LrDecay.COSINE);
        training.start();
        assertEquals(List.of(), errors.messages);
        ExperimentConfig ran = trainer.configs.get(0);
        assertEquals(new ExperimentConfig.Remedies(true, WeightMode.INVERSE_FREQUENCY, 0.999,
                io.counterweight.core.augment.AugmentConfig.none(), LossKind.LOGIT_ADJUSTED, 0.5, 2, 0.2), ran.remedies());
        assertEquals(1, ran.recipe().warmup());
        assertEquals(LrDecay.COSINE, ran.recipe().decay());
    }

    @Test
    void everyRemedyOfTheCardHasItsParagraphAndReference() {
        assertEquals(List.of(RemedyInfo.WEIGHTED_LOSS, RemedyInfo.LOGIT_ADJUSTED, RemedyInfo.DEFERRED, RemedyInfo.MIXUP,
                RemedyInfo.WARMUP, RemedyInfo.DECAY), vm.remedies());
        String text = RemediesViewModel.explain(RemedyInfo.MIXUP);
        assertTrue(text.contains(RemedyInfo.MIXUP.paragraph()));
        assertTrue(text.endsWith("Reference: " + RemedyInfo.MIXUP.reference()));
    }
}
