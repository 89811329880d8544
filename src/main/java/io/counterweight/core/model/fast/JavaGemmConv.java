package io.counterweight.core.model.fast;

import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Convolution as im2col (contiguous Java loops, row by row into native memory) and one BLAS sgemm per product.
 * Runs every convolution on native builds without oneDNN, keeping the forward im2col and pre-activations
 * for backprop; on oneDNN builds it computes the first layer's weight gradient (the HYBRID engine).
 */
final class JavaGemmConv {
    private final FastBuffers b = new FastBuffers();

    /** Pre-activations [n, O, oh, ow] in the activations workspace; w2d is the weights as [O, K]. */
    INDArray forward(ConvGeometry g, INDArray input, INDArray w2d, INDArray bias, LayerWorkspaceMgr mgr) {
        int outC = (int) w2d.size(0), cols = g.columns(), p = g.p();
        im2col(g, input, outC);
        Nd4j.gemm(w2d, b.colNd, b.oByCols, false, false, 1.0, 0.0); // z[O × n·P] = W · col
        NativeFloats.read(b.oByCols, b.t);
        float[] biasValues = new float[outC];
        if (bias != null) NativeFloats.read(bias, biasValues);
        for (int o = 0; o < outC; o++) { // (o, img, p) -> (img, o, p), adding the bias on the way
            float bo = biasValues[o];
            for (int i = 0; i < g.n(); i++) {
                int src = o * cols + i * p, dst = (i * outC + o) * p;
                for (int j = 0; j < p; j++) b.z[dst + j] = b.t[src + j] + bo;
            }
        }
        INDArray z = mgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {g.n(), outC, g.oh(), g.ow()}, 'c');
        NativeFloats.write(b.z, z);
        return z;
    }

    /** Reads the input and writes its im2col matrix into the native col buffer (what backward needs). */
    void im2col(ConvGeometry g, INDArray input, int outC) {
        int cols = g.columns();
        b.ensure(g, outC);
        NativeFloats.read(input, b.x);
        // row by row: each row is built in cache and copied once; a whole im2col array (30 MB at batch 128)
        // would be written to memory by the loop and read back by the copy
        FloatPointer colPointer = new FloatPointer(b.colNd.data().addressPointer());
        for (int k = 0; k < g.k(); k++) {
            g.im2colRow(b.x, k, b.row);
            colPointer.position((long) k * cols).put(b.row, 0, cols);
        }
    }

    /** A fresh copy of the last forward pre-activations (the caller may overwrite it). */
    INDArray preActivations(ConvGeometry g, int outC, LayerWorkspaceMgr mgr) {
        INDArray z = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, new long[] {g.n(), outC, g.oh(), g.ow()}, 'c');
        NativeFloats.write(b.z, z);
        return z;
    }

    /** The last forward pre-activations, [n, O, oh, ow] in c order, as the buffer itself (do not modify). */
    float[] preActivationValues() {
        return b.z;
    }

    /**
     * Fills the gradient views from delta = dL/dz and returns dL/dinput (activation-gradient workspace),
     * or zeros of that shape when {@code inputGradient} is false.
     */
    INDArray backward(ConvGeometry g, INDArray delta, INDArray w2d, INDArray weightGrad2d, INDArray biasGradView,
                      boolean inputGradient, LayerWorkspaceMgr mgr) {
        int outC = (int) w2d.size(0), cols = g.columns(), p = g.p();
        NativeFloats.read(delta, b.t);
        float[] biasGrad = new float[outC];
        for (int i = 0; i < g.n(); i++) { // (img, o, p) -> (o, img, p), summing the bias gradient
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
        if (biasGradView != null) biasGradView.assign(Nd4j.createFromArray(biasGrad).reshape(biasGradView.shape()));
        weightGrad2d.assign(Nd4j.gemm(b.oByCols, b.colNd, false, true)); // dW = delta · colᵀ
        long[] inputShape = {g.n(), g.c(), g.h(), g.w()};
        if (!inputGradient) return mgr.create(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, inputShape, 'c');
        Nd4j.gemm(w2d, b.oByCols, b.colNd, true, false, 1.0, 0.0);      // dcol = Wᵀ · delta
        if (b.col == null) b.col = new float[g.k() * cols];
        NativeFloats.read(b.colNd, b.col);
        g.col2im(b.col, b.x);
        INDArray epsNext = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, inputShape, 'c');
        NativeFloats.write(b.x, epsNext);
        return epsNext;
    }
}
