package io.counterweight.core.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The fast layer must compute exactly what DL4J's ConvolutionLayer computes, forward and backward. */
class FastConvolutionTest {

    @AfterEach
    void clearEngine() {
        System.clearProperty(ConvEngine.PROPERTY);
        System.clearProperty(DirectWeightGradient.PROPERTY);
    }

    private static MultiLayerNetwork net(boolean fast, int k, int stride, int pad, ConvolutionMode mode) {
        return net(fast ? new FastConvolutionLayer.Builder(k, k) : new ConvolutionLayer.Builder(k, k), fast, stride, pad, mode);
    }

    private static MultiLayerNetwork net(ConvolutionLayer.Builder c1, boolean fast, int stride, int pad, ConvolutionMode mode) {
        return net(c1, fast, stride, pad, mode, Activation.RELU);
    }

    private static MultiLayerNetwork net(ConvolutionLayer.Builder c1, boolean fast, int stride, int pad, ConvolutionMode mode, Activation first) {
        ConvolutionLayer.Builder c2 = fast ? new FastConvolutionLayer.Builder(3, 3) : new ConvolutionLayer.Builder(3, 3);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(3).updater(new Nesterovs(0.1, 0.9)).weightInit(WeightInit.XAVIER).list()
                .layer(c1.nOut(4).stride(stride, stride).padding(pad, pad).convolutionMode(mode).activation(first).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(1, 1).build())
                .layer(c2.nOut(5).convolutionMode(ConvolutionMode.Same).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(9, 8, 3)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @ParameterizedTest
    @CsvSource({"java,3,1,0,Truncate", "java,3,1,1,Truncate", "java,3,1,0,Same", "java,5,1,2,Truncate", "java,3,2,1,Truncate",
            "java,2,2,0,Same", "java,1,1,0,Truncate", "onednn,3,1,0,Truncate", "onednn,3,1,1,Truncate", "onednn,3,1,0,Same",
            "onednn,5,1,2,Truncate", "onednn,3,2,1,Truncate", "onednn,2,2,0,Same", "onednn,4,1,0,Same"})
    void outputAndGradientsMatchDl4jConvolution(String engine, int k, int stride, int pad, String mode) {
        System.setProperty(ConvEngine.PROPERTY, engine);
        ConvolutionMode m = ConvolutionMode.valueOf(mode);
        MultiLayerNetwork standard = net(false, k, stride, pad, m);
        MultiLayerNetwork fast = net(true, k, stride, pad, m);
        assertInstanceOf(FastConvolution.class, fast.getLayer(0));
        ConvEngine expected = engine.equals("java") ? ConvEngine.JAVA_GEMM : ConvEngine.ONEDNN.resolve();
        fast.setParams(standard.params().dup());

        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 9, 8).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 4, 3);
        for (int i = 0; i < 4; i++) y.putScalar(i, i % 3, 1f);

        assertClose(standard.output(x, false), fast.output(x, false), "output");
        assertEquals(expected, ((FastConvolution) fast.getLayer(0)).engine());
        standard.setInput(x); standard.setLabels(y);
        fast.setInput(x); fast.setLabels(y);
        standard.computeGradientAndScore();
        fast.computeGradientAndScore();
        assertEquals(standard.score(), fast.score(), 1e-5);
        assertClose(standard.gradient().gradient(), fast.gradient().gradient(), "gradient");
        // input gradients too: epsilon out of the first layer
        INDArray eps = Nd4j.rand(DataType.FLOAT, standard.getLayer(0).activate(x, false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces()).shape());
        var lm = org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
        standard.getLayer(0).activate(x, true, lm);
        fast.getLayer(0).activate(x, true, lm);
        assertClose(standard.getLayer(0).backpropGradient(eps, lm).getSecond(), fast.getLayer(0).backpropGradient(eps, lm).getSecond(), "input gradient");
    }

    @ParameterizedTest
    @CsvSource({"java", "onednn"})
    void trainingStepsStayInStepWithDl4j(String engine) {
        System.setProperty(ConvEngine.PROPERTY, engine);
        MultiLayerNetwork standard = net(false, 3, 1, 0, ConvolutionMode.Same);
        MultiLayerNetwork fast = net(true, 3, 1, 0, ConvolutionMode.Same);
        fast.setParams(standard.params().dup());
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 3, 9, 8);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 3);
        for (int i = 0; i < 6; i++) y.putScalar(i, (i * 7) % 3, 1f);
        for (int step = 0; step < 5; step++) {
            standard.fit(x, y);
            fast.fit(x, y);
        }
        assertClose(standard.params(), fast.params(), "parameters after 5 steps");
    }

    @ParameterizedTest(name = "{0} k{1} stride {2} pad {3} {4} {5}, direct gradient {6}")
    @CsvSource({"java,3,1,0,Same,RELU,true", "onednn,3,1,0,Same,RELU,true", "auto,3,1,0,Same,RELU,true",
            "auto,5,1,1,Truncate,RELU,true", "auto,4,1,0,Same,TANH,true", "java,5,1,2,Truncate,LEAKYRELU,true",
            "auto,3,2,1,Truncate,RELU,true", "auto,3,1,0,Same,RELU,false", "java,5,1,1,Truncate,RELU,false"})
    void firstLayerWithoutInputGradientTrainsExactlyLikeDl4j(String engine, int k, int stride, int pad, String mode, String activation,
                                                              boolean direct, @TempDir Path dir) throws Exception {
        System.setProperty(ConvEngine.PROPERTY, engine);
        System.setProperty(DirectWeightGradient.PROPERTY, Boolean.toString(direct));
        ConvolutionMode m = ConvolutionMode.valueOf(mode);
        Activation a = Activation.valueOf(activation);
        MultiLayerNetwork standard = net(new ConvolutionLayer.Builder(k, k), false, stride, pad, m, a);
        MultiLayerNetwork fast = net(new FastConvolutionLayer.Builder(k, k).inputGradient(false), true, stride, pad, m, a);
        ConvEngine expected = engine.equals("java") || !OneDnnConv.AVAILABLE ? ConvEngine.JAVA_GEMM : ConvEngine.HYBRID;
        FastConvolution first = (FastConvolution) fast.getLayer(0);
        assertEquals(expected, first.engine());
        assertEquals(direct && stride == 1, first.directWeightGradient(), "direct weight gradient");
        fast.setParams(standard.params().dup());
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 3, 9, 8);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 3);
        for (int i = 0; i < 6; i++) y.putScalar(i, (i * 5) % 3, 1f);
        for (int step = 0; step < 5; step++) {
            standard.fit(x, y);
            fast.fit(x, y);
        }
        assertClose(standard.params(), fast.params(), "parameters after 5 steps");

        var lm = org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
        INDArray out = fast.getLayer(0).activate(x, true, lm);
        INDArray eps = fast.getLayer(0).backpropGradient(Nd4j.rand(DataType.FLOAT, out.shape()), lm).getSecond();
        assertEquals(java.util.Arrays.toString(x.shape()), java.util.Arrays.toString(eps.shape()));
        assertEquals(0.0, eps.amaxNumber().doubleValue(), "input gradient is skipped: zeros");

        File f = dir.resolve("first.zip").toFile();
        ModelSerializer.writeModel(fast, f, false);
        FastConvolutionLayer back = (FastConvolutionLayer) ModelSerializer.restoreMultiLayerNetwork(f, false)
                .getLayerWiseConfigurations().getConf(0).getLayer();
        assertEquals(false, back.isInputGradient());
    }

    @Test
    void describesWhatTheLayersRunOn() {
        String onThisBuild = OneDnnConv.AVAILABLE ? "onednn, first layer hybrid + SIMD weight gradient" : "java_gemm, first layer java_gemm + SIMD weight gradient";
        assertEquals(onThisBuild, ConvEngine.describe());
        System.setProperty(ConvEngine.PROPERTY, "java");
        System.setProperty(DirectWeightGradient.PROPERTY, "false");
        assertEquals("java_gemm, first layer java_gemm", ConvEngine.describe());
        System.setProperty(ConvEngine.PROPERTY, "dl4j");
        assertEquals("dl4j", ConvEngine.describe());
    }

    @Test
    void serialisesWithModelSerializerAndKeepsTheFastLayer(@TempDir Path dir) throws Exception {
        MultiLayerNetwork fast = net(true, 3, 1, 0, ConvolutionMode.Same);
        File f = dir.resolve("m.zip").toFile();
        ModelSerializer.writeModel(fast, f, true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(f, true);
        assertInstanceOf(FastConvolutionLayer.class, back.getLayerWiseConfigurations().getConf(0).getLayer());
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 9, 8);
        assertClose(fast.output(x), back.output(x), "restored output");
        assertEquals(fast.getLayerWiseConfigurations().toJson(), back.getLayerWiseConfigurations().toJson());
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what + " shape");
        double maxAbs = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-4 * Math.max(1, maxAbs), what + ": max difference " + diff + " (scale " + maxAbs + ")");
    }
}
