package io.counterweight.core.model.fast;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.nd4j.linalg.api.buffer.DataType;

/** Runtime layer of {@link FastConvolutionLayer} (stub: DL4J's own path until the fast path lands). */
public class FastConvolution extends ConvolutionLayer {
    public FastConvolution(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }
}
