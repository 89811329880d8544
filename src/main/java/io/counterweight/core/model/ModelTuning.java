package io.counterweight.core.model;

import io.counterweight.core.train.InputPipeline;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every setting that changes training speed but not the maths of a run, in one place so speed work can
 * tune it without touching the architectures or the trainer. {@link #defaults()} are DL4J's own
 * sensible choices and one spare core for the input pipeline.
 *
 * @param trainingWorkspaces  workspace mode while fitting (ENABLED reuses off-heap memory between steps)
 * @param inferenceWorkspaces workspace mode for {@code output()} during evaluation
 * @param cacheMode           DL4J layer cache (NONE: no extra memory)
 * @param dataType            network parameter/activation type
 * @param format              layout of the network input and convolutions; BatchAssembler builds NCHW
 *                            batches, so only NCHW is supported as yet
 * @param pipelineThreads     threads assembling/augmenting batches ahead of training
 * @param prefetch            batches assembled ahead of training
 * @param fastConvolution     use {@code core.model.fast.FastConvolutionLayer} (contiguous im2col or libnd4j's
 *                            oneDNN conv ops; 9-20x DL4J's own layer on CPU, see docs/performance.md)
 * @param firstInputGradient  let the first convolution compute the gradient of the network input, which
 *                            training never uses (off by default, as in PyTorch; on only to measure it)
 * @param computeThreads      threads that train one batch: above 1 the trainer splits each batch over
 *                            replicas ({@code core.train.DataParallelStep}, at least 16 images each);
 *                            1 leaves all threading to ND4J's native ops. Default: all cores
 */
public record ModelTuning(WorkspaceMode trainingWorkspaces, WorkspaceMode inferenceWorkspaces, CacheMode cacheMode,
                          DataType dataType, CNN2DFormat format, int pipelineThreads, int prefetch,
                          boolean fastConvolution, boolean firstInputGradient, int computeThreads) {

    public ModelTuning {
        if (pipelineThreads < 1 || prefetch < 1) throw new IllegalArgumentException("pipeline threads and prefetch must be at least 1");
        if (computeThreads < 1) throw new IllegalArgumentException("compute threads must be at least 1");
    }

    public static ModelTuning defaults() {
        return new ModelTuning(WorkspaceMode.ENABLED, WorkspaceMode.ENABLED, CacheMode.NONE, DataType.FLOAT,
                CNN2DFormat.NCHW, InputPipeline.defaultThreads(), InputPipeline.DEFAULT_PREFETCH, true, false,
                Runtime.getRuntime().availableProcessors());
    }

    /** Same settings with another convolution implementation (the benchmark's ablations). */
    public ModelTuning withConvolution(boolean fast, boolean inputGradientOfFirstLayer) {
        return new ModelTuning(trainingWorkspaces, inferenceWorkspaces, cacheMode, dataType, format, pipelineThreads, prefetch,
                fast, inputGradientOfFirstLayer, computeThreads);
    }

    /** Same settings with another input layout and workspace mode (the benchmark's ablations). */
    public ModelTuning withLayout(CNN2DFormat newFormat, WorkspaceMode workspaces) {
        return new ModelTuning(workspaces, workspaces, cacheMode, dataType, newFormat, pipelineThreads, prefetch,
                fastConvolution, firstInputGradient, computeThreads);
    }

    /** Same settings with another number of threads per batch (1: no batch splitting). */
    public ModelTuning withComputeThreads(int threads) {
        return new ModelTuning(trainingWorkspaces, inferenceWorkspaces, cacheMode, dataType, format, pipelineThreads, prefetch,
                fastConvolution, firstInputGradient, threads);
    }
}
