package io.counterweight.core.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every setting of the network itself that changes training speed but not the maths of a run, in one
 * place so speed work can tune it without touching the architectures. {@link #defaults()} are DL4J's own
 * sensible choices plus our fast convolution. The trainer's own speed settings (threads, prefetch) are
 * in {@code core.train.TrainingTuning}.
 *
 * @param trainingWorkspaces  workspace mode while fitting (ENABLED reuses off-heap memory between steps)
 * @param inferenceWorkspaces workspace mode for {@code output()} during evaluation
 * @param cacheMode           DL4J layer cache (NONE: no extra memory)
 * @param dataType            network parameter/activation type
 * @param format              layout of the network input and convolutions; BatchAssembler builds NCHW
 *                            batches, so only NCHW is supported as yet
 * @param fastConvolution     use {@code core.model.fast.FastConvolutionLayer} (contiguous im2col or libnd4j's
 *                            oneDNN conv ops; 9-20x DL4J's own layer on CPU, see docs/performance.md)
 * @param firstInputGradient  let the first convolution compute the gradient of the network input, which
 *                            training never uses (off by default, as in PyTorch; on only to measure it)
 */
public record ModelTuning(WorkspaceMode trainingWorkspaces, WorkspaceMode inferenceWorkspaces, CacheMode cacheMode,
                          DataType dataType, CNN2DFormat format, boolean fastConvolution, boolean firstInputGradient) {

    public static ModelTuning defaults() {
        return new ModelTuning(WorkspaceMode.ENABLED, WorkspaceMode.ENABLED, CacheMode.NONE, DataType.FLOAT,
                CNN2DFormat.NCHW, true, false);
    }

    /** Same settings with another convolution implementation (the benchmark's ablations). */
    public ModelTuning withConvolution(boolean fast, boolean inputGradientOfFirstLayer) {
        return new ModelTuning(trainingWorkspaces, inferenceWorkspaces, cacheMode, dataType, format, fast, inputGradientOfFirstLayer);
    }

    /** Same settings with another input layout and workspace mode (the benchmark's ablations). */
    public ModelTuning withLayout(CNN2DFormat newFormat, WorkspaceMode workspaces) {
        return new ModelTuning(workspaces, workspaces, cacheMode, dataType, newFormat, fastConvolution, firstInputGradient);
    }
}
