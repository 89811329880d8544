package io.counterweight.core.model;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.model.fast.FastConvolutionLayer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the networks by name. All share the study's recipe: SGD with momentum (DL4J's
 * {@link Nesterovs} with the spec's learning rate and momentum), cross-entropy on a softmax output,
 * He initialisation for ReLU layers and Xavier for the output, weights seeded from the spec's seed.
 * Input batches are NCHW, pixels scaled to [0, 1].
 *
 * <ul>
 *   <li>{@code study}: the study's small CNN. Its layers were not published; ours is:
 *       conv 3×3, 32 filters, same padding, ReLU → max-pool 2×2 → conv 3×3, 64 filters, same padding,
 *       ReLU → max-pool 2×2 → dense 128 ReLU → softmax.</li>
 *   <li>{@code lenet}: LeNet-5 with ReLU: conv 5×5, 6 filters (no padding) → max-pool 2×2 stride 2 →
 *       conv 5×5, 16 filters → max-pool 2×2 stride 2 → dense 120 → dense 84 → softmax.
 *       Needs images of at least 16×16.</li>
 *   <li>{@code mlp}: dense 256 ReLU → dense 128 ReLU → softmax; a fast baseline.</li>
 * </ul>
 */
public final class ModelFactory {
    private ModelFactory() { }

    public static MultiLayerNetwork build(ModelSpec spec, ImageShape shape, int numClasses) {
        return build(spec, shape, numClasses, ModelTuning.defaults());
    }

    public static MultiLayerNetwork build(ModelSpec spec, ImageShape shape, int numClasses, ModelTuning tuning) {
        if (numClasses < 2) throw new CounterweightException("the data has " + numClasses + " class(es); training needs at least 2");
        ModelSpec.checkArchitecture(spec.architecture());
        NeuralNetConfiguration.ListBuilder layers = base(spec, tuning).list();
        switch (spec.architecture()) {
            case "study" -> study(layers, tuning);
            case "lenet" -> lenet(layers, shape, tuning);
            default -> mlp(layers);
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(numClasses).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build());
        // Batches are assembled NCHW (BatchAssembler); only tuning.format() == NCHW is tested.
        layers.setInputType(InputType.convolutional(shape.height(), shape.width(), shape.channels(), tuning.format()));
        MultiLayerConfiguration conf = layers.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static NeuralNetConfiguration.Builder base(ModelSpec spec, ModelTuning tuning) {
        return new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(tuning.dataType())
                .updater(new Nesterovs(spec.learningRate(), spec.momentum()))
                .weightInit(WeightInit.RELU)
                .trainingWorkspaceMode(tuning.trainingWorkspaces())
                .inferenceWorkspaceMode(tuning.inferenceWorkspaces())
                .cacheMode(tuning.cacheMode());
    }

    private static void study(NeuralNetConfiguration.ListBuilder l, ModelTuning t) {
        l.layer(conv(3, 32, t, true).convolutionMode(ConvolutionMode.Same).build());
        l.layer(maxPool(t));
        l.layer(conv(3, 64, t, false).convolutionMode(ConvolutionMode.Same).build());
        l.layer(maxPool(t));
        l.layer(dense(128));
    }

    private static void lenet(NeuralNetConfiguration.ListBuilder l, ImageShape shape, ModelTuning t) {
        if (shape.height() < 16 || shape.width() < 16) {
            throw new CounterweightException("--model lenet needs images of at least 16x16, got " + shape.width() + "x" + shape.height()
                    + " (use --image-size or another model)");
        }
        l.layer(conv(5, 6, t, true).convolutionMode(ConvolutionMode.Truncate).build());
        l.layer(maxPool(t));
        l.layer(conv(5, 16, t, false).convolutionMode(ConvolutionMode.Truncate).build());
        l.layer(maxPool(t));
        l.layer(dense(120));
        l.layer(dense(84));
    }

    private static void mlp(NeuralNetConfiguration.ListBuilder l) {
        l.layer(dense(256));
        l.layer(dense(128));
    }

    /**
     * A 2-D convolution. On CPU, DL4J 1.0.0-M2.1's own layer spends most of a step in a strided im2col;
     * {@link FastConvolutionLayer} computes the same maths (and serialises the same way) much faster and
     * falls back to DL4J's code where it does not apply (CUDA, NHWC, double precision).
     */
    private static ConvolutionLayer.Builder conv(int kernel, int filters, ModelTuning t, boolean first) {
        ConvolutionLayer.Builder b = t.fastConvolution() && t.format() == CNN2DFormat.NCHW
                ? new FastConvolutionLayer.Builder(kernel, kernel).inputGradient(!first || t.firstInputGradient())
                : new ConvolutionLayer.Builder(kernel, kernel);
        return b.stride(1, 1).nOut(filters).activation(Activation.RELU).dataFormat(t.format());
    }

    private static SubsamplingLayer maxPool(ModelTuning t) {
        return new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).dataFormat(t.format()).build();
    }

    private static DenseLayer dense(int units) {
        return new DenseLayer.Builder().nOut(units).activation(Activation.RELU).build();
    }
}
