package io.counterweight.core.model;

import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * Arithmetic of a network, counted from its configuration: the multiply-adds of its convolutions and
 * dense layers (pooling, activations and the updater are left out: they are small next to these). Used to
 * decide whether a training step is big enough to be worth splitting over threads.
 */
public final class NetworkCost {
    private NetworkCost() {}

    /** Floating-point operations of one forward pass of one image (2 per multiply-add). */
    public static double forwardFlopsPerImage(MultiLayerConfiguration conf, InputType input) {
        List<InputType> outputs = conf.getLayerActivationTypes(input);
        double flops = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            if (layer instanceof ConvolutionLayer c && outputs.get(i) instanceof InputType.InputTypeConvolutional out) {
                int[] k = c.getKernelSize();
                flops += 2.0 * out.getHeight() * out.getWidth() * c.getNOut() * c.getNIn() * k[0] * k[1];
            } else if (layer instanceof FeedForwardLayer f && !(layer instanceof ConvolutionLayer)) {
                flops += 2.0 * f.getNIn() * f.getNOut();
            }
        }
        return flops;
    }

    /** Forward, plus backprop's two products per layer (input and weight gradient): about 3× the forward pass. */
    public static double trainingFlopsPerImage(MultiLayerConfiguration conf, InputType input) {
        return 3 * forwardFlopsPerImage(conf, input);
    }
}
