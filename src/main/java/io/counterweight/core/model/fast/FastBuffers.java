package io.counterweight.core.model.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Working arrays of one fast convolution layer, reused from step to step and reallocated only when the
 * geometry (batch size, image size) changes. The native ones live outside every workspace, because
 * they must survive from the forward pass to backprop and to the next step.
 */
final class FastBuffers {
    ConvGeometry geometry;
    int outChannels;
    float[] x, row, z, t, d;
    float[] col; // the im2col matrix in Java, only for the input gradient (made on first use)
    INDArray colNd, oByCols;

    FastBuffers ensure(ConvGeometry g, int outC) {
        if (g.equals(geometry) && outC == outChannels) return this;
        int inputSize = g.n() * g.c() * g.h() * g.w();
        int outSize = outC * g.columns();
        x = new float[inputSize];
        row = new float[g.columns()];
        col = null;
        z = new float[outSize];
        t = new float[outSize];
        d = new float[outSize];
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            colNd = Nd4j.createUninitialized(DataType.FLOAT, new long[] {g.k(), g.columns()}, 'c');
            oByCols = Nd4j.createUninitialized(DataType.FLOAT, new long[] {outC, g.columns()}, 'c');
        }
        geometry = g;
        outChannels = outC;
        return this;
    }
}
