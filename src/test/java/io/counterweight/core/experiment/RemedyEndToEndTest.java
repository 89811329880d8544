package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.Progress;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.Dataset;
import io.counterweight.core.train.LossKind;
import io.counterweight.core.train.LrDecay;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import io.counterweight.core.train.TrainingTuning;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each remedy, alone, trains the demo set's long tail end to end (mlp, 2 epochs) and learns above chance (1/4; four classes for speed). */
class RemedyEndToEndTest {
    private static final Map<String, UnaryOperator<ExperimentConfig.Builder>> REMEDIES = Map.of(
            "sampler", b -> b.sampler(true),
            "augment", b -> b.augment(AugmentConfig.study()),
            "weighted", b -> b.loss(LossKind.WEIGHTED).weightMode(io.counterweight.core.sampling.WeightMode.EFFECTIVE_NUMBER),
            "drw", b -> b.loss(LossKind.WEIGHTED).deferEpoch(2),
            "drs", b -> b.sampler(true).deferEpoch(2),
            "mixup", b -> b.mixup(0.4),
            "logit-adjusted", b -> b.loss(LossKind.LOGIT_ADJUSTED),
            "warmup", b -> b.warmup(1),
            "step", b -> b.decay(LrDecay.STEP).decayEvery(1).decayGamma(0.5),
            "warmup+cosine", b -> b.warmup(1).decay(LrDecay.COSINE));
    private static Dataset demo;

    @TempDir Path tmp;

    @BeforeAll
    static void loadOnce() {
        demo = ExperimentRunner.load(base().build(), Progress.NONE);
    }

    private static ExperimentConfig.Builder base() {
        return ExperimentConfig.fastDemo().toBuilder().classes(4).imbalance(0.2).model("mlp").epochs(2).learningRate(0.02);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sampler", "augment", "weighted", "drw", "drs", "mixup", "logit-adjusted", "warmup", "step",
            "warmup+cosine"})
    void eachRemedyTrainsTheDemoSet(String remedy) {
        ExperimentConfig cfg = REMEDIES.get(remedy).apply(base()).label(remedy).build().validate();
        RunResult r = ExperimentRunner.train(demo, cfg, tmp, TrainingListener.NONE, new TrainingControl(), TrainingTuning.defaults());
        assertFalse(r.cancelled());
        assertEquals(2, r.epochsDone());
        assertEquals(cfg.remedies(), ConfigJson.readConfig(r.runDir().resolve(RunStore.CONFIG)).remedies());
        assertTrue(Double.isFinite(r.history().get(1).trainLoss()));
        assertTrue(r.report().accuracy() > 0.4, remedy + ": accuracy " + r.report().accuracy());
    }
}
