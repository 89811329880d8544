package io.counterweight.core.train;

import io.counterweight.core.model.ModelTuning;

/**
 * The speed settings of a run: the network's ({@link ModelTuning}) and the trainer's threads. None
 * changes what is learned in exact arithmetic; the thread counts change float summation order, so
 * provenance records them.
 *
 * @param model           the network's speed knobs
 * @param pipelineThreads threads assembling/augmenting batches ahead of training
 * @param prefetch        batches assembled ahead of training
 * @param computeThreads  threads that train one batch at most: above 1 the trainer may split each batch over
 *                        replicas ({@link DataParallelStep}, as {@link ThreadPlan} decides); 1 leaves all
 *                        threading to ND4J's native ops. Default: all cores
 */
public record TrainingTuning(ModelTuning model, int pipelineThreads, int prefetch, int computeThreads) {

    public TrainingTuning {
        if (model == null) throw new IllegalArgumentException("model tuning is required");
        if (pipelineThreads < 1 || prefetch < 1) throw new IllegalArgumentException("pipeline threads and prefetch must be at least 1");
        if (computeThreads < 1) throw new IllegalArgumentException("compute threads must be at least 1");
    }

    public static TrainingTuning defaults() {
        return new TrainingTuning(ModelTuning.defaults(), InputPipeline.defaultThreads(), InputPipeline.DEFAULT_PREFETCH,
                Runtime.getRuntime().availableProcessors());
    }

    /** Same settings with another number of threads per batch (1: no batch splitting). */
    public TrainingTuning withComputeThreads(int threads) {
        return new TrainingTuning(model, pipelineThreads, prefetch, threads);
    }
}
