package io.counterweight.core.model.fast;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Convolution as im2col in Java and one BLAS sgemm per image, straight on ND4J's native buffers.
 * Image by image, because one image's im2col matrix (K × P floats: 235 KB for LeNet's first layer)
 * stays in the L2 cache from the Java loop through the copy to the GEMM, where a whole batch's
 * (7.5 MB at batch 32) went out to memory and back; and W·col of one image is that image's NCHW
 * output slice, so no transposes. The bias rides along as an extra column of W against a row of
 * ones in col, which also makes the bias gradient fall out of the weight-gradient GEMM.
 * Images are independent, so with a thread budget above one the batch is split into contiguous
 * chunks, one per {@link ConvLanes} lane: coarse-grained work that two cores share without the
 * per-op wake-ups that make fine-grained native threading lose on small layers. Backprop recomputes
 * each image's im2col rather than keeping the whole batch's.
 */
final class JavaGemmConv {
    private ConvGeometry geometry;
    private int outC;
    private float[] x, dx;                // the input batch (c order), dL/dinput
    private float[] wb;                   // [O × (K+1)]: weights, then the bias column
    private INDArray wbNd;                // native copy of wb
    private Lane[] lanes = new Lane[0];
    private INDArray kept;                // pre-activations of the last training forward pass

    /** One thread's working memory: im2col of one image in Java and native memory, a d(wb) accumulator. */
    private static final class Lane {
        final float[] col, dcol;
        final INDArray colNd, dcolNd, gradNd;

        Lane(ConvGeometry g, int o) {
            int k1 = g.k() + 1, p = g.p();
            col = new float[k1 * p];
            java.util.Arrays.fill(col, g.k() * p, k1 * p, 1f); // the row of ones that multiplies the bias
            dcol = new float[g.k() * p];
            colNd = Nd4j.createUninitialized(DataType.FLOAT, new long[] {k1, p}, 'c');
            NativeFloats.write(col, colNd);
            dcolNd = Nd4j.createUninitialized(DataType.FLOAT, new long[] {g.k(), p}, 'c');
            gradNd = Nd4j.createUninitialized(DataType.FLOAT, new long[] {o, k1}, 'c');
        }
    }

    private void ensure(ConvGeometry g, int o, int threads) {
        if (!g.equals(geometry) || o != outC) {
            x = new float[g.n() * g.imageSize()];
            dx = new float[x.length];
            wb = new float[o * (g.k() + 1)];
            lanes = new Lane[0];
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                // outside every workspace: they live from the forward pass through backprop to the next step
                wbNd = Nd4j.createUninitialized(DataType.FLOAT, new long[] {o, g.k() + 1}, 'c');
                kept = Nd4j.createUninitialized(DataType.FLOAT, new long[] {g.n(), o, g.oh(), g.ow()}, 'c');
            }
            geometry = g;
            outC = o;
        }
        if (lanes.length < threads) {
            Lane[] more = java.util.Arrays.copyOf(lanes, threads);
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                for (int t = lanes.length; t < threads; t++) more[t] = new Lane(g, o);
            }
            lanes = more;
        }
    }

    private static FloatPointer pointer(INDArray a, long offset) {
        return new FloatPointer(a.data().addressPointer()).position(a.offset() + offset);
    }

    /** Pre-activations [n, O, oh, ow] in the activations workspace; w2d is the weights as [O, K]. */
    INDArray forward(ConvGeometry g, INDArray input, INDArray w2d, INDArray bias, boolean training, LayerWorkspaceMgr mgr) {
        int o = (int) w2d.size(0), k = g.k(), k1 = k + 1, p = g.p();
        int threads = ConvLanes.threadsFor(g.n());
        ensure(g, o, threads);
        NativeFloats.read(input, x);
        float[] w = new float[o * k], b = new float[o];
        NativeFloats.read(w2d, w);
        if (bias != null) NativeFloats.read(bias, b);
        for (int r = 0; r < o; r++) {
            System.arraycopy(w, r * k, wb, r * k1, k);
            wb[r * k1 + k] = b[r];
        }
        NativeFloats.write(wb, wbNd);

        INDArray z = mgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {g.n(), o, g.oh(), g.ow()}, 'c');
        ConvLanes.run(g.n(), threads, (lane, from, to) -> {
            Lane l = lanes[lane];
            FloatPointer wp = pointer(wbNd, 0), cp = pointer(l.colNd, 0);
            for (int i = from; i < to; i++) {
                g.im2col(x, i, l.col);
                cp.put(l.col, 0, k * p); // the row of ones below stays as written when the lane was made
                // z[i] (O × P) = wb (O × K+1) · col (K+1 × P)
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, o, p, k1, 1f, wp, k1, cp, p, 0f, pointer(z, (long) i * o * p), p);
            }
        });
        if (training) kept.assign(z); // the activation function overwrites z in place
        return z;
    }

    /** A fresh copy of the last training forward pass's pre-activations (the caller may overwrite it). */
    INDArray preActivations(LayerWorkspaceMgr mgr) {
        return mgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, kept.shape(), 'c').assign(kept);
    }

    /**
     * Fills the gradient views from delta = dL/dz and returns dL/dinput (activation-gradient workspace),
     * or zeros of that shape when {@code inputGradient} is false. Needs the input of the last forward pass.
     */
    INDArray backward(ConvGeometry g, INDArray delta, INDArray weightGrad2d, INDArray biasGradView,
                      boolean inputGradient, LayerWorkspaceMgr mgr) {
        int o = outC, k = g.k(), k1 = k + 1, p = g.p();
        int threads = Math.min(lanes.length, ConvLanes.threadsFor(g.n()));
        INDArray d = NativeFloats.dense(delta) ? delta : delta.dup('c');
        ConvLanes.run(g.n(), threads, (lane, from, to) -> {
            Lane l = lanes[lane];
            FloatPointer wp = pointer(wbNd, 0), cp = pointer(l.colNd, 0), gp = pointer(l.gradNd, 0), dcp = pointer(l.dcolNd, 0);
            for (int i = from; i < to; i++) {
                FloatPointer di = pointer(d, (long) i * o * p);
                g.im2col(x, i, l.col);
                cp.put(l.col, 0, k * p);
                // d(wb) (O × K+1) += delta[i] (O × P) · colᵀ (P × K+1); its last column is the bias gradient
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, o, k1, p, 1f, di, p, cp, p, i == from ? 0f : 1f, gp, k1);
                if (inputGradient) {
                    // dcol (K × P) = Wᵀ (K × O) · delta[i] (O × P): the first K columns of wb, transposed
                    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, k, p, o, 1f, wp, k1, di, p, 0f, dcp, p);
                    dcp.get(l.dcol, 0, k * p);
                    g.col2im(l.dcol, i, dx);
                }
            }
        });
        float[] grad = new float[o * k1], part = new float[o * k1], gw = new float[o * k], gb = new float[o];
        for (int t = 0; t < threads; t++) {
            NativeFloats.read(lanes[t].gradNd, part);
            for (int j = 0; j < grad.length; j++) grad[j] += part[j];
        }
        for (int r = 0; r < o; r++) {
            System.arraycopy(grad, r * k1, gw, r * k, k);
            gb[r] = grad[r * k1 + k];
        }
        weightGrad2d.assign(Nd4j.createFromArray(gw).reshape(o, k));
        if (biasGradView != null) biasGradView.assign(Nd4j.createFromArray(gb).reshape(biasGradView.shape()));
        long[] inputShape = {g.n(), g.c(), g.h(), g.w()};
        if (!inputGradient) return mgr.create(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, inputShape, 'c');
        INDArray epsNext = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, inputShape, 'c');
        NativeFloats.write(dx, epsNext);
        return epsNext;
    }
}
