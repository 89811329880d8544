package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.model.LogitAdjustedLoss;
import io.counterweight.core.model.ModelFactory;
import io.counterweight.core.model.OutputLoss;
import io.counterweight.core.sampling.ClassWeights;
import io.counterweight.core.sampling.WeightMode;
import io.counterweight.core.sampling.WeightedRandomSampler;
import io.counterweight.core.train.EpochOrder;
import io.counterweight.core.train.GeneratedImages;
import io.counterweight.core.train.LossKind;
import io.counterweight.core.train.LrDecay;
import io.counterweight.core.train.RemedySchedule;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** How a config's remedies reach the trainer: the deferred sampler and loss switch at their epoch, the rate per epoch. */
class RemedyWiringTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    private static final Dataset DATA = new Dataset("generated", DatasetFormat.DEMO, GeneratedImages.NAMES,
            GeneratedImages.split(SHAPE, new int[] {40, 20, 10, 5}, 41), GeneratedImages.balanced(SHAPE, 2, 42));

    private static ExperimentConfig.Builder base() {
        return ExperimentConfig.fastDemo().toBuilder().model("mlp").epochs(5);
    }

    @Test
    void theDeferredSamplerShufflesBeforeItsEpochAndSamplesFromIt() {
        ExperimentConfig cfg = base().sampler(true).deferEpoch(3).build().validate();
        EpochOrder order = ExperimentRunner.epochOrder(DATA, cfg);
        int n = DATA.train().size();
        WeightedRandomSampler sampler = new WeightedRandomSampler(DATA.train().labels(),
                ClassWeights.compute(DATA.trainCounts(), WeightMode.INVERSE_FREQUENCY, 0.999), n);
        int[] everyIndexOnce = new int[n];
        Arrays.setAll(everyIndexOnce, i -> i);
        for (int epoch = 1; epoch <= 5; epoch++) {
            int[] drawn = order.indices(epoch, new SplittableRandom(epoch));
            int[] sorted = drawn.clone();
            Arrays.sort(sorted);
            if (epoch < 3) {
                assertArrayEquals(everyIndexOnce, sorted, "epoch " + epoch + ": a plain shuffle");
            } else {
                assertArrayEquals(sampler.sample(new SplittableRandom(epoch)), drawn, "epoch " + epoch + ": the sampler");
                assertNotEquals(Arrays.toString(everyIndexOnce), Arrays.toString(sorted), "drawn with replacement");
            }
        }
    }

    @Test
    void theDeferredWeightedLossSwitchesOnAtItsEpochOnEveryNetwork() {
        ExperimentConfig cfg = base().loss(LossKind.WEIGHTED).deferEpoch(3).build().validate();
        RemedySchedule schedule = RemedySeams.schedule(DATA, cfg);
        MultiLayerNetwork master = net(), replica = net();
        for (int epoch = 1; epoch <= 5; epoch++) {
            schedule.beforeEpoch(epoch, List.of(master, replica));
            for (MultiLayerNetwork net : List.of(master, replica)) {
                if (epoch < 3) {
                    assertTrue(OutputLoss.isPlain(OutputLoss.of(net)), "epoch " + epoch + ": plain cross-entropy");
                } else {
                    LossMCXENT weighted = assertInstanceOf(LossMCXENT.class, OutputLoss.of(net));
                    // 1/n for 40, 20, 10, 5 is 1 : 2 : 4 : 8, scaled to a mean of 1
                    assertArrayEquals(new double[] {4 / 15.0, 8 / 15.0, 16 / 15.0, 32 / 15.0},
                            weighted.getWeights().ravel().toDoubleVector(), 1e-6, "epoch " + epoch);
                }
            }
        }
    }

    @Test
    void theLogitAdjustedLossUsesTheTrainingPriorsFromTheFirstEpochAndTheRateFollowsTheRecipe() {
        ExperimentConfig cfg = base().loss(LossKind.LOGIT_ADJUSTED).tau(0.5).learningRate(0.1).warmup(2)
                .decay(LrDecay.STEP).decayEvery(2).decayGamma(0.5).build().validate();
        RemedySchedule schedule = RemedySeams.schedule(DATA, cfg);
        MultiLayerNetwork net = net();
        double[] expectedRates = {0.05, 0.1, 0.05, 0.05, 0.025};
        for (int epoch = 1; epoch <= 5; epoch++) {
            schedule.beforeEpoch(epoch, List.of(net));
            LogitAdjustedLoss loss = assertInstanceOf(LogitAdjustedLoss.class, OutputLoss.of(net));
            assertEquals(0.5, loss.tau());
            assertArrayEquals(new double[] {Math.log(40 / 75.0), Math.log(20 / 75.0), Math.log(10 / 75.0), Math.log(5 / 75.0)},
                    loss.logPriors(), 1e-12);
            assertEquals(expectedRates[epoch - 1], net.getLearningRate(0), 1e-9, "epoch " + epoch);
        }
    }

    private static MultiLayerNetwork net() {
        return ModelFactory.build(ExperimentConfig.fastDemo().toBuilder().model("mlp").build().recipe().modelSpec(1), SHAPE, 4);
    }
}
