package io.counterweight.core.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every DL4J setting that changes speed but not the maths of a model, in one place so speed work can
 * tune it without touching the architectures. {@link #defaults()} are DL4J's own sensible choices.
 *
 * @param trainingWorkspaces  workspace mode while fitting (ENABLED reuses off-heap memory between steps)
 * @param inferenceWorkspaces workspace mode for {@code output()} during evaluation
 * @param cacheMode           DL4J layer cache (NONE: no extra memory)
 * @param dataType            network parameter/activation type
 * @param format              layout of the network input and convolutions; BatchAssembler builds NCHW batches
 */
public record ModelTuning(WorkspaceMode trainingWorkspaces, WorkspaceMode inferenceWorkspaces, CacheMode cacheMode,
                          DataType dataType, CNN2DFormat format) {

    public static ModelTuning defaults() {
        return new ModelTuning(WorkspaceMode.ENABLED, WorkspaceMode.ENABLED, CacheMode.NONE, DataType.FLOAT, CNN2DFormat.NCHW);
    }
}
