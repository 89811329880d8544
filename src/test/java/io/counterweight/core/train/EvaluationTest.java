package io.counterweight.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.model.ModelFactory;
import io.counterweight.core.model.ModelSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class EvaluationTest {
    @Test
    void confusionCountsArgmaxAndLossEqualsDl4jScore() {
        ImageShape shape = new ImageShape(3, 8, 8);
        ImageSplit test = GeneratedImages.split(shape, new int[] {7, 5, 3, 2}, 4);
        MultiLayerNetwork net = ModelFactory.build(specOf("mlp", ExperimentConfig.fastDemo()), shape, 4);
        DataSet all = new BatchAssembler().assemble(test, 4, EpochOrder.sequential(17).indices(null));
        float[][] p = net.output(all.getFeatures()).toFloatMatrix();
        long[][] expected = new long[4][4];
        for (int i = 0; i < 17; i++) expected[test.label(i)][Evaluation.argmax(p[i])]++;
        try (InputPipeline pipeline = new InputPipeline(1, 2)) {
            Evaluation eval = Evaluation.of(net, test, 4, pipeline, 5); // 4 batches, the last of 2
            assertEquals(java.util.Arrays.deepToString(expected), eval.confusion().toString());
            assertEquals(net.score(all), eval.loss(), 1e-4);
        }
    }

    @Test
    void evaluationBatchIsLargerButBounded() {
        assertEquals(256, Evaluation.batchSizeFor(32, 3072));
        assertEquals(512, Evaluation.batchSizeFor(512, 3072));
        assertEquals(32, Evaluation.batchSizeFor(32, 3 * 256 * 256));
    }

    private static ModelSpec specOf(String architecture, ExperimentConfig recipe) {
        return new ModelSpec(architecture, recipe.seed(), recipe.recipe().learningRate(), recipe.recipe().momentum());
    }
}
