package io.counterweight.core.perf;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import io.counterweight.core.model.fast.FastConvolutionLayer;

/**
 * The two benchmark networks (same layers as the model factory's "study" and "lenet" and as
 * bench/torch_reference.py), built with the benchmark's DL4J knobs so each knob can be measured alone.
 */
public final class BenchNetworks {
    public static final int NUM_CLASSES = 50;

    private BenchNetworks() {}

    public static MultiLayerNetwork build(BenchOptions o) {
        MultiLayerNetwork net = new MultiLayerNetwork(config(o.model(), NUM_CLASSES, o));
        net.init();
        return net;
    }

    public static MultiLayerConfiguration config(String model, int numClasses, BenchOptions o) {
        CNN2DFormat f = o.format();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(o.seed())
                .updater(new Nesterovs(1e-4, 0.9))
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(o.workspaceMode())
                .inferenceWorkspaceMode(o.workspaceMode())
                .cacheMode(CacheMode.NONE)
                .list();
        if (model.equals("lenet")) {
            list.layer(conv(o, 5, 6, ConvolutionMode.Truncate, true))
                .layer(pool(f))
                .layer(conv(o, 5, 16, ConvolutionMode.Truncate, false))
                .layer(pool(f))
                .layer(new DenseLayer.Builder().nOut(120).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(84).activation(Activation.RELU).build());
        } else {
            list.layer(conv(o, 3, 32, ConvolutionMode.Same, true))
                .layer(pool(f))
                .layer(conv(o, 3, 64, ConvolutionMode.Same, false))
                .layer(pool(f))
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build());
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(numClasses).activation(Activation.SOFTMAX).build());
        return list.setInputType(InputType.convolutional(32, 32, 3, f)).build();
    }

    /** The first layer's input gradient is never used, so the fast layer skips it (as PyTorch does). */
    private static Layer conv(BenchOptions o, int k, int nOut, ConvolutionMode mode, boolean first) {
        if (o.fastConv() && o.format() == CNN2DFormat.NCHW) {
            return new FastConvolutionLayer.Builder(k, k).inputGradient(!first || o.firstInputGradient()).nOut(nOut).convolutionMode(mode)
                    .activation(Activation.RELU).build();
        }
        return new ConvolutionLayer.Builder(k, k).nOut(nOut).convolutionMode(mode)
                .dataFormat(o.format()).activation(Activation.RELU).build();
    }

    private static Layer pool(CNN2DFormat f) {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).dataFormat(f).build();
    }
}
