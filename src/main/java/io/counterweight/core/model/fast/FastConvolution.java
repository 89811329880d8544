package io.counterweight.core.model.fast;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's convolution layer with a faster CPU path. DL4J 1.0.0-M2.1 runs ND4J's im2col into a permuted
 * (strided) buffer, which takes the generic element-by-element path and costs 60% of a training step;
 * here im2col/col2im are contiguous Java loops over reused arrays and each product is one BLAS sgemm.
 * Float NCHW, dilation 1, CPU only; anything else (CUDA, NHWC, double, dilation) runs DL4J's own code.
 * The pre-activations of the last training forward pass are kept for backprop, so unlike DL4J's layer
 * the forward convolution is not recomputed.
 */
public class FastConvolution extends ConvolutionLayer {
    private static final boolean CPU = "CPU".equalsIgnoreCase(
            Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", ""));

    private final FastBuffers buffers = new FastBuffers();
    private INDArray forwardInput;   // input of the cached forward pass (identity check in backprop)
    private ConvGeometry forwardGeometry;

    public FastConvolution(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean fastPath() {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        int[] d = c.getDilation();
        return CPU && input != null && input.rank() == 4 && input.dataType() == DataType.FLOAT
                && c.getCnn2dDataFormat() == CNN2DFormat.NCHW && d[0] == 1 && d[1] == 1
                && getParam(ConvolutionParamInitializer.WEIGHT_KEY).dataType() == DataType.FLOAT;
    }

    private ConvGeometry geometry(INDArray weights) {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        int[] kernel = c.getKernelSize(), strides = c.getStride(), dilation = c.getDilation();
        int inH = (int) input.size(2), inW = (int) input.size(3);
        int[] pad, out;
        if (convolutionMode == ConvolutionMode.Same) {
            out = ConvolutionUtils.getOutputSize(input, kernel, strides, null, convolutionMode, dilation, CNN2DFormat.NCHW);
            pad = ConvolutionUtils.getSameModeTopLeftPadding(out, new int[] {inH, inW}, kernel, strides, dilation);
        } else {
            pad = c.getPadding();
            out = ConvolutionUtils.getOutputSize(input, kernel, strides, pad, convolutionMode, dilation, CNN2DFormat.NCHW);
        }
        if (input.size(1) != weights.size(1)) {
            throw new IllegalArgumentException("Input has " + input.size(1) + " channels, layer " + layerId() + " expects " + weights.size(1));
        }
        return new ConvGeometry((int) input.size(0), (int) input.size(1), inH, inW, kernel[0], kernel[1],
                strides[0], strides[1], pad[0], pad[1], out[0], out[1]);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr mgr) {
        if (!fastPath()) return super.preOutput(training, forBackprop, mgr);
        assertInputSet(false);
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, training, mgr);
        INDArray bias = layerConf().hasBias() ? getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, training, mgr) : null;
        ConvGeometry g = geometry(weights);
        int outC = (int) weights.size(0), cols = g.columns(), p = g.p();
        FastBuffers b = buffers.ensure(g, outC);

        NativeFloats.read(input, b.x);
        g.im2col(b.x, b.col);
        NativeFloats.write(b.col, b.colNd);
        // z[O × n·P] = W[O × K] · col[K × n·P]
        Nd4j.gemm(weights.reshape('c', outC, g.k()), b.colNd, b.oByCols, false, false, 1.0, 0.0);
        NativeFloats.read(b.oByCols, b.t);
        float[] biasValues = new float[outC];
        if (bias != null) NativeFloats.read(bias, biasValues);
        // (o, img, p) -> (img, o, p), adding the bias on the way
        for (int o = 0; o < outC; o++) {
            float bo = biasValues[o];
            for (int i = 0; i < g.n(); i++) {
                int src = o * cols + i * p, dst = (i * outC + o) * p;
                for (int j = 0; j < p; j++) b.z[dst + j] = b.t[src + j] + bo;
            }
        }
        INDArray z = mgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {g.n(), outC, g.oh(), g.ow()}, 'c');
        NativeFloats.write(b.z, z);
        if (training) {
            forwardInput = input;
            forwardGeometry = g;
        }
        return new Pair<>(z, null);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        if (!fastPath()) return super.backpropGradient(epsilon, mgr);
        assertInputSet(true);
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, mgr);
        ConvGeometry g = geometry(weights);
        if (forwardInput != input || !g.equals(forwardGeometry)) {
            preOutput(true, true, mgr); // refills the buffers for this input
        }
        int outC = (int) weights.size(0), cols = g.columns(), p = g.p();
        FastBuffers b = buffers.ensure(g, outC);

        // delta = activation'(z) ∘ epsilon, from the kept pre-activations
        INDArray z = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, new long[] {g.n(), outC, g.oh(), g.ow()}, 'c');
        NativeFloats.write(b.z, z);
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
        NativeFloats.read(delta, b.t);
        // (img, o, p) -> (o, img, p), summing the bias gradient on the way
        float[] biasGrad = new float[outC];
        for (int i = 0; i < g.n(); i++) {
            for (int o = 0; o < outC; o++) {
                int src = (i * outC + o) * p, dst = o * cols + i * p;
                float s = 0f;
                for (int j = 0; j < p; j++) {
                    float v = b.t[src + j];
                    b.d[dst + j] = v;
                    s += v;
                }
                biasGrad[o] += s;
            }
        }
        NativeFloats.write(b.d, b.oByCols);

        Gradient gradient = new DefaultGradient();
        if (layerConf().hasBias()) {
            INDArray biasGradView = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
            biasGradView.assign(Nd4j.createFromArray(biasGrad).reshape(biasGradView.shape()));
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        // dW[O × K] = delta[O × n·P] · col[K × n·P]ᵀ, written straight into the gradient view
        INDArray weightGradView = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(b.oByCols, b.colNd, weightGradView.reshape('c', outC, g.k()), false, true, 1.0, 0.0);
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');

        // dcol[K × n·P] = Wᵀ · delta, then col2im into the epsilon for the layer below
        Nd4j.gemm(weights.reshape('c', outC, g.k()), b.oByCols, b.colNd, true, false, 1.0, 0.0);
        NativeFloats.read(b.colNd, b.col);
        g.col2im(b.col, b.x);
        INDArray epsNext = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, new long[] {g.n(), g.c(), g.h(), g.w()}, 'c');
        NativeFloats.write(b.x, epsNext);
        forwardInput = null; // col now holds gradients, not the forward im2col
        weightNoiseParams.clear();
        return new Pair<>(gradient, epsNext);
    }
}
