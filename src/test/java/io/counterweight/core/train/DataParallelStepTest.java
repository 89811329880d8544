package io.counterweight.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.counterweight.core.data.ImageShape;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.model.ModelFactory;
import io.counterweight.core.model.ModelSpec;

/** Splitting a batch over replicas must take the very step that fit() takes on the whole batch. */
class DataParallelStepTest {
    private static final ImageShape SHAPE = new ImageShape(3, 32, 32);

    private static DataSet batch(int n, int classes, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 3, 32, 32);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) y.putScalar(i, (i * 7 + seed) % classes, 1f);
        return new DataSet(x, y);
    }

    @ParameterizedTest
    @CsvSource({"lenet,2,8", "lenet,3,7", "study,2,6", "mlp,2,5"})
    void splitStepsMatchWholeBatchFit(String model, int threads, int n) {
        ExperimentConfig cfg = ExperimentConfig.fastDemo();
        MultiLayerNetwork whole = ModelFactory.build(specOf(model, cfg), SHAPE, 5);
        MultiLayerNetwork split = ModelFactory.build(specOf(model, cfg), SHAPE, 5);
        split.setParams(whole.params().dup());
        INDArray start = whole.params().dup();
        try (DataParallelStep step = new DataParallelStep(split, threads)) {
            for (int s = 0; s < 3; s++) {
                DataSet b = batch(n, 5, s);
                whole.fit(b);
                double loss = step.fit(b);
                assertEquals(whole.score(), loss, 1e-4 * Math.max(1, Math.abs(loss)), "loss of step " + s);
                assertEquals(loss, split.score(), 0.0, "score() reports the split step's loss");
            }
        }
        assertTrue(whole.params().distance2(start) > 1e-3, "the steps moved the parameters");
        double diff = whole.params().distance2(split.params()), scale = whole.params().norm2Number().doubleValue();
        assertTrue(diff <= 1e-4 * scale, "parameters after 3 steps differ by " + diff + " (norm " + scale + ")");
        assertEquals(whole.getIterationCount(), split.getIterationCount());
    }

    @Test
    void aBatchSmallerThanTheThreadCountStillTrains() {
        MultiLayerNetwork net = ModelFactory.build(specOf("lenet", ExperimentConfig.fastDemo()), SHAPE, 5);
        INDArray before = net.params().dup();
        try (DataParallelStep step = new DataParallelStep(net, 2)) {
            double loss = step.fit(batch(1, 5, 1));
            assertTrue(Double.isFinite(loss));
        }
        assertTrue(net.params().distance2(before) > 0);
    }

    @Test
    void needsTwoThreads() {
        MultiLayerNetwork net = ModelFactory.build(specOf("mlp", ExperimentConfig.fastDemo()), SHAPE, 5);
        assertThrows(IllegalArgumentException.class, () -> new DataParallelStep(net, 0));
    }

    private static ModelSpec specOf(String architecture, ExperimentConfig recipe) {
        return new ModelSpec(architecture, recipe.seed(), recipe.recipe().learningRate(), recipe.recipe().momentum());
    }
}
