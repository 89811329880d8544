package io.counterweight.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.ImageShape;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;

class ModelFactoryTest {
    private static final ModelSpec CFG = new ModelSpec("study", 42, 0.01, 0.9);

    @ParameterizedTest
    @ValueSource(strings = {"study", "lenet", "mlp"})
    void outputHasOneProbabilityPerClass(String name) {
        ImageShape shape = new ImageShape(3, 32, 32);
        MultiLayerNetwork net = ModelFactory.build(specOf(name, CFG), shape, 7);
        INDArray out = net.output(Nd4j.rand(new long[] {5, 3, 32, 32}));
        assertArrayEquals(new long[] {5, 7}, out.shape());
        for (int r = 0; r < 5; r++) assertEquals(1.0, out.getRow(r).sumNumber().doubleValue(), 1e-4);
    }

    @Test
    void lenetParameterCountMatchesHandCount() {
        // 32x32x3: conv1 5*5*3*6+6, 28->14; conv2 5*5*6*16+16, 10->5; dense 5*5*16*120+120, 120*84+84, 84*10+10.
        long expected = (5 * 5 * 3 * 6 + 6) + (5 * 5 * 6 * 16 + 16) + (400 * 120 + 120) + (120 * 84 + 84) + (84 * 10 + 10);
        assertEquals(62006, expected);
        assertEquals(expected, ModelFactory.build(specOf("lenet", CFG), new ImageShape(3, 32, 32), 10).numParams());
        // 28x28x1 (MNIST): 24->12, 8->4, so the first dense layer sees 4*4*16 = 256 inputs.
        long mnist = (5 * 5 * 6 + 6) + (5 * 5 * 6 * 16 + 16) + (256 * 120 + 120) + (120 * 84 + 84) + (84 * 10 + 10);
        assertEquals(mnist, ModelFactory.build(specOf("lenet", CFG), new ImageShape(1, 28, 28), 10).numParams());
    }

    @Test
    void studyAndMlpParameterCounts() {
        ImageShape s = new ImageShape(3, 16, 16);
        long study = (3 * 3 * 3 * 32 + 32) + (3 * 3 * 32 * 64 + 64) + (4 * 4 * 64 * 128 + 128) + (128 * 4 + 4);
        assertEquals(study, ModelFactory.build(specOf("study", CFG), s, 4).numParams());
        long mlp = (768 * 256 + 256) + (256 * 128 + 128) + (128 * 4 + 4);
        assertEquals(mlp, ModelFactory.build(specOf("mlp", CFG), s, 4).numParams());
    }

    @Test
    void sameSeedSameWeightsAndRecipeIsApplied() {
        ImageShape s = new ImageShape(3, 16, 16);
        ModelSpec other = new ModelSpec("study", CFG.seed() + 1, 0.05, 0.8);
        INDArray a = ModelFactory.build(specOf("study", CFG), s, 4).params();
        assertEquals(a, ModelFactory.build(specOf("study", CFG), s, 4).params());
        assertTrue(!a.equals(ModelFactory.build(specOf("study", other), s, 4).params()));
        MultiLayerNetwork net = ModelFactory.build(specOf("mlp", other), s, 4);
        Nesterovs updater = (Nesterovs) net.getLayerWiseConfigurations().getConf(0).getLayer().getUpdaterByParam("W");
        assertEquals(0.05, updater.getLearningRate(), 1e-12);
        assertEquals(0.8, updater.getMomentum(), 1e-12);
    }

    @Test
    void rejectsUnknownModelAndTooSmallLenet() {
        ImageShape tiny = new ImageShape(1, 8, 8);
        assertTrue(assertThrows(CounterweightException.class, () -> ModelFactory.build(specOf("resnet", CFG), tiny, 3))
                .getMessage().contains("--model"));
        assertThrows(CounterweightException.class, () -> ModelFactory.build(specOf("lenet", CFG), tiny, 3));
        assertThrows(CounterweightException.class, () -> ModelFactory.build(specOf("mlp", CFG), tiny, 1));
    }

    private static ModelSpec specOf(String architecture, ModelSpec settings) {
        return new ModelSpec(architecture, settings.seed(), settings.learningRate(), settings.momentum());
    }
}
