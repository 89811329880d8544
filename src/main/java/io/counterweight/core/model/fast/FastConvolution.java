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
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's convolution layer with a faster CPU path. DL4J 1.0.0-M2.1 runs ND4J's im2col into a permuted
 * (strided) buffer, which takes the generic element-by-element path and costs 60% of a training step.
 * Here the convolution runs on oneDNN (libnd4j's conv2d ops) or, without oneDNN, as contiguous Java
 * im2col + one sgemm ({@link ConvEngine}). Float NCHW, dilation 1, CPU only: anything else (CUDA, NHWC,
 * double, dilation) runs DL4J's own code. Pre-activations of the training forward pass are kept for
 * backprop, so unlike DL4J's layer the forward convolution is not computed twice per step.
 */
public class FastConvolution extends ConvolutionLayer {
    private static final boolean CPU = "CPU".equalsIgnoreCase(
            Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", ""));

    private final ConvEngine engine;
    private JavaGemmConv javaGemm;
    private OneDnnConv oneDnn;
    private INDArray forwardInput; // input of the kept forward pass, checked by identity in backprop
    private ConvGeometry forwardGeometry;
    private final boolean directGradient; // weight gradient without im2col (change 17): layers without input gradient
    private DirectWeightGradient direct;
    private float[] directIn, directEps, directPre, directWeightGrad, directBiasGrad;

    public FastConvolution(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        ConvEngine configured = ConvEngine.configured();
        if (configured != ConvEngine.DL4J && !computesInputGradient()) {
            // without the input gradient the backprop is one GEMM in Java, while oneDNN's backprop op always
            // computes both; oneDNN's forward is still the faster one (change 15 in docs/performance.md)
            this.engine = configured == ConvEngine.JAVA_GEMM || !OneDnnConv.AVAILABLE ? ConvEngine.JAVA_GEMM : ConvEngine.HYBRID;
        } else {
            this.engine = configured.resolve();
        }
        this.directGradient = engine != ConvEngine.ONEDNN && engine != ConvEngine.DL4J && !computesInputGradient() && DirectWeightGradient.enabled();
    }

    private boolean computesInputGradient() {
        return !(conf().getLayer() instanceof FastConvolutionLayer f) || f.isInputGradient();
    }

    /** True if backprop computes the weight gradient directly with SIMD (layers without input gradient, stride 1). */
    public boolean directWeightGradient() {
        int[] stride = layerConf().getStride();
        return configSupported() && directGradient && stride[0] == 1 && stride[1] == 1;
    }

    /** The engine this layer runs (DL4J when the fast path does not apply). */
    public ConvEngine engine() {
        return configSupported() ? engine : ConvEngine.DL4J;
    }

    private boolean configSupported() {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        int[] d = c.getDilation();
        return CPU && engine != ConvEngine.DL4J && c.getCnn2dDataFormat() == CNN2DFormat.NCHW && d[0] == 1 && d[1] == 1
                && getParam(ConvolutionParamInitializer.WEIGHT_KEY).dataType() == DataType.FLOAT;
    }

    private boolean fastPath() {
        return configSupported() && input != null && input.rank() == 4 && input.dataType() == DataType.FLOAT;
    }

    private ConvGeometry geometry(INDArray weights) {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        int[] kernel = c.getKernelSize(), strides = c.getStride(), dilation = c.getDilation();
        int inH = (int) input.size(2), inW = (int) input.size(3);
        if (input.size(1) != weights.size(1)) {
            throw new IllegalArgumentException("Input has " + input.size(1) + " channels, layer " + layerId() + " expects " + weights.size(1));
        }
        int[] pad, out;
        if (convolutionMode == ConvolutionMode.Same) {
            out = ConvolutionUtils.getOutputSize(input, kernel, strides, null, convolutionMode, dilation, CNN2DFormat.NCHW);
            pad = ConvolutionUtils.getSameModeTopLeftPadding(out, new int[] {inH, inW}, kernel, strides, dilation);
        } else {
            pad = c.getPadding();
            out = ConvolutionUtils.getOutputSize(input, kernel, strides, pad, convolutionMode, dilation, CNN2DFormat.NCHW);
        }
        return new ConvGeometry((int) input.size(0), (int) input.size(1), inH, inW, kernel[0], kernel[1],
                strides[0], strides[1], pad[0], pad[1], out[0], out[1]);
    }

    private boolean same() {
        return convolutionMode == ConvolutionMode.Same;
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr mgr) {
        if (!fastPath()) return super.preOutput(training, forBackprop, mgr);
        assertInputSet(false);
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, training, mgr);
        INDArray bias = layerConf().hasBias() ? getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, training, mgr) : null;
        ConvGeometry g = geometry(weights);
        INDArray z;
        if (engine == ConvEngine.ONEDNN || engine == ConvEngine.HYBRID) {
            if (oneDnn == null) oneDnn = new OneDnnConv();
            z = oneDnn.forward(g, same(), input, weights, bias, training, mgr);
        } else {
            if (javaGemm == null) javaGemm = new JavaGemmConv();
            z = javaGemm.forward(g, input, weights.reshape('c', weights.size(0), g.k()), bias, mgr);
        }
        forwardInput = training ? input : null;
        forwardGeometry = g;
        return new Pair<>(z, null);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        if (!fastPath()) return super.backpropGradient(epsilon, mgr);
        assertInputSet(true);
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, mgr);
        INDArray bias = layerConf().hasBias() ? getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, mgr) : null;
        ConvGeometry g = geometry(weights);
        if (forwardInput != input || !g.equals(forwardGeometry)) preOutput(true, true, mgr);
        int outC = (int) weights.size(0);
        if (directGradient && DirectWeightGradient.supports(g)) {
            return directBackprop(g, outC, bias != null, epsilon, mgr);
        }

        if (engine == ConvEngine.HYBRID) { // the Java weight gradient needs the im2col matrix the forward pass skipped
            if (javaGemm == null) javaGemm = new JavaGemmConv();
            javaGemm.im2col(g, input, outC);
        }
        INDArray z = engine == ConvEngine.JAVA_GEMM ? javaGemm.preActivations(g, outC, mgr) : oneDnn.preActivations(mgr);
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst(); // dL/dz
        INDArray biasGradView = bias == null ? null : gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
        INDArray weightGradView = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray epsNext = engine == ConvEngine.ONEDNN
                ? oneDnn.backward(g, same(), input, weights, bias, delta, weightGradView, biasGradView, mgr)
                : javaGemm.backward(g, delta, weights.reshape('c', outC, g.k()), weightGradView.reshape('c', outC, g.k()), biasGradView,
                        computesInputGradient(), mgr);

        Gradient gradient = new DefaultGradient();
        if (bias != null) gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
        return finishBackprop(gradient, epsNext);
    }

    private Pair<Gradient, INDArray> finishBackprop(Gradient gradient, INDArray epsNext) {
        forwardInput = null; // the kept buffers now hold gradients
        weightNoiseParams.clear();
        return new Pair<>(gradient, epsNext);
    }

    /**
     * Backprop of a layer that needs no input gradient, on the direct SIMD weight gradient (change 17): no
     * im2col matrix, and for a plain ReLU the activation derivative is applied in the same pass.
     */
    private Pair<Gradient, INDArray> directBackprop(ConvGeometry g, int outC, boolean hasBias, INDArray epsilon, LayerWorkspaceMgr mgr) {
        if (direct == null) direct = new DirectWeightGradient();
        int inLen = g.n() * g.c() * g.h() * g.w(), outLen = g.n() * outC * g.p();
        if (directIn == null || directIn.length != inLen) directIn = new float[inLen];
        if (directEps == null || directEps.length != outLen) {
            directEps = new float[outLen];
            directPre = new float[outLen];
        }
        NativeFloats.read(input, directIn);
        IActivation fn = layerConf().getActivationFn();
        float[] pre = null;
        if (isPlainRelu(fn)) { // δ = eps · [z > 0], fused into the gradient's own pass over delta
            NativeFloats.read(epsilon, directEps);
            pre = engine == ConvEngine.JAVA_GEMM ? javaGemm.preActivationValues() : oneDnn.readPreActivations(directPre);
        } else {
            INDArray z = engine == ConvEngine.JAVA_GEMM ? javaGemm.preActivations(g, outC, mgr) : oneDnn.preActivations(mgr);
            NativeFloats.read(fn.backprop(z, epsilon).getFirst(), directEps);
        }
        int k = g.k();
        if (directWeightGrad == null || directWeightGrad.length != outC * k) {
            directWeightGrad = new float[outC * k];
            directBiasGrad = new float[outC];
        }
        direct.compute(g, outC, directIn, directEps, pre, directWeightGrad, hasBias ? directBiasGrad : null);

        Gradient gradient = new DefaultGradient();
        INDArray weightGradView = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        weightGradView.assign(Nd4j.createFromArray(directWeightGrad).reshape(weightGradView.shape()));
        if (hasBias) {
            INDArray biasGradView = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
            biasGradView.assign(Nd4j.createFromArray(directBiasGrad).reshape(biasGradView.shape()));
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
        // the input gradient is never used (the network's input): zeros of its shape, as JavaGemmConv returns
        INDArray epsNext = mgr.create(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, new long[] {g.n(), g.c(), g.h(), g.w()}, 'c');
        return finishBackprop(gradient, epsNext);
    }

    /** ReLU without threshold, cap or negative slope: its derivative is just [z > 0]. */
    static boolean isPlainRelu(IActivation fn) {
        return fn instanceof ActivationReLU r && isZero(r.getMax()) && isZero(r.getThreshold()) && isZero(r.getNegativeSlope());
    }

    private static boolean isZero(Double v) {
        return v == null || v == 0.0;
    }
}
