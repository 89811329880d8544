package io.counterweight.core.model.fast;

import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a 2D convolution that is a {@link ConvolutionLayer} in every respect (parameters,
 * JSON, {@code ModelSerializer}, output types) but instantiates {@link FastConvolution}, whose CPU path
 * does im2col in Java into a reused buffer and one GEMM, instead of ND4J's strided im2col op.
 */
public class FastConvolutionLayer extends ConvolutionLayer {
    /**
     * False for the network's first layer: the gradient with respect to the network's input is never
     * used in training, so backprop skips it (returns zeros) — PyTorch skips it too. Default true.
     */
    private boolean inputGradient = true;

    /** For JSON deserialisation. */
    public FastConvolutionLayer() {
        super();
    }

    protected FastConvolutionLayer(Builder builder) {
        super(builder);
        this.inputGradient = builder.inputGradient;
    }

    public boolean isInputGradient() {
        return inputGradient;
    }

    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof FastConvolutionLayer f && f.inputGradient == inputGradient;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Boolean.hashCode(inputGradient);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FastConvolutionLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        FastConvolution layer = new FastConvolution(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> params = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public FastConvolutionLayer clone() {
        return (FastConvolutionLayer) super.clone();
    }

    /** Same options as {@link ConvolutionLayer.Builder}; {@code build()} returns the fast layer. */
    public static class Builder extends ConvolutionLayer.Builder {
        private boolean inputGradient = true;

        public Builder(int... kernelSize) {
            super(kernelSize);
        }

        /** {@code false} for a network's first layer: see {@link FastConvolutionLayer#isInputGradient()}. */
        public Builder inputGradient(boolean compute) {
            this.inputGradient = compute;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public FastConvolutionLayer build() {
            ConvolutionLayer standard = super.build(); // runs DL4J's own validation of kernel/stride/padding
            FastConvolutionLayer fast = new FastConvolutionLayer(this);
            fast.setCnn2dDataFormat(standard.getCnn2dDataFormat());
            return fast;
        }
    }
}
