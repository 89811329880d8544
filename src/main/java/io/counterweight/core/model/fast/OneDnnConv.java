package io.counterweight.core.model.fast;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Convolution through libnd4j's own conv2d / conv2d_bp ops, which a oneDNN build of nd4j-native runs
 * with oneDNN's JIT kernels. DL4J 1.0.0-M2.1 never reaches them from its ConvolutionLayer: its oneDNN
 * helper check looks up a class and method that the same release renamed, so it always fails.
 */
final class OneDnnConv {
    static final boolean AVAILABLE = detect();

    private INDArray kept; // pre-activations of the last training forward pass, outside workspaces

    private static boolean detect() {
        try {
            return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static int[] args(ConvGeometry g, boolean same) {
        // kH, kW, sH, sW, pH, pW, dH, dW, isSameMode, dataFormat (0 = NCHW), weightsFormat (1 = [O, C, kH, kW])
        return new int[] {g.kh(), g.kw(), g.sy(), g.sx(), g.py(), g.px(), 1, 1, same ? 1 : 0, 0, 1};
    }

    INDArray forward(ConvGeometry g, boolean same, INDArray input, INDArray weights, INDArray bias, boolean training, LayerWorkspaceMgr mgr) {
        int outC = (int) weights.size(0);
        INDArray z = mgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {g.n(), outC, g.oh(), g.ow()}, 'c');
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d").addIntegerArguments(args(g, same)).addOutputs(z);
        op = bias == null ? op.addInputs(input, weights) : op.addInputs(input, weights, bias);
        Nd4j.exec(op.build());
        if (training) {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                if (kept == null || !java.util.Arrays.equals(kept.shape(), z.shape())) kept = Nd4j.createUninitialized(DataType.FLOAT, z.shape(), 'c');
            }
            kept.assign(z); // activate() overwrites z in place with the activation
        }
        return z;
    }

    INDArray preActivations(LayerWorkspaceMgr mgr) {
        INDArray z = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, kept.shape(), 'c');
        return z.assign(kept);
    }

    /** The kept pre-activations copied into dst (c order); returns dst. */
    float[] readPreActivations(float[] dst) {
        NativeFloats.read(kept, dst);
        return dst;
    }

    INDArray backward(ConvGeometry g, boolean same, INDArray input, INDArray weights, INDArray bias, INDArray delta,
                      INDArray weightGradView, INDArray biasGradView, LayerWorkspaceMgr mgr) {
        INDArray epsNext = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, new long[] {g.n(), g.c(), g.h(), g.w()}, 'c');
        INDArray gradW = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, weights.shape(), 'c');
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d_bp").addIntegerArguments(args(g, same));
        if (bias == null) {
            op.addInputs(input, weights, delta).addOutputs(epsNext, gradW);
        } else {
            INDArray gradB = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, new long[] {weights.size(0)}, 'c');
            op.addInputs(input, weights, bias, delta).addOutputs(epsNext, gradW, gradB);
            Nd4j.exec(op.build());
            biasGradView.assign(gradB.reshape(biasGradView.shape()));
            weightGradView.assign(gradW);
            return epsNext;
        }
        Nd4j.exec(op.build());
        weightGradView.assign(gradW);
        return epsNext;
    }
}
